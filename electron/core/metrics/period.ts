import { DAY_MS } from '../../../shared/dates';

/**
 * Periods of the metrics engine, on whole calendar months in UTC. Rollups are kept per month, so
 * a requested period is widened to the months that contain it (from → the first of its month,
 * to → the first of the next month unless it already is one) and the widened period is what the
 * result reports as its scope. Months are numbered year · 12 + (month − 1) (2026-03 → 24314).
 */

export type Granularity = 'month' | 'quarter';

export interface MonthRange {
  /** First month inside the period. */
  from: number;
  /** First month after it (exclusive). */
  to: number;
}

export const monthOfDate = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
export const monthStart = (month: number) => `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
export const monthLabel = (month: number) => monthStart(month).slice(0, 7);
export const quarterLabel = (month: number) => `${Math.floor(month / 12)}-Q${Math.floor((month % 12) / 3) + 1}`;
/** The first month of the quarter that holds `month`. */
export const quarterStart = (month: number) => month - (month % 3);

/** The months of a query: defaults to the twelve months up to and including the current one. */
export function resolveMonths(query: { from?: string; to?: string }, now: Date, granularity: Granularity = 'month'): MonthRange {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  let to = query.to ? monthOfDate(query.to) + (query.to.slice(8, 10) === '01' ? 0 : 1) : current + 1;
  let from = query.from ? monthOfDate(query.from) : to - 12;
  if (granularity === 'quarter') {
    from = quarterStart(from);
    to = quarterStart(to + 2);
  }
  if (to <= from) to = from + (granularity === 'quarter' ? 3 : 1);
  return { from, to };
}

/** The same number of months just before. */
export const previousMonths = (range: MonthRange): MonthRange => ({ from: 2 * range.from - range.to, to: range.from });

/** The points of a trend: each month, or each quarter, of the range. */
export function periodsOf(range: MonthRange, granularity: Granularity): { label: string; from: number; to: number }[] {
  const step = granularity === 'quarter' ? 3 : 1;
  const points = [];
  for (let m = range.from; m < range.to; m += step) {
    points.push({ label: granularity === 'quarter' ? quarterLabel(m) : monthLabel(m), from: m, to: Math.min(range.to, m + step) });
  }
  return points;
}

/**
 * The month number of an instant in ms since the epoch, by integer arithmetic (H. Hinnant's
 * days-to-civil algorithm): the rebuild computes millions of these, and `new Date` is slower.
 */
export function monthOfMs(ms: number): number {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}
