/**
 * Purchase histories → the per-customer summary the BG/NBD and Gamma-Gamma models read (Fader,
 * Hardie & Lee 2005's conventions): time in weeks; purchases on the same day are one transaction
 * (their amounts summed); the first transaction is the customer's birth, so x counts the repeat
 * transactions up to the calibration end (inclusive), t_x is the last one's time since the first,
 * T the time from the first to the calibration end, and z̄ the mean value of the repeats.
 * Customers whose first purchase falls after the calibration end are not in it.
 */

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

export interface PurchaseRow {
  accountId: number;
  /** YYYY-MM-DD. */
  day: string;
  /** Amount in the currency's major unit. */
  amount: number;
}

export interface CustomerSummary {
  accountIds: number[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat transactions (0 when x = 0). */
  zbar: Float64Array;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;

/** `rows` ordered by account, then day. Rows after `calibrationEnd` (YYYY-MM-DD) are left out. */
export function summarisePurchases(rows: Iterable<PurchaseRow>, calibrationEnd: string): CustomerSummary {
  const end = dayNumber(calibrationEnd);
  const ids: number[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const zbar: number[] = [];
  let current = -1;
  let first = 0;
  let lastDay = 0;
  let dayAmount = 0;
  let repeats = 0;
  let repeatSum = 0;
  const closeDay = () => {
    // The day just ended was a repeat transaction when it is not the first one.
    if (lastDay !== first) {
      repeats++;
      repeatSum += dayAmount;
    }
  };
  const closeCustomer = () => {
    if (current < 0) return;
    closeDay();
    ids.push(current);
    x.push(repeats);
    tx.push(repeats > 0 ? (lastDay - first) / WEEK_DAYS : 0);
    T.push((end - first) / WEEK_DAYS);
    zbar.push(repeats > 0 ? repeatSum / repeats : 0);
  };
  for (const row of rows) {
    const day = dayNumber(row.day);
    if (day > end) continue;
    if (row.accountId !== current) {
      closeCustomer();
      current = row.accountId;
      first = day;
      lastDay = day;
      dayAmount = row.amount;
      repeats = 0;
      repeatSum = 0;
    } else if (day === lastDay) {
      dayAmount += row.amount;
    } else {
      closeDay();
      lastDay = day;
      dayAmount = row.amount;
    }
  }
  closeCustomer();
  return { accountIds: ids, x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), zbar: Float64Array.from(zbar) };
}

/** How many minor-unit digits a currency has (USD 2, JPY 0), from Intl's ISO 4217 data. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
