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

export function clvCohortRows({ accounts, steps, to, discount, survival: convention = 'retained', acquisitionCost = 0, limit = 8, levelsAt }: CohortInput) {
  const members = new Map<number, AccountFacts[]>();
  for (const a of accounts) {
    if (a.grossMarginPct === null || a.start >= to) continue;
    const year = startYear(a);
    (members.get(year) ?? members.set(year, []).get(year)!).push(a);
  }
  const years = [...members.keys()].sort((a, b) => a - b).slice(-limit);
  const januaries = (from: number) => {
    const dates: string[] = [];
    for (let y = from; `${y}-01-01` <= to; y++) dates.push(`${y}-01-01`);
    return dates;
  };
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
    const result =
      dates.length === 0
        ? noValue('no full year observed yet', cohort.length)
        : { ...clvCohort({ margins, retention: survival, discount, survival: convention, acquisitionCost }), n: cohort.length };
    return { cohort: String(year), size: cohort.length, years: dates.length, survival, margins, clv: figure(convention === 'present' ? 'clvCohortPresent' : 'clvCohort', result) };
  });
}
