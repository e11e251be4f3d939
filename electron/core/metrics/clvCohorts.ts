import { figure } from './figure';
import type { AccountFacts } from './repo';
import { arrLevelsAt, isCustomerAt } from './retentionFigures';
import { noValue } from './types';
import { type ClvSurvival, clvCohort } from './value';

/**
 * CLV in the cohort form (Gupta, Lehmann & Stuart 2004), one row per start-year cohort, from what
 * each cohort actually did. Approximations, documented in docs/metrics.md:
 * - cohorts are calendar years of the start date; period t (1..T) ends on 1 January of start year + t;
 *   T counts the 1 Januaries up to the period end, so a cohort that started this year has none;
 * - S_t = share of the cohort still customers on that 1 January (its observed survival curve);
 * - m_t = the yearly margin per surviving customer then: their ARR run-rate on that day × their
 *   gross margin % (the current margin: no margin history is kept), averaged over the survivors;
 * - the horizon is what was observed (no tail beyond T), so young cohorts read lower: a cohort's
 *   CLV is the value realised so far, discounted to its start, not a forecast.
 * Accounts without a gross margin are left out of the cohorts (n is the cohort size used).
 */

export interface CohortInput {
  accounts: readonly AccountFacts[];
  /** ARR steps per account, as from arrStepsOf. */
  steps: Map<number, [string, number][]>;
  /** Period end (exclusive), ISO date. */
  to: string;
  discount: number;
  /** The survival convention and the acquisition cost (settings' customerValue); 'retained' and 0 when absent. */
  survival?: ClvSurvival;
  acquisitionCost?: number;
  /** At most this many of the latest cohorts. */
  limit?: number;
  /** Every account's ARR levels at some dates, when the caller keeps them (metrics/inputs.ts arrLevelsOf); else computed from `steps` for each cohort. */
  levelsAt?: (dates: readonly string[]) => Map<number, number[]>;
}

const startYear = (a: AccountFacts) => Number(a.start.slice(0, 4));

/** The 1 Januaries from `from` on, up to `to` (inclusive). */
const januariesFrom = (from: number, to: string) => {
  const dates: string[] = [];
  for (let y = from; `${y}-01-01` <= to; y++) dates.push(`${y}-01-01`);
  return dates;
};

type CohortOptions = Pick<CohortInput, 'to' | 'discount' | 'survival' | 'acquisitionCost'>;

/** One cohort's row from its size and, at each 1 January, its survival and margin per survivor. */
function cohortRow(year: number, size: number, survival: number[], margins: number[], { discount, survival: convention = 'retained', acquisitionCost = 0 }: CohortOptions) {
  const years = survival.length;
  const result =
    years === 0 ? noValue('no full year observed yet', size) : { ...clvCohort({ margins, retention: survival, discount, survival: convention, acquisitionCost }), n: size };
  return { cohort: String(year), size, years, survival, margins, clv: figure(convention === 'present' ? 'clvCohortPresent' : 'clvCohort', result) };
}

/**
 * Every account's part of the cohort rows over a period (kept with the dashboard's inputs per period by
 * metrics/periodFacts.ts, issue 14): its start year and, at each 1 January from the year after it
 * up to the period end, whether it was a customer then and its yearly margin term. Flat typed
 * arrays for all accounts, not two typed arrays per account: kept for every account and period,
 * those were 200,000 objects per period at 100,000 accounts, built by the first dashboard after opening.
 */
export interface CohortParts {
  /** Each account's start year, or NO_PART: no gross margin, started at or after the period end, or left out by the caller. */
  year: Int32Array;
  /** Where each account's terms start in `alive` and `margin` (one per 1 January from its start year + 1 on). */
  offset: Int32Array;
  alive: Uint8Array;
  margin: Float64Array;
}

const NO_PART = -1;

/** The parts of `accounts` (those `counted` leaves out have none), as clvCohortRows would compute each account's. */
export function cohortPartsOf(accounts: readonly AccountFacts[], counted: (k: number) => boolean, to: string, levelAt: (accountId: number, date: string) => number): CohortParts {
  const n = accounts.length;
  const year = new Int32Array(n).fill(NO_PART);
  const offset = new Int32Array(n + 1);
  let first = Infinity;
  accounts.forEach((a, k) => {
    if (!counted(k) || a.grossMarginPct === null || a.start >= to) return;
    year[k] = startYear(a);
    first = Math.min(first, year[k]);
  });
  // The 1 Januaries from the first start year + 1 on, once: an account's are the tail from its own year + 1.
  const januaries = Number.isFinite(first) ? januariesFrom(first + 1, to) : [];
  const datesOf = (k: number) => (year[k] === NO_PART ? 0 : Math.max(0, januaries.length - (year[k]! - first)));
  for (let k = 0; k < n; k++) offset[k + 1] = offset[k]! + datesOf(k);
  const alive = new Uint8Array(offset[n]!);
  const margin = new Float64Array(offset[n]!);
  accounts.forEach((a, k) => {
    const dates = datesOf(k);
    for (let j = 0; j < dates; j++) {
      const date = januaries[year[k]! - first + j]!;
      if (!isCustomerAt(a, date)) continue;
      alive[offset[k]! + j] = 1;
      // The term clvCohortRows adds for a survivor, the same expression so the sums are the same to the last digit.
      margin[offset[k]! + j] = (levelAt(a.id, date) * a.grossMarginPct!) / 100;
    }
  });
  return { year, offset, alive, margin };
}

/**
 * Account k's margin terms again (its ARR history changed; its start year, margin, currency and
 * churn did not, so it is in the same cohort alive on the same 1 Januaries): the same expression
 * as cohortPartsOf. Its j-th term is the 1 January of its start year + 1 + j.
 */
export function patchCohortPart(parts: CohortParts, k: number, account: AccountFacts, levelAt: (accountId: number, date: string) => number): void {
  const year = parts.year[k]!;
  if (year === NO_PART) return;
  for (let at = parts.offset[k]!, j = 0; at < parts.offset[k + 1]!; at++, j++) {
    if (parts.alive[at] !== 1) continue;
    parts.margin[at] = (levelAt(account.id, `${year + 1 + j}-01-01`) * account.grossMarginPct!) / 100;
  }
}

/** clvCohortRows from the kept parts of the accounts at `positions` (all for null), in their order: the same rows. */
export function clvCohortRowsOfKept(parts: CohortParts, positions: Int32Array | null, options: CohortOptions & { limit?: number }) {
  const members = new Map<number, number[]>();
  const n = positions?.length ?? parts.year.length;
  for (let i = 0; i < n; i++) {
    const k = positions ? positions[i]! : i;
    const year = parts.year[k]!;
    if (year !== NO_PART) (members.get(year) ?? members.set(year, []).get(year)!).push(k);
  }
  const years = [...members.keys()].sort((a, b) => a - b).slice(-(options.limit ?? 8));
  return years.map((year) => {
    const cohort = members.get(year)!;
    const survival: number[] = [];
    const margins: number[] = [];
    const dates = parts.offset[cohort[0]! + 1]! - parts.offset[cohort[0]!]!;
    for (let j = 0; j < dates; j++) {
      let alive = 0;
      let margin = 0;
      for (const k of cohort) {
        const at = parts.offset[k]! + j;
        if (parts.alive[at] !== 1) continue;
        alive++;
        margin += parts.margin[at]!;
      }
      survival.push(alive / cohort.length);
      margins.push(alive ? margin / alive : 0);
    }
    return cohortRow(year, cohort.length, survival, margins, options);
  });
}

export function clvCohortRows({ accounts, steps, to, discount, survival: convention = 'retained', acquisitionCost = 0, limit = 8, levelsAt }: CohortInput) {
  const members = new Map<number, AccountFacts[]>();
  for (const a of accounts) {
    if (a.grossMarginPct === null || a.start >= to) continue;
    const year = startYear(a);
    (members.get(year) ?? members.set(year, []).get(year)!).push(a);
  }
  const years = [...members.keys()].sort((a, b) => a - b).slice(-limit);
  const januaries = (from: number) => januariesFrom(from, to);
  // Kept levels: one list of 1 Januaries from the first cohort's first on; a cohort reads from its own first.
  const kept = levelsAt && years.length > 0 ? levelsAt(januaries(years[0]! + 1)) : null;
  return years.map((year) => {
    const cohort = members.get(year)!;
    const dates = januaries(year + 1);
    const offset = year - years[0]!;
    // Without kept levels, only this cohort's accounts' levels: cheaper than every account's.
    const own = kept ? null : arrLevelsAt(new Map(cohort.map((a) => [a.id, steps.get(a.id) ?? []])), dates);
    const levelOf = own ? (id: number, k: number) => own.get(id)?.[k] ?? 0 : (id: number, k: number) => kept!.get(id)?.[k + offset] ?? 0;
    const survival: number[] = [];
    const margins: number[] = [];
    dates.forEach((date, k) => {
      const alive = cohort.filter((a) => isCustomerAt(a, date));
      survival.push(alive.length / cohort.length);
      const margin = alive.reduce((sum, a) => sum + (levelOf(a.id, k) * a.grossMarginPct!) / 100, 0);
      margins.push(alive.length ? margin / alive.length : 0);
    });
    return cohortRow(year, cohort.length, survival, margins, { to, discount, survival: convention, acquisitionCost });
  });
}
