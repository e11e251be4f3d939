import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { cached } from '../db/inputCache';
import { pick, type AccountIndex } from './accountIndex';
import { arrLevelsOf, arrStepsOf } from './inputs';
import type { AccountFacts } from './repo';
import { clvCohortRowsOfParts, cohortPartOf, type CohortPart } from './clvCohorts';
import { renewalFigureOf, renewalsOf, revenueFiguresOf, tenureDaysOf, tenureFigureOfSorted } from './retentionFigures';
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
  /** ARR at the period start and end, and at the previous period's start and end (NRR/GRR). */
  current: { startArr: number; endArr: number }[];
  previous: { startArr: number; endArr: number }[];
  renewals: [due: number, renewed: number][];
  values: AccountValue[];
  /** The finite CLVs at the period end and the tenures, each in ascending order with each position's rank in it. */
  clvs: Ordered;
  tenures: Ordered;
  /** Its part of the CLV cohort rows (null: in none, or not in the settings' currency). */
  cohorts: (CohortPart | null)[];
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
  const levels = all.map((a) => (atBounds.get(a.id) ?? [0, 0, 0]) as [number, number, number]);
  const current = new Map(all.map((a, k) => [a.id, [levels[k]![1], levels[k]![2]]]));
  const values = accountValues(all, all, arrStepsOf(sqlite), current, period, settings);
  facts = {
    current: levels.map(([, atFrom, atTo]) => ({ startArr: atFrom, endArr: atTo })),
    previous: levels.map(([atPrev, atFrom]) => ({ startArr: atPrev, endArr: atFrom })),
    renewals: all.map((a) => renewalsOf(a, period.from, period.to, period.today)),
    values,
    clvs: orderOf(values.map((v) => v.atEnd?.value)),
    tenures: orderOf(all.map((a) => tenureDaysOf(a, period.to))),
    cohorts: all.map((a, k) => (values[k]!.inCurrency ? cohortPartOf(a, period.to, levelAt) : null)),
  };
  if (kept.size >= MAX_PERIODS) kept.clear();
  kept.set(key, facts);
  return facts;
}

/** The per-account figures of the accounts at `positions` (all for null; accountIndex.ts), summed from their kept parts. */
export function periodFigures(sqlite: Database.Database, index: AccountIndex, positions: Int32Array | null, period: Period, settings: Settings) {
  const facts = periodFactsOf(sqlite, index.all, period, settings);
  const accounts = pick(index.all, positions);
  const { discountRate: discount, customerValue } = settings;
  const clvCohorts = clvCohortRowsOfParts(pick(facts.cohorts, positions), {
    to: period.to,
    discount,
    survival: customerValue.survival,
    acquisitionCost: customerValue.acquisitionCostMinor,
  });
  return {
    accounts,
    revenue: revenueFiguresOf(pick(facts.current, positions)),
    previousRevenue: revenueFiguresOf(pick(facts.previous, positions)),
    renewalRate: renewalFigureOf(pick(facts.renewals, positions)),
    tenureMonths: tenureFigureOfSorted(sortedValues(facts.tenures, positions)),
    value: valueFiguresOf(accounts, pick(facts.values, positions), arrStepsOf(sqlite), period, settings, undefined, {
      sortedClvs: sortedValues(facts.clvs, positions),
      clvCohorts,
    }),
  };
}
