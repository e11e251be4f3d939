import { addMonths } from '../../../shared/dates';
import { figure } from './figure';
import { monthOfDate, monthStart, quarterLabel, quarterStart } from './period';
import type { AccountFacts } from './repo';
import { logoChurn, logoRetention } from './retention';
import { NEVER, type SpanCount } from './rollups/cohorts';

// The figures of retentionFigures.ts that only need when accounts started and churned, summed over
// [start month, churn month, accounts] counts: the stored cohort cells (rollups/cohorts.ts) or, for
// a filter the cells do not answer, the filtered accounts counted the same way. Periods are whole
// months, so "started before D" and "churned on or after D" compare months exactly as the dates did.

/** The filtered accounts as span counts (a filter on two dimensions at once): the same figures, from the same code. */
export function spanCountsOf(accounts: readonly AccountFacts[]): SpanCount[] {
  const counts = new Map<string, SpanCount>();
  for (const a of accounts) {
    const [s, c] = [monthOfDate(a.start), a.churnedAt === null ? NEVER : monthOfDate(a.churnedAt)];
    const row = counts.get(`${s}:${c}`);
    if (row) row[2]++;
    else counts.set(`${s}:${c}`, [s, c, 1]);
  }
  return [...counts.values()];
}

/** Customers at month `from` (started before it, not churned before it), and how many of them churned before `to`. */
export function cohortCountsOf(spans: readonly SpanCount[], from: number, to: number) {
  let cohort = 0;
  let lost = 0;
  for (const [s, c, n] of spans) {
    if (s >= from || c < from) continue;
    cohort += n;
    if (c < to) lost += n;
  }
  return { cohort, lost };
}

/** Logo churn and retention over [from, to) (months), as logoFigures. */
export function logoFiguresOf(spans: readonly SpanCount[], from: number, to: number) {
  const { cohort, lost } = cohortCountsOf(spans, from, to);
  return { logoChurn: figure('logoChurn', logoChurn(cohort, lost)), logoRetention: figure('logoRetention', logoRetention(cohort, lost)) };
}

/** Customers at month `at`. */
export const customersAt = (spans: readonly SpanCount[], at: number) => spans.reduce((sum, [s, c, n]) => (s < at && c >= at ? sum + n : sum), 0);

/** cohortCurves (retentionFigures.ts) from span counts: the last eight quarters' starters and the share still customers at each quarter end up to `to`. */
export function cohortCurvesOf(spans: readonly SpanCount[], to: string) {
  const toMonth = monthOfDate(to);
  // The quarter of the period's last day (`to` is a month's first day).
  const lastQuarter = quarterStart(monthOfDate(addMonths(to, -1)));
  const firstQuarter = lastQuarter - 21;
  const members = new Map<number, SpanCount[]>();
  for (const span of spans) {
    const q = quarterStart(span[0]);
    if (q < firstQuarter || q > lastQuarter || span[0] >= toMonth) continue;
    (members.get(q) ?? members.set(q, []).get(q)!).push(span);
  }
  return [...members.keys()]
    .sort((a, b) => a - b)
    .map((q) => {
      const cohort = members.get(q)!;
      const size = cohort.reduce((sum, [, , n]) => sum + n, 0);
      const retention: (number | null)[] = [];
      for (let end = q + 3; monthStart(end) <= to; end += 3) {
        const still = cohort.reduce((sum, [, c, n]) => (c >= end ? sum + n : sum), 0);
        retention.push((100 * still) / size);
      }
      return { cohort: quarterLabel(q), size, retention };
    });
}
