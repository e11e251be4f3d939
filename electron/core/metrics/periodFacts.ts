import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/settings';
import { cached } from '../db/inputCache';
import { pick, type AccountIndex } from './accountIndex';
import { arrLevelsOf, arrStepsOf } from './inputs';
import type { AccountFacts } from './repo';
import { renewalFigureOf, renewalsOf, revenueFiguresOf, tenureDaysOf, tenureFigureOf } from './retentionFigures';
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
  tenures: (number | null)[];
  values: AccountValue[];
  /** Positions with a finite CLV at the period end, by that CLV; those whose CLV is missing; positions with a tenure, by it. */
  clvs: (number | null | undefined)[];
  clvOrder: Int32Array;
  clvMissing: Int32Array;
  tenureOrder: Int32Array;
}

/** The positions whose value is a finite number, sorted by it (ties by position, so the order is the same every time). */
function orderBy(values: readonly (number | null | undefined)[]): Int32Array {
  const positions: number[] = [];
  values.forEach((v, p) => {
    if (typeof v === 'number' && Number.isFinite(v)) positions.push(p);
  });
  return Int32Array.from(positions.sort((a, b) => values[a]! - values[b]! || a - b));
}

/**
 * The values of the member positions in ascending order, read along a kept order (one pass, no
 * sort): the median of a filter's accounts sorts an already sorted list, which costs a pass.
 */
function sortedValues(order: Int32Array, values: readonly (number | null | undefined)[], member: Uint8Array | null): number[] {
  const out: number[] = [];
  for (const p of order) if (member === null || member[p] === 1) out.push(values[p]!);
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
  const levels = all.map((a) => (atBounds.get(a.id) ?? [0, 0, 0]) as [number, number, number]);
  const current = new Map(all.map((a, k) => [a.id, [levels[k]![1], levels[k]![2]]]));
  facts = {
    current: levels.map(([, atFrom, atTo]) => ({ startArr: atFrom, endArr: atTo })),
    previous: levels.map(([atPrev, atFrom]) => ({ startArr: atPrev, endArr: atFrom })),
    renewals: all.map((a) => renewalsOf(a, period.from, period.to, period.today)),
    tenures: all.map((a) => tenureDaysOf(a, period.to)),
    values: accountValues(all, all, arrStepsOf(sqlite), current, period, settings),
    clvs: [],
    clvOrder: new Int32Array(0),
    clvMissing: new Int32Array(0),
    tenureOrder: new Int32Array(0),
  };
  const clvs = (facts.clvs = facts.values.map((v) => v.atEnd?.value));
  facts.clvOrder = orderBy(clvs);
  facts.clvMissing = Int32Array.from(clvs.flatMap((v, p) => (v !== undefined && !(typeof v === 'number' && Number.isFinite(v)) ? [p] : [])));
  facts.tenureOrder = orderBy(facts.tenures);
  if (kept.size >= MAX_PERIODS) kept.clear();
  kept.set(key, facts);
  return facts;
}

/** The per-account figures of the accounts at `positions` (all for null; accountIndex.ts), summed from their kept parts. */
export function periodFigures(sqlite: Database.Database, index: AccountIndex, positions: Int32Array | null, period: Period, settings: Settings) {
  const facts = periodFactsOf(sqlite, index.all, period, settings);
  const accounts = pick(index.all, positions);
  let member: Uint8Array | null = null;
  if (positions !== null) {
    member = new Uint8Array(index.all.length);
    for (const p of positions) member[p] = 1;
  }
  const clvs: (number | null)[] = sortedValues(facts.clvOrder, facts.clvs, member);
  for (const p of facts.clvMissing) if (member === null || member[p] === 1) clvs.push(null);
  return {
    accounts,
    revenue: revenueFiguresOf(pick(facts.current, positions)),
    previousRevenue: revenueFiguresOf(pick(facts.previous, positions)),
    renewalRate: renewalFigureOf(pick(facts.renewals, positions)),
    tenureMonths: tenureFigureOf(sortedValues(facts.tenureOrder, facts.tenures, member)),
    value: valueFiguresOf(accounts, pick(facts.values, positions), arrStepsOf(sqlite), period, settings, (dates) => arrLevelsOf(sqlite, dates), clvs),
  };
}
