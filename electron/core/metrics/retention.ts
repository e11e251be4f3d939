import { shareWithInterval } from './interval';
import { DAY_MS } from '../../../shared/dates';
import { median } from './quantiles';
import { type MetricValue, isFiniteNumber, noValue } from './types';

/**
 * Retention of a cohort: the accounts (and their ARR) present at the period start. New customers
 * won during the period are not in the cohort, so their ARR never counts as expansion.
 * Definitions as used in subscription-business reporting (e.g. KeyBanc Capital Markets' SaaS
 * survey); logo churn as the period churn rate 1 − r of Gupta & Lehmann (2003), see `value.ts`.
 *
 *   GRR = (start ARR − churned − contraction) / start ARR            (≤ 100 %)
 *   NRR = (start ARR − churned − contraction + expansion) / start ARR
 *   logo churn = lost / customers at start;  logo retention = 1 − logo churn
 *   renewal rate = renewed / up for renewal
 *
 * Amounts are in any one unit (e.g. integer minor units of one currency); results in percent.
 */

export interface RevenueMovements {
  startArr: number;
  /** ARR of cohort accounts that left (end ARR 0). */
  churned: number;
  /** ARR lost by cohort accounts that stayed. */
  contraction: number;
  /** ARR gained by cohort accounts. */
  expansion: number;
  /** Accounts in the cohort (the `n` of the result). */
  accounts: number;
}

/** Sums per-account start/end ARR into movements; rows without start ARR are not in the cohort. */
export function revenueMovements(rows: readonly { startArr: number; endArr: number }[]): RevenueMovements & { notInCohort: number } {
  return revenueMovementsOf(
    rows.length,
    (k) => rows[k]!.startArr,
    (k) => rows[k]!.endArr,
  );
}

/**
 * revenueMovements of `n` accounts read through accessors, in order: the dashboard keeps its
 * accounts' ARR at the period bounds in one typed array (metrics/periodFacts.ts) instead of an
 * object per account and period, which the first dashboard after opening allocated by the hundred thousand.
 */
export function revenueMovementsOf(n: number, startAt: (k: number) => number, endAt: (k: number) => number): RevenueMovements & { notInCohort: number } {
  const m = { startArr: 0, churned: 0, contraction: 0, expansion: 0, accounts: 0, notInCohort: 0 };
  for (let k = 0; k < n; k++) {
    const startArr = startAt(k);
    const endArr = endAt(k);
    if (!(isFiniteNumber(startArr) && startArr > 0)) {
      m.notInCohort += 1;
      continue;
    }
    const end = isFiniteNumber(endArr) && endArr > 0 ? endArr : 0;
    m.accounts += 1;
    m.startArr += startArr;
    if (end === 0) m.churned += startArr;
    else if (end < startArr) m.contraction += startArr - end;
    else m.expansion += end - startArr;
  }
  return m;
}

function checkMovements(m: RevenueMovements): string | null {
  const amounts = [m.startArr, m.churned, m.contraction, m.expansion];
  if (!amounts.every((a) => isFiniteNumber(a) && a >= 0)) return 'amounts must be finite and ≥ 0';
  if (m.startArr === 0) return 'no ARR at the period start';
  if (m.churned + m.contraction > m.startArr) return 'churn and contraction exceed the starting ARR';
  return null;
}

/** Gross revenue retention in percent (0..100). */
export function grossRevenueRetention(m: RevenueMovements): MetricValue {
  const problem = checkMovements(m);
  if (problem) return noValue(problem, m.accounts);
  return { value: (100 * (m.startArr - m.churned - m.contraction)) / m.startArr, n: m.accounts };
}

/** Net revenue retention in percent (can exceed 100). */
export function netRevenueRetention(m: RevenueMovements): MetricValue {
  const problem = checkMovements(m);
  if (problem) return noValue(problem, m.accounts);
  return { value: (100 * (m.startArr - m.churned - m.contraction + m.expansion)) / m.startArr, n: m.accounts };
}

function countShare(part: number, whole: number, wholeLabel: string): MetricValue {
  if (!(Number.isInteger(part) && Number.isInteger(whole) && part >= 0 && whole >= 0)) {
    return noValue('counts must be whole numbers ≥ 0');
  }
  if (whole === 0) return noValue(`no ${wholeLabel}`);
  if (part > whole) return noValue(`more than the ${wholeLabel} (${part} > ${whole})`, whole);
  const share = shareWithInterval(part, whole)!;
  return { ...share, n: whole };
}

/** Logo churn in percent: accounts lost / accounts at the start, with a Wilson interval. */
export function logoChurn(customersAtStart: number, lost: number): MetricValue {
  return countShare(lost, customersAtStart, 'customers at the start');
}

/** Logo retention in percent: 100 − logo churn, with a Wilson interval. */
export function logoRetention(customersAtStart: number, lost: number): MetricValue {
  return countShare(customersAtStart - lost, customersAtStart, 'customers at the start');
}

/** Renewal rate in percent: renewals won / renewals due in the period, with a Wilson interval. */
export function renewalRate(renewed: number, upForRenewal: number): MetricValue {
  return countShare(renewed, upForRenewal, 'renewals due');
}

/** Whole days from start to end (ISO-8601 instants or dates); null if invalid or end < start. */
export function tenureDays(startIso: string, endIso: string): number | null {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return null;
  return Math.floor((end - start) / DAY_MS);
}

/** Tenure in years of 365.25 days (unrounded); null if invalid. */
export function tenureYears(startIso: string, endIso: string): number | null {
  const days = tenureDays(startIso, endIso);
  return days === null ? null : days / 365.25;
}

/** Median tenure in days of a set of accounts (linear quantile, see `quantiles.ts`). */
export function medianTenureDays(days: readonly (number | null | undefined)[]): MetricValue {
  const { value, n, reason } = median(days);
  return value === null ? noValue(reason ?? 'no tenures', n) : { value, n };
}
