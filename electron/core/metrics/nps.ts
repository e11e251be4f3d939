import { type Answer, type Distribution, countBetween, distributionFromCounts, distributionOf } from './distribution';
import { type MetricValue, Z95, clamp, noValue } from './types';

/**
 * Net Promoter Score.
 * Source: F. F. Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review
 * 81(12):46-54. On the 0-10 "would you recommend" scale: promoters answer 9-10, passives 7-8,
 * detractors 0-6.
 *
 *   NPS = 100 · (promoters − detractors) / n,   from −100 to 100
 *
 * Passives stay in the denominator n. The 95 % interval is the Wald interval of the difference of
 * two multinomial proportions p (promoters) and d (detractors), as in B. Rocks (2016), "Interval
 * estimation for the 'net promoter score'", The American Statistician 70(4):365-372:
 *
 *   var = (p + d − (p − d)²) / n,   CI = NPS ± 1.96 · sqrt(var) · 100, clamped to −100..100
 *
 * Fewer than 30 answers give a value with a warning.
 */

export const NPS_SCALE = { min: 0, max: 10 } as const;
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;
/** Below this many answers the score comes with a warning. */
export const NPS_MIN_ANSWERS = 30;

export interface NpsGroups {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsResult extends MetricValue, NpsGroups {
  /** Shares of the base in percent (null without answers). */
  promoterPct: number | null;
  passivePct: number | null;
  detractorPct: number | null;
  /** The 0..10 distribution behind the score, when it was computed from answers or counts. */
  distribution?: Distribution;
}

/** NPS from the three group counts. */
export function npsFromGroups(groups: NpsGroups): NpsResult {
  const { promoters, passives, detractors } = groups;
  const counts = [promoters, passives, detractors];
  const n = promoters + passives + detractors;
  const empty = { ...groups, promoterPct: null, passivePct: null, detractorPct: null };
  if (!counts.every((c) => Number.isInteger(c) && c >= 0)) {
    return noValue('group counts must be whole numbers ≥ 0', 0, empty);
  }
  if (n === 0) return noValue('no answers', 0, empty);

  const p = promoters / n;
  const d = detractors / n;
  // From the counts, not p − d, so that 70 − 20 of 100 is exactly 50.
  const value = (100 * (promoters - detractors)) / n;
  const variance = (p + d - (p - d) ** 2) / n;
  const half = Z95 * Math.sqrt(Math.max(0, variance)) * 100;
  const result: NpsResult = {
    value,
    n,
    low: clamp(value - half, -100, 100),
    high: clamp(value + half, -100, 100),
    ...groups,
    promoterPct: 100 * p,
    passivePct: (100 * passives) / n,
    detractorPct: 100 * d,
  };
  if (n < NPS_MIN_ANSWERS) {
    result.warning = `only ${n} answer${n === 1 ? '' : 's'} (< ${NPS_MIN_ANSWERS}): the interval is wide`;
  }
  return result;
}

function fromDistribution(distribution: Distribution): NpsResult {
  const result = npsFromGroups({
    promoters: countBetween(distribution, NPS_PROMOTER_MIN, NPS_SCALE.max),
    passives: countBetween(distribution, NPS_DETRACTOR_MAX + 1, NPS_PROMOTER_MIN - 1),
    detractors: countBetween(distribution, NPS_SCALE.min, NPS_DETRACTOR_MAX),
  });
  return { ...result, distribution };
}

/** NPS from counts per score, `counts[k]` = answers equal to k (11 entries, 0..10). */
export function npsFromCounts(counts: readonly number[]): NpsResult {
  const distribution = distributionFromCounts(counts, NPS_SCALE.min, NPS_SCALE.max);
  if (!distribution) {
    return noValue('expected 11 whole counts ≥ 0 (scores 0..10)', 0, {
      promoters: 0,
      passives: 0,
      detractors: 0,
      promoterPct: null,
      passivePct: null,
      detractorPct: null,
    });
  }
  return fromDistribution(distribution);
}

/** NPS from individual answers; missing answers (null, undefined, NaN) are left out, never 0. */
export function npsFromScores(scores: readonly Answer[]): NpsResult {
  const distribution = distributionOf(scores, NPS_SCALE.min, NPS_SCALE.max);
  const result = fromDistribution(distribution);
  const skipped = distribution.missing + distribution.invalid;
  if (result.value === null && skipped > 0) {
    result.reason = `no answers on the 0-10 scale (${distribution.missing} missing, ${distribution.invalid} off the scale)`;
  }
  return result;
}
