import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { cached } from '../db/inputCache';
import { pick, type AccountIndex } from './accountIndex';
import { arrLevelsOf, arrStepsOf } from './inputs';
import type { AccountFacts } from './repo';
import { clvCohortRowsOfKept, cohortPartsOf, type CohortParts } from './clvCohorts';
import { renewalFigureOfSums, renewalsOf, revenueFiguresOfMovements, tenureDaysOf, tenureFigureOfSorted } from './retentionFigures';
import { revenueMovementsOf } from './retention';
import { accountValues, valueFiguresOf, type AccountValue } from './valueFigures';

/**
 * Every account's part of the dashboard's per-account figures over one period (issue 14): its ARR
 * at the three boundaries (NRR/GRR, this period's and the previous one's), its renewals due and
 * renewed, its tenure, and its CLV, CLV at the start and end and cash flow (value). Computed in one
 * pass over the accounts per workspace state and period (any write starts a new state,
 * db/inputCache.ts), then each filter picks its accounts' parts and sums them with the same
 * summaries as the walk over the accounts, so the figures are the same to the last digit: the
 * second and every later filter of a period does no per-account arithmetic.
 */

export interface Period {
  prevFrom: string;
  from: string;
  to: string;
  today: string;
}

interface PeriodFacts {
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

/** Periods kept per workspace state: a session looks at a few, never many. */
const MAX_PERIODS = 8;

function periodFactsOf(sqlite: Database.Database, all: readonly AccountFacts[], period: Period, settings: Settings): PeriodFacts {
  const kept = cached(sqlite, 'periodFacts', () => new Map<string, PeriodFacts>());
  const key = `${period.prevFrom}/${period.from}/${period.to}/${period.today}`;
  let facts = kept.get(key);
  if (facts) return facts;
  const atBounds = arrLevelsOf(sqlite, [period.prevFrom, period.from, period.to]);
  // The ARR levels at every 1 January since the first start (the CLV cohorts' dates).
  const firstYear = all.reduce((first, a) => Math.min(first, Number(a.start.slice(0, 4))), Infinity);
  const januaries: string[] = [];
  for (let y = firstYear + 1; `${y}-01-01` <= period.to; y++) januaries.push(`${y}-01-01`);
  const atJanuaries = arrLevelsOf(sqlite, januaries);
  const levelAt = (id: number, date: string) => atJanuaries.get(id)?.[Number(date.slice(0, 4)) - firstYear - 1] ?? 0;
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
  const values = accountValues(all, all, arrStepsOf(sqlite), current, period, settings);
  facts = {
    bounds,
    due,
    renewed,
    values,
    clvs: orderOf(values.map((v) => v.atEnd?.value)),
    tenures: orderOf(all.map((a) => tenureDaysOf(a, period.to))),
    cohorts: cohortPartsOf(all, (k) => values[k]!.inCurrency, period.to, levelAt),
  };
  if (kept.size >= MAX_PERIODS) kept.clear();
  kept.set(key, facts);
  return facts;
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
export function periodFigures(sqlite: Database.Database, index: AccountIndex, positions: Int32Array | null, period: Period, settings: Settings) {
  const facts = periodFactsOf(sqlite, index.all, period, settings);
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
    value: valueFiguresOf(accounts, pick(facts.values, positions), arrStepsOf(sqlite), period, settings, undefined, {
      sortedClvs: sortedValues(facts.clvs, positions),
      clvCohorts,
    }),
  };
}
