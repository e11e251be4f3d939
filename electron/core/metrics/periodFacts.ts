import type { Settings } from '../../../shared/contract/settings';
import { pick, type AccountIndex } from './accountIndex';
import { levelsOf } from './arrLevels';
import type { DashboardInputs } from './inputs';
import { clvCohortRowsOfKept, cohortPartsOf, patchCohortPart, type CohortParts } from './clvCohorts';
import { renewalFigureOfSums, renewalsOf, revenueFiguresOfMovements, tenureDaysOf, tenureFigureOfSorted } from './retentionFigures';
import { revenueMovementsOf } from './retention';
import { accountValues, valueFiguresOf, type AccountValue } from './valueFigures';

/**
 * Every account's part of the dashboard's per-account figures over one period (issue 14): its ARR
 * at the three boundaries (NRR/GRR, this period's and the previous one's), its renewals due and
 * renewed, its tenure, and its CLV, CLV at the start and end and cash flow (value). Computed in one
 * pass over the accounts per period and kept with the dashboard's inputs (inputs.ts: a write to
 * another domain keeps them, an account's new ARR history patches its own parts, anything else
 * reads them again), then each filter picks its accounts' parts and sums them with the same
 * summaries as the walk over the accounts, so the figures are the same to the last digit: the
 * second and every later filter of a period does no per-account arithmetic.
 */

export interface Period {
  prevFrom: string;
  from: string;
  to: string;
  today: string;
}

export interface PeriodFacts {
  /** What they were computed for: an account's parts are computed again from these (patchPeriodFacts). */
  period: Period;
  settings: Settings;
  /** The first start year of all accounts, and the 1 Januaries after it up to the period end (the CLV cohorts' dates). */
  firstYear: number;
  januaries: string[];
  /**
   * ARR at the previous period's start, the period start and the period end (NRR/GRR of this period
   * and the previous one), three per account in the accounts' order. Typed arrays, not an object or
   * a tuple per account: the first dashboard after opening allocated hundreds of thousands of them
   * per period at 100,000 accounts, and young-generation GC of what survives was half its time (issue 14).
   */
  bounds: Float64Array;
  /** Renewals due in the period and renewed, per account. */
  due: Int32Array;
  renewed: Int32Array;
  values: AccountValue[];
  /** The finite CLVs at the period end and the tenures, each in ascending order with each position's rank in it. */
  clvs: Ordered;
  tenures: Ordered;
  /** Each account's part of the CLV cohort rows (none: in no cohort, or not in the settings' currency). */
  cohorts: CohortParts;
}

/** Finite values in ascending order, and each position's rank in that order (-1: not finite, left out). */
interface Ordered {
  sorted: Float64Array;
  rankOf: Int32Array;
}

/** The values' order (ties by position, so the order is the same every time). */
function orderOf(values: readonly (number | null | undefined)[]): Ordered {
  const positions: number[] = [];
  values.forEach((v, p) => {
    if (typeof v === 'number' && Number.isFinite(v)) positions.push(p);
  });
  positions.sort((a, b) => values[a]! - values[b]! || a - b);
  const rankOf = new Int32Array(values.length).fill(-1);
  const sorted = new Float64Array(positions.length);
  positions.forEach((p, rank) => {
    rankOf[p] = rank;
    sorted[rank] = values[p]!;
  });
  return { sorted, rankOf };
}

/**
 * The values of the positions (all for null) in ascending order, for a median without sorting the
 * values again: all of them is the kept order itself; a filter sorts its positions' ranks (integers
 * in a typed array) instead of walking the whole order, which cost "my accounts" a pass over every account.
 */
function sortedValues({ sorted, rankOf }: Ordered, positions: Int32Array | null): Float64Array {
  if (positions === null) return sorted;
  const ranks = new Int32Array(positions.length);
  let n = 0;
  for (const p of positions) if (rankOf[p]! >= 0) ranks[n++] = rankOf[p]!;
  const mine = ranks.subarray(0, n).sort();
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = sorted[mine[k]!]!;
  return out;
}

/** Periods kept with the inputs: a session looks at a few, never many. */
const MAX_PERIODS = 8;

/** The ARR level of an account at a 1 January from the kept levels at every 1 January after `firstYear`. */
const levelAtOf = (atJanuaries: Map<number, number[]>, firstYear: number) => (id: number, date: string) => atJanuaries.get(id)?.[Number(date.slice(0, 4)) - firstYear - 1] ?? 0;

function periodFactsOf(live: DashboardInputs, period: Period, settings: Settings): PeriodFacts {
  const all = live.accounts;
  const key = `${period.prevFrom}/${period.from}/${period.to}/${period.today}`;
  let facts = live.periods.get(key);
  if (facts) return facts;
  const atBounds = levelsOf(live, [period.prevFrom, period.from, period.to]);
  // The ARR levels at every 1 January since the first start (the CLV cohorts' dates).
  const firstYear = all.reduce((first, a) => Math.min(first, Number(a.start.slice(0, 4))), Infinity);
  const januaries: string[] = [];
  for (let y = firstYear + 1; `${y}-01-01` <= period.to; y++) januaries.push(`${y}-01-01`);
  const levelAt = levelAtOf(levelsOf(live, januaries), firstYear);
  const bounds = new Float64Array(3 * all.length);
  const due = new Int32Array(all.length);
  const renewed = new Int32Array(all.length);
  all.forEach((a, k) => {
    const levels = atBounds.get(a.id);
    if (levels) bounds.set(levels, 3 * k);
    [due[k], renewed[k]] = renewalsOf(a, period.from, period.to, period.today);
  });
  // accountValues reads each account's ARR at the period start and end by id.
  const current = { get: (id: number) => atBounds.get(id)?.slice(1) };
  const values = accountValues(all, all, live.steps, current, period, settings);
  facts = {
    period,
    settings,
    firstYear,
    januaries,
    bounds,
    due,
    renewed,
    values,
    clvs: orderOf(values.map((v) => v.atEnd?.value)),
    tenures: orderOf(all.map((a) => tenureDaysOf(a, period.to))),
    cohorts: cohortPartsOf(all, (k) => values[k]!.inCurrency, period.to, levelAt),
  };
  if (live.periods.size >= MAX_PERIODS) live.periods.clear();
  live.periods.set(key, facts);
  return facts;
}

/**
 * The order with position k's value replaced (orderOf of the values with that one changed, in two
 * passes instead of a sort): k leaves its rank, the others close up, and it takes the rank of the
 * values below it (ties by position, as orderOf orders them).
 */
function reordered({ sorted, rankOf }: Ordered, k: number, value: number | null | undefined): Ordered {
  const old = rankOf[k]!;
  const finite = typeof value === 'number' && Number.isFinite(value);
  let rank = 0;
  if (finite) {
    for (let p = 0; p < rankOf.length; p++) {
      const r = rankOf[p]!;
      if (p === k || r < 0) continue;
      if (sorted[r]! < value || (sorted[r] === value && p < k)) rank++;
    }
  }
  const out: Ordered = { sorted: new Float64Array(sorted.length - (old >= 0 ? 1 : 0) + (finite ? 1 : 0)), rankOf: new Int32Array(rankOf.length) };
  for (let p = 0; p < rankOf.length; p++) {
    let r = rankOf[p]!;
    if (p === k) r = finite ? rank : -1;
    else if (r >= 0) {
      if (old >= 0 && r > old) r--;
      if (finite && r >= rank) r++;
    }
    out.rankOf[p] = r;
    if (r >= 0) out.sorted[r] = p === k ? value! : sorted[rankOf[p]!]!;
  }
  return out;
}

/**
 * Account `k`'s parts after a write that changed its ARR history and nothing the other accounts'
 * parts depend on (inputs.ts checks: not its segment, start, churn, currency or margin): its ARR at
 * the bounds, its value and CLV's place in the order, its CLV cohort margin terms. Its renewals and
 * tenure follow its start and churn, unchanged. The levels are the inputs' own, already patched.
 */
export function patchPeriodFacts(live: DashboardInputs, facts: PeriodFacts, k: number): void {
  const { period, settings } = facts;
  const account = live.accounts[k]!;
  const atBounds = levelsOf(live, [period.prevFrom, period.from, period.to]);
  facts.bounds.set(atBounds.get(account.id) ?? [0, 0, 0], 3 * k);
  const current = { get: (id: number) => atBounds.get(id)?.slice(1) };
  const value = accountValues([account], live.accounts, live.steps, current, period, settings)[0]!;
  facts.values[k] = value;
  facts.clvs = reordered(facts.clvs, k, value.atEnd?.value);
  patchCohortPart(facts.cohorts, k, account, levelAtOf(levelsOf(live, facts.januaries), facts.firstYear));
}

/** The account at the k-th of `positions` (all for null). */
const positionAt = (positions: Int32Array | null) => (positions === null ? (k: number) => k : (k: number) => positions[k]!);

/** NRR/GRR from the ARR at two of the three kept bounds (0 previous start, 1 start, 2 end), in the accounts' order as revenueFiguresOf sums them. */
function revenueOf(bounds: Float64Array, positions: Int32Array | null, all: number, start: number, end: number) {
  const at = positionAt(positions);
  return revenueFiguresOfMovements(
    revenueMovementsOf(
      positions?.length ?? all,
      (k) => bounds[3 * at(k) + start]!,
      (k) => bounds[3 * at(k) + end]!,
    ),
  );
}

function renewalsOfPositions({ due, renewed }: PeriodFacts, positions: Int32Array | null, all: number) {
  const at = positionAt(positions);
  let dueSum = 0;
  let renewedSum = 0;
  for (let k = 0; k < (positions?.length ?? all); k++) {
    dueSum += due[at(k)]!;
    renewedSum += renewed[at(k)]!;
  }
  return renewalFigureOfSums(dueSum, renewedSum);
}

/** The per-account figures of the accounts at `positions` (all for null; accountIndex.ts), summed from their kept parts. */
export function periodFigures(live: DashboardInputs, index: AccountIndex, positions: Int32Array | null, period: Period, settings: Settings) {
  const facts = periodFactsOf(live, period, settings);
  const all = index.all;
  const accounts = pick(index.all, positions);
  const { discountRate: discount, customerValue } = settings;
  const clvCohorts = clvCohortRowsOfKept(facts.cohorts, positions, {
    to: period.to,
    discount,
    survival: customerValue.survival,
    acquisitionCost: customerValue.acquisitionCostMinor,
  });
  return {
    accounts,
    revenue: revenueOf(facts.bounds, positions, all.length, 1, 2),
    previousRevenue: revenueOf(facts.bounds, positions, all.length, 0, 1),
    renewalRate: renewalsOfPositions(facts, positions, all.length),
    tenureMonths: tenureFigureOfSorted(sortedValues(facts.tenures, positions)),
    value: valueFiguresOf(accounts, pick(facts.values, positions), live.steps, period, settings, undefined, {
      sortedClvs: sortedValues(facts.clvs, positions),
      clvCohorts,
    }),
  };
}
