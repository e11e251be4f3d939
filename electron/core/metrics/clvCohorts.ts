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
 * One account's part of the cohort rows over a period (kept per workspace state and period by
 * metrics/periodFacts.ts, issue 14): its start year and, at each 1 January from the year after it
 * up to the period end, whether it was a customer then and its yearly margin term. Null when it is
 * in no cohort (no gross margin, or started at or after the period end).
 */
export interface CohortPart {
  year: number;
  alive: Uint8Array;
  margin: Float64Array;
}

export function cohortPartOf(a: AccountFacts, to: string, levelAt: (accountId: number, date: string) => number): CohortPart | null {
  if (a.grossMarginPct === null || a.start >= to) return null;
  const year = startYear(a);
  const dates = januariesFrom(year + 1, to);
  const alive = new Uint8Array(dates.length);
  const margin = new Float64Array(dates.length);
  dates.forEach((date, k) => {
    if (!isCustomerAt(a, date)) return;
    alive[k] = 1;
    // The term clvCohortRows adds for a survivor, the same expression so the sums are the same to the last digit.
    margin[k] = (levelAt(a.id, date) * a.grossMarginPct!) / 100;
  });
  return { year, alive, margin };
}

/** clvCohortRows from the accounts' kept parts (null: in no cohort), in the accounts' order: the same rows. */
export function clvCohortRowsOfParts(parts: Iterable<CohortPart | null>, options: CohortOptions & { limit?: number }) {
  const members = new Map<number, CohortPart[]>();
  for (const part of parts) if (part) (members.get(part.year) ?? members.set(part.year, []).get(part.year)!).push(part);
  const years = [...members.keys()].sort((a, b) => a - b).slice(-(options.limit ?? 8));
  return years.map((year) => {
    const cohort = members.get(year)!;
    const survival: number[] = [];
    const margins: number[] = [];
    const dates = cohort[0]!.alive.length;
    for (let k = 0; k < dates; k++) {
      let alive = 0;
      let margin = 0;
      for (const part of cohort) {
        if (part.alive[k] !== 1) continue;
        alive++;
        margin += part.margin[k]!;
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
