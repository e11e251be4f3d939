import { figure } from './figure';
import { addMonths, DAY_MS } from '../../../shared/dates';
import { monthOfDate, monthStart, quarterLabel, quarterStart } from './period';
import { quantileOfSortedValues } from './quantiles';
import type { AccountFacts } from './repo';
import { type MetricValue, noValue } from './types';
import { grossRevenueRetention, logoChurn, logoRetention, medianTenureDays, netRevenueRetention, renewalRate, revenueMovements, type RevenueMovements } from './retention';

// Retention from the accounts table and the ARR history: small tables, read exactly (not from
// rollups). Dates are YYYY-MM-DD and compare as text. A customer at a date D started before D and
// had not churned before D; new customers (started in the period) are never in its cohort.

export const isCustomerAt = (a: AccountFacts, date: string) => a.start < date && (a.churnedAt === null || a.churnedAt >= date);
const lostIn = (a: AccountFacts, from: string, to: string) => a.churnedAt !== null && a.churnedAt >= from && a.churnedAt < to;

/** Customers at `from`, and how many of them churned before `to`. */
export function cohortCounts(accounts: readonly AccountFacts[], from: string, to: string) {
  const cohort = accounts.filter((a) => isCustomerAt(a, from));
  return { cohort: cohort.length, lost: cohort.filter((a) => lostIn(a, from, to)).length };
}

export function logoFigures(accounts: readonly AccountFacts[], from: string, to: string) {
  const { cohort, lost } = cohortCounts(accounts, from, to);
  return { logoChurn: figure('logoChurn', logoChurn(cohort, lost)), logoRetention: figure('logoRetention', logoRetention(cohort, lost)) };
}

/** ARR steps per account, in date order: [changed_on, arr_minor][] (from arr_changes rows in that order). */
export function arrSteps(changes: readonly [number, string, number][]): Map<number, [string, number][]> {
  const steps = new Map<number, [string, number][]>();
  for (const [accountId, on, arr] of changes) {
    let list = steps.get(accountId);
    if (!list) steps.set(accountId, (list = []));
    list.push([on, arr]);
  }
  return steps;
}

/** ARR level per account at each date: the last step dated before it (0 when none). */
export function arrLevelsAt(steps: Map<number, [string, number][]>, dates: readonly string[]): Map<number, number[]> {
  const levels = new Map<number, number[]>();
  for (const [accountId, list] of steps) {
    levels.set(
      accountId,
      dates.map((date) => {
        let level = 0;
        for (const [on, arr] of list) {
          if (on >= date) break;
          level = arr;
        }
        return level;
      }),
    );
  }
  return levels;
}

/** GRR and NRR of the accounts with ARR at `from` (levels[0]) against their ARR at `to` (levels[1]). */
export function revenueFigures(accounts: readonly AccountFacts[], levels: Map<number, number[]>) {
  return revenueFiguresOf(accounts.map((a) => ({ startArr: levels.get(a.id)?.[0] ?? 0, endArr: levels.get(a.id)?.[1] ?? 0 })));
}

/** GRR and NRR of accounts' start and end ARR. */
export function revenueFiguresOf(rows: readonly { startArr: number; endArr: number }[]) {
  return revenueFiguresOfMovements(revenueMovements(rows));
}

/** GRR and NRR of summed movements (revenueMovements, or revenueMovementsOf over kept levels). */
export function revenueFiguresOfMovements(m: RevenueMovements) {
  return { grossRevenueRetention: figure('grr', grossRevenueRetention(m)), netRevenueRetention: figure('nrr', netRevenueRetention(m)) };
}

/**
 * Renewal rate. Approximation (documented): terms are yearly, so a renewal falls due on each
 * anniversary of the contract start; one is due in the period if its anniversary is in it and
 * has passed, and the account had not churned more than 90 days before it (an earlier churn is
 * an early termination, not a renewal decision). It was renewed if the account had not churned by it.
 */
export function renewalFigure(accounts: readonly AccountFacts[], from: string, to: string, today: string) {
  return renewalFigureOf(accounts.map((a) => renewalsOf(a, from, to, today)));
}

/** One account's renewals due in the period and renewed, as renewalFigure counts them: [due, renewed]. */
export function renewalsOf(a: AccountFacts, from: string, to: string, today: string): [due: number, renewed: number] {
  const end = to < today ? to : today;
  let due = 0;
  let renewed = 0;
  for (let k = 1; ; k++) {
    const anniversary = addMonths(a.start, 12 * k);
    if (anniversary >= end) break;
    if (anniversary < from) continue;
    if (a.churnedAt !== null && a.churnedAt < addDays(anniversary, -90)) break;
    due++;
    if (a.churnedAt === null || a.churnedAt > anniversary) renewed++;
  }
  return [due, renewed];
}

/** The renewal rate of accounts' [due, renewed] counts (renewalsOf). */
export function renewalFigureOf(counts: readonly (readonly [number, number])[]) {
  let due = 0;
  let renewed = 0;
  for (const [d, r] of counts) {
    due += d;
    renewed += r;
  }
  return renewalFigureOfSums(due, renewed);
}

/** The renewal rate of renewals due and renewed, summed (counts are integers: any order gives the same sums). */
export const renewalFigureOfSums = (due: number, renewed: number) => figure('renewalRate', renewalRate(renewed, due));

const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
const DAYS_PER_MONTH = 365.25 / 12;

/** Median months customers at the period end have been customers. */
export function tenureFigure(accounts: readonly AccountFacts[], to: string) {
  return tenureFigureOf(accounts.map((a) => tenureDaysOf(a, to)));
}

/** Days a customer at `to` has been one, null for an account that is not a customer then. */
export const tenureDaysOf = (a: AccountFacts, to: string): number | null => (isCustomerAt(a, to) ? (Date.parse(to) - Date.parse(a.start)) / DAY_MS : null);

/** The median tenure in months of accounts' tenureDaysOf (nulls left out). */
export function tenureFigureOf(tenures: readonly (number | null)[]) {
  const days = tenures.filter((d): d is number => d !== null);
  return tenureFigureOfDays(medianTenureDays(days));
}

/** tenureFigureOf of tenures already sorted, all finite (metrics/periodFacts.ts): no copy and sort of them again. */
export function tenureFigureOfSorted(days: ArrayLike<number>) {
  const { value, n, reason } = quantileOfSortedValues(days, 0.5);
  return tenureFigureOfDays(value === null ? noValue(reason ?? 'no tenures', n) : { value, n });
}

const tenureFigureOfDays = (m: MetricValue) => figure('tenureMonths', m.value === null ? m : { ...m, value: m.value / DAYS_PER_MONTH });

/**
 * Cohort retention curves: accounts by the quarter they started in (the last eight quarters of the
 * period), and the share of each still a customer at the end of its start quarter and each quarter
 * after, up to the period end.
 */
export function cohortCurves(accounts: readonly AccountFacts[], to: string) {
  const lastQuarter = quarterStart(monthOfDate(addDays(to, -1)));
  const firstQuarter = lastQuarter - 21;
  const members = new Map<number, AccountFacts[]>();
  for (const a of accounts) {
    const q = quarterStart(monthOfDate(a.start));
    if (q < firstQuarter || q > lastQuarter || a.start >= to) continue;
    (members.get(q) ?? members.set(q, []).get(q)!).push(a);
  }
  return [...members.keys()]
    .sort((a, b) => a - b)
    .map((q) => {
      const cohort = members.get(q)!;
      const retention: (number | null)[] = [];
      for (let end = q + 3; monthStart(end) <= to; end += 3) {
        const date = monthStart(end);
        retention.push((100 * cohort.filter((a) => a.churnedAt === null || a.churnedAt >= date).length) / cohort.length);
      }
      return { cohort: quarterLabel(q), size: cohort.length, retention };
    });
}
