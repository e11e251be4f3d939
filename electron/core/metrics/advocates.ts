import { type MetricValue, isFiniteNumber, noValue } from './types';

/**
 * Advocate segments from would-recommend (0-10) × would-buy-again (0-10) answer pairs.
 *
 * A two-dimensional loyalty grid after A. S. Dick & K. Basu (1994), "Customer loyalty: toward an
 * integrated conceptual framework", Journal of the Academy of Marketing Science 22(2):99-113
 * (attitude × repeat patronage); the segment names are this product's. Cut-off: an answer is
 * "high" at 9 or 10 (Reichheld's promoter threshold, see `nps.ts`) and "low" at 0-8, so passives
 * (7-8) count as low:
 *
 *   champions        recommend ≥ 9 and buy again ≥ 9
 *   moral supporters recommend ≥ 9 and buy again ≤ 8  (speak for us, may not buy again)
 *   captives         recommend ≤ 8 and buy again ≥ 9  (will buy again, will not speak for us)
 *   rebels           recommend ≤ 8 and buy again ≤ 8
 *
 * A pair with either answer missing or off the 0-10 scale is excluded and counted.
 */

export const ADVOCATE_HIGH_MIN = 9;
export const ADVOCATE_SEGMENTS = ['champions', 'moralSupporters', 'captives', 'rebels'] as const;
export type AdvocateSegment = (typeof ADVOCATE_SEGMENTS)[number];

export interface AdvocatePair {
  recommend: number | null | undefined;
  buyAgain: number | null | undefined;
}

export interface AdvocateResult extends MetricValue {
  counts: Record<AdvocateSegment, number>;
  /** Each segment's share of the complete pairs, in percent (null without pairs). */
  shares: Record<AdvocateSegment, number | null>;
  /** Pairs with a missing or off-scale answer. */
  excluded: number;
}

const onScale = (x: unknown): x is number => isFiniteNumber(x) && Number.isInteger(x) && x >= 0 && x <= 10;

/** The segment of one pair, or null when an answer is missing or off the scale. */
export function advocateSegmentOf(pair: AdvocatePair, highMin = ADVOCATE_HIGH_MIN): AdvocateSegment | null {
  if (!onScale(pair.recommend) || !onScale(pair.buyAgain)) return null;
  const recommends = pair.recommend >= highMin;
  const buysAgain = pair.buyAgain >= highMin;
  if (recommends) return buysAgain ? 'champions' : 'moralSupporters';
  return buysAgain ? 'captives' : 'rebels';
}

/** Segment counts and shares; `value` is the champions' share in percent. */
export function advocateSegments(pairs: readonly AdvocatePair[], highMin = ADVOCATE_HIGH_MIN): AdvocateResult {
  const counts: Record<AdvocateSegment, number> = { champions: 0, moralSupporters: 0, captives: 0, rebels: 0 };
  let excluded = 0;
  for (const pair of pairs) {
    const segment = advocateSegmentOf(pair, highMin);
    if (segment) counts[segment] += 1;
    else excluded += 1;
  }
  const n = ADVOCATE_SEGMENTS.reduce((s, k) => s + counts[k], 0);
  const shares = Object.fromEntries(ADVOCATE_SEGMENTS.map((k) => [k, n === 0 ? null : (100 * counts[k]) / n])) as Record<AdvocateSegment, number | null>;
  if (n === 0) {
    return noValue(excluded > 0 ? `no complete answer pairs (${excluded} incomplete)` : 'no answer pairs', 0, {
      counts,
      shares,
      excluded,
    });
  }
  return { value: shares.champions, n, counts, shares, excluded };
}
