import { type Answer, type Distribution, countBetween, distributionFromCounts, distributionOf } from './distribution';
import { shareWithInterval } from './interval';
import { type MetricValue, noValue } from './types';

/**
 * Customer satisfaction (CSAT), top-2-box.
 * Definition: the share of answers 4 ("satisfied") or 5 ("very satisfied") on a 1-5 satisfaction
 * item, in percent: the customary top-two-box report of a 5-point scale. The 95 % interval is the
 * Wilson score interval (E. B. Wilson 1927, JASA 22:209-212; see `interval.ts`).
 *
 *   CSAT = 100 · (answers 4 or 5) / (answers 1..5)
 */

export const CSAT_SCALE = { min: 1, max: 5 } as const;
/** The lowest answer counted as satisfied (top-2-box: 4 and 5). */
export const CSAT_SATISFIED_MIN = 4;

export interface CsatResult extends MetricValue {
  /** Answers 4-5. */
  satisfied: number;
  distribution?: Distribution;
}

function fromDistribution(distribution: Distribution): CsatResult {
  const satisfied = countBetween(distribution, CSAT_SATISFIED_MIN, CSAT_SCALE.max);
  const share = shareWithInterval(satisfied, distribution.n);
  if (!share) {
    const skipped = distribution.missing + distribution.invalid;
    const reason = skipped > 0 ? `no answers on the 1-5 scale (${skipped} missing or off the scale)` : 'no answers';
    return noValue(reason, 0, { satisfied: 0, distribution });
  }
  return { ...share, n: distribution.n, satisfied, distribution };
}

/** CSAT from counts per score, `counts[k]` = answers equal to k + 1 (5 entries, 1..5). */
export function csatFromCounts(counts: readonly number[]): CsatResult {
  const distribution = distributionFromCounts(counts, CSAT_SCALE.min, CSAT_SCALE.max);
  if (!distribution) return noValue('expected 5 whole counts ≥ 0 (scores 1..5)', 0, { satisfied: 0 });
  return fromDistribution(distribution);
}

/** CSAT from individual answers; missing answers are left out of the base, never 0. */
export function csatFromScores(scores: readonly Answer[]): CsatResult {
  return fromDistribution(distributionOf(scores, CSAT_SCALE.min, CSAT_SCALE.max));
}
