import { type Answer, type Distribution, countBetween, distributionFromCounts, distributionOf } from './distribution';
import { shareWithInterval } from './interval';
import { type MetricValue, noValue } from './types';

/**
 * Customer Effort Score (CES 2.0).
 * Source: M. Dixon, K. Freeman & N. Toman (2010), "Stop Trying to Delight Your Customers",
 * Harvard Business Review 88(7/8); the 1-7 agreement form ("The company made it easy for me to
 * handle my issue", 1 = strongly disagree … 7 = strongly agree) is CEB's CES 2.0, in M. Dixon,
 * N. Toman & R. DeLisi (2013), "The Effortless Experience". Higher is easier.
 *
 *   CES = mean of the answers on 1..7;   easy share = 100 · (answers ≥ 5) / n, Wilson 95 % interval
 */

export const CES_SCALE = { min: 1, max: 7 } as const;
/** Answers at or above this agree that it was easy ("somewhat agree" and above). */
export const CES_EASY_MIN = 5;

export interface CesResult extends MetricValue {
  /** Sample standard deviation (n − 1), null below two answers. */
  sd: number | null;
  /** Share of answers ≥ 5 in percent, with its Wilson interval. */
  easyShare: MetricValue;
  distribution?: Distribution;
}

function fromDistribution(distribution: Distribution): CesResult {
  const { n, counts, min } = distribution;
  if (n === 0) {
    const skipped = distribution.missing + distribution.invalid;
    const reason = skipped > 0 ? `no answers on the 1-7 scale (${skipped} missing or off the scale)` : 'no answers';
    return noValue(reason, 0, { sd: null, easyShare: noValue(reason), distribution });
  }
  let sum = 0;
  counts.forEach((c, k) => (sum += c * (min + k)));
  const mean = sum / n;
  let squares = 0;
  counts.forEach((c, k) => (squares += c * (min + k - mean) ** 2));
  const easy = countBetween(distribution, CES_EASY_MIN, CES_SCALE.max);
  const share = shareWithInterval(easy, n);
  return {
    value: mean,
    n,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    easyShare: share ? { ...share, n } : noValue('no answers'),
    distribution,
  };
}

/** CES from counts per score, `counts[k]` = answers equal to k + 1 (7 entries, 1..7). */
export function cesFromCounts(counts: readonly number[]): CesResult {
  const distribution = distributionFromCounts(counts, CES_SCALE.min, CES_SCALE.max);
  if (!distribution) {
    const reason = 'expected 7 whole counts ≥ 0 (scores 1..7)';
    return noValue(reason, 0, { sd: null, easyShare: noValue(reason) });
  }
  return fromDistribution(distribution);
}

/** CES from individual answers; missing answers are left out, never 0. */
export function cesFromScores(scores: readonly Answer[]): CesResult {
  return fromDistribution(distributionOf(scores, CES_SCALE.min, CES_SCALE.max));
}
