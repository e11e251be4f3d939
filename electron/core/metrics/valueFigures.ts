import type { Settings } from '../../../shared/contract/settings';
import { clvCohortRows } from './clvCohorts';
import { customerValueFigures } from './customerValue';
import { figure } from './figure';
import { addMonths, DAY_MS } from '../../../shared/dates';
import { median, quantileOfSortedValues } from './quantiles';
import type { AccountFacts } from './repo';
import { isCustomerAt } from './retentionFigures';
import { type MetricValue, noValue } from './types';
import { clvSimple, customerEquity, returnOnCustomer } from './value';

/**
 * Customer value. Approximations, documented in docs/metrics.md:
 * - m, the yearly margin, is the account's ARR at the date × its gross margin % (the current margin:
 *   no margin history is kept); accounts without a gross margin have no CLV and are named in a warning.
 * - r is the yearly logo retention of the account's segment over the twelve months before the date
 *   (the whole segment, whatever the other filters); without such a cohort, the portfolio's.
 * - Customer equity is Σ CLV of the customers at the period end.
 * - Return on customer is measured on the base at the period start (as NRR is): equity at the start
 *   = Σ CLV of those customers then; at the end = Σ CLV of the same accounts then (0 for those lost);
 *   cash flow = the margin they earned on ARR over the period, Σ margin % × ∫ ARR dt / year with ARR
 *   stepping at each recorded change (not invoices or payments). Customers won in the period are
 *   left out, so acquisition does not count as a return on the existing customers.
 * - Only accounts in the settings' currency are summed (no exchange rates offline).
 */

const YEAR_MS = 365.25 * DAY_MS;

/**
 * segmentRetention per accounts list and date: the list is the accounts input kept per workspace
 * state (metrics/inputs.ts), so a new state brings a new list and its own entries; a warm
 * dashboard does not walk every account twice for the same two dates.
 */
const retentionKept = new WeakMap<readonly AccountFacts[], Map<string, (segment: string) => number | null>>();

function keptRetention(all: readonly AccountFacts[], date: string): (segment: string) => number | null {
  let byDate = retentionKept.get(all);
  if (!byDate) retentionKept.set(all, (byDate = new Map<string, (segment: string) => number | null>()));
  let rate = byDate.get(date);
  if (!rate) {
    if (byDate.size >= 32) byDate.clear();
    byDate.set(date, (rate = segmentRetention(all, date)));
  }
  return rate;
}

/** Yearly logo retention per segment at a date (one pass), the portfolio's as the fallback. */
export function segmentRetention(all: readonly AccountFacts[], date: string): (segment: string) => number | null {
  const yearAgo = addMonths(date, -12);
  const counts = new Map<string, { cohort: number; lost: number }>();
  const total = { cohort: 0, lost: 0 };
  for (const a of all) {
    if (!isCustomerAt(a, yearAgo)) continue;
    const lost = a.churnedAt !== null && a.churnedAt < date ? 1 : 0;
    let c = counts.get(a.segment);
    if (!c) counts.set(a.segment, (c = { cohort: 0, lost: 0 }));
    c.cohort++;
    c.lost += lost;
    total.cohort++;
    total.lost += lost;
  }
  const rate = (c: { cohort: number; lost: number } | undefined) => (c && c.cohort > 0 ? (c.cohort - c.lost) / c.cohort : null);
  return (segment) => rate(counts.get(segment)) ?? rate(total);
}

function clvOf(a: AccountFacts, arr: number, retention: number | null, settings: Settings): MetricValue {
  if (arr <= 0) return { value: 0, n: 1 };
  if (a.grossMarginPct === null) return noValue('no gross margin', 1);
  if (retention === null) return noValue('no retention history', 1);
  // No acquisition cost here: customer equity sums the current customers, whose acquisition is spent.
  return clvSimple({ margin: (arr * a.grossMarginPct) / 100, retention, discount: settings.discountRate, survival: settings.customerValue.survival });
}

/** Margin earned on ARR over [from, to) by one account, from its ARR steps. */
function cashFlow(steps: readonly [string, number][], marginPct: number, from: string, to: string): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  let total = 0;
  steps.forEach(([on, arr], k) => {
    const a = Math.max(start, Date.parse(on));
    const b = Math.min(end, k + 1 < steps.length ? Date.parse(steps[k + 1]![0]) : end);
    if (b > a) total += (arr * (b - a)) / YEAR_MS;
  });
  return (total * marginPct) / 100;
}

/** One account's part of the value figures over a period (null where it is not counted), computed once per workspace state and period by the dashboard. */
export interface AccountValue {
  inCurrency: boolean;
  /** Its CLV among the customers at the period end. */
  atEnd: MetricValue | null;
  /** Its CLV at the period start and end, when it is in the base at the start (return on customer). */
  start: MetricValue | null;
  end: MetricValue | null;
  /** The margin it earned on ARR over the period, when in the base with a gross margin. */
  flow: number | null;
}

/** Each account's AccountValue, in order. */
export function accountValues(
  accounts: readonly AccountFacts[],
  all: readonly AccountFacts[],
  steps: Map<number, [string, number][]>,
  /** Each account's ARR at the period start and end, by id. */
  levels: Pick<Map<number, readonly number[]>, 'get'>,
  range: { from: string; to: string },
  settings: Settings,
): AccountValue[] {
  const rEnd = keptRetention(all, range.to);
  const rStart = keptRetention(all, range.from);
  return accounts.map((a) => {
    if (a.currency !== settings.currency) return { inCurrency: false, atEnd: null, start: null, end: null, flow: null };
    const [l0, l1] = [levels.get(a.id)?.[0] ?? 0, levels.get(a.id)?.[1] ?? 0];
    const customerAtEnd = isCustomerAt(a, range.to);
    const atEnd = customerAtEnd && l1 > 0 ? clvOf(a, l1, rEnd(a.segment), settings) : null;
    if (!(isCustomerAt(a, range.from) && l0 > 0)) return { inCurrency: true, atEnd, start: null, end: null, flow: null };
    return {
      inCurrency: true,
      atEnd,
      start: clvOf(a, l0, rStart(a.segment), settings),
      end: clvOf(a, customerAtEnd ? l1 : 0, rEnd(a.segment), settings),
      flow: a.grossMarginPct === null ? null : cashFlow(steps.get(a.id) ?? [], a.grossMarginPct, range.from, range.to),
    };
  });
}

export function valueFigures(
  filtered: readonly AccountFacts[],
  all: readonly AccountFacts[],
  steps: Map<number, [string, number][]>,
  levels: Map<number, number[]>,
  range: { from: string; to: string },
  settings: Settings,
  /** Every account's ARR levels at some dates, kept per workspace state (portfolio passes metrics/inputs.ts arrLevelsOf). */
  levelsAt?: (dates: readonly string[]) => Map<number, number[]>,
) {
  return valueFiguresOf(filtered, accountValues(filtered, all, steps, levels, range, settings), steps, range, settings, levelsAt);
}

/** The value figures of the filtered accounts from their AccountValues (same order). */
export function valueFiguresOf(
  filtered: readonly AccountFacts[],
  values: readonly AccountValue[],
  steps: Map<number, [string, number][]>,
  range: { from: string; to: string },
  settings: Settings,
  levelsAt?: (dates: readonly string[]) => Map<number, number[]>,
  /**
   * What the dashboard keeps per workspace state and period (metrics/periodFacts.ts): the finite
   * CLVs of `values`' atEnd in ascending order (the median without a sort) and the CLV cohort rows
   * from the accounts' kept parts (no walk over their ARR history).
   */
  kept?: { sortedClvs: ArrayLike<number>; clvCohorts: ReturnType<typeof clvCohortRows> },
) {
  const inCurrency = filtered.filter((_, k) => values[k]!.inCurrency);
  const other = filtered.length - inCurrency.length;
  const atEnd: MetricValue[] = [];
  const start: MetricValue[] = [];
  const end: MetricValue[] = [];
  let flow = 0;
  for (const v of values) {
    if (v.atEnd) atEnd.push(v.atEnd);
    if (v.start) start.push(v.start);
    if (v.end) end.push(v.end);
    if (v.flow !== null) flow += v.flow;
  }

  const equityStart = customerEquity(start);
  const equityEnd = customerEquity(end);
  const roc =
    equityStart.value === null
      ? noValue(`no customer equity at the period start: ${equityStart.reason}${start[0]?.reason ? ` (e.g. ${start[0].reason})` : ''}`, 0)
      : returnOnCustomer({ cashFlow: flow, equityStart: equityStart.value, equityEnd: equityEnd.value ?? 0, accounts: equityStart.n });
  const currencyNote = other > 0 ? `${other} account${other === 1 ? '' : 's'} in other currencies left out` : undefined;
  const withNote = (m: MetricValue): MetricValue => (currencyNote && m.value !== null ? { ...m, warning: [m.warning, currencyNote].filter(Boolean).join('; ') } : m);
  const clvMedian = kept ? quantileOfSortedValues(kept.sortedClvs, 0.5) : median(atEnd.map((c) => c.value));
  // The CLV shown per customer is net of the acquisition cost (settings), under the chosen survival convention.
  const { survival, acquisitionCostMinor: acquisitionCost } = settings.customerValue;
  const clvDefinition = survival === 'present' ? 'clvPresent' : 'clv';
  return {
    currency: settings.currency,
    customerEquity: figure('customerEquity', withNote(customerEquity(atEnd))),
    clvMedian: figure(clvDefinition, withNote(clvMedian.value === null ? noValue('no account has a CLV') : { value: clvMedian.value - acquisitionCost, n: clvMedian.n })),
    returnOnCustomer: figure('roc', withNote(roc)),
    // The survey is one for the whole workspace: it does not follow the period or the filter.
    customerValue: customerValueFigures(settings.valueMap, settings.customerValue.cvrWeights),
    clvCohorts: kept?.clvCohorts ?? clvCohortRows({ accounts: inCurrency, steps, to: range.to, discount: settings.discountRate, survival, acquisitionCost, levelsAt }),
  };
}
