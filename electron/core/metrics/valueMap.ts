import { type MetricValue, isFiniteNumber, noValue } from './types';

/**
 * Customer value map. Source: B. T. Gale (1994), "Managing Customer Value: Creating Quality and
 * Service That Customers Can See", Free Press.
 *
 *   relative score = Σ_attributes w · (our rating / competitor's rating),   Σ w = 100
 *
 * 100 is parity. Applied to quality attributes it gives relative perceived quality; applied to
 * the price profile (satisfaction with purchase price, trade-in, resale, financing, …) it gives a
 * price-satisfaction score, and relative price = 100 · 100 / that score (competitor = 100).
 *
 * Rounding rule (labelled, chosen by the caller):
 * - 'none' (the default): ratios unrounded, rounding only for display. Luxury-car example: 118.39.
 * - 'ratio-2dp': each ratio rounded to 2 decimals (half up) before weighting, as in the
 *   published worksheet: 118.7, and relative price 100 · 100 / 118.7 = 84.2.
 * Weights that do not sum to 100 are rescaled to 100, with a warning.
 */

export type RatioRounding = 'none' | 'ratio-2dp';
export const DEFAULT_RATIO_ROUNDING: RatioRounding = 'none';
export const RATIO_ROUNDING_LABELS: Record<RatioRounding, string> = {
  none: 'ratios unrounded',
  'ratio-2dp': 'ratios rounded to 2 decimals (half up) before weighting',
};

export interface ValueMapAttribute {
  name: string;
  weight: number;
  /** Our rating and the competitor's, on the same scale (e.g. 1-10). */
  ours: number;
  theirs: number;
}

export interface ValueMapContribution extends ValueMapAttribute {
  /** ours / theirs, after the rounding rule. */
  ratio: number;
  /** Weight (rescaled to Σ = 100) × ratio. */
  contribution: number;
}

export interface RelativeScoreResult extends MetricValue {
  rounding: RatioRounding;
  contributions: ValueMapContribution[];
}

/** Round half up to 2 decimals without binary artefacts (1.125 → 1.13, 1.005 → 1.01). */
export function roundHalfUp2(x: number): number {
  const text = String(x);
  if (text.includes('e')) return Math.round(x * 100) / 100;
  return Math.sign(x) * Number(`${Math.round(Number(`${Math.abs(x)}e2`))}e-2`);
}

/** Relative score of our offer against one competitor, with each attribute's contribution. */
export function relativeScore(attributes: readonly ValueMapAttribute[], rounding: RatioRounding = DEFAULT_RATIO_ROUNDING): RelativeScoreResult {
  const n = attributes.length;
  const empty = { rounding, contributions: [] };
  if (n === 0) return noValue('no attributes', 0, empty);
  for (const a of attributes) {
    if (![a.weight, a.ours, a.theirs].every(isFiniteNumber) || a.weight < 0 || a.ours < 0) {
      return noValue(`"${a.name}": weight and ratings must be numbers ≥ 0`, n, empty);
    }
    if (a.theirs <= 0) return noValue(`"${a.name}": the competitor's rating must be above 0`, n, empty);
  }
  const weightSum = attributes.reduce((s, a) => s + a.weight, 0);
  if (weightSum === 0) return noValue('weights sum to 0', n, empty);
  const contributions = attributes.map((a) => {
    const raw = a.ours / a.theirs;
    const ratio = rounding === 'ratio-2dp' ? roundHalfUp2(raw) : raw;
    return { ...a, ratio, contribution: ((100 * a.weight) / weightSum) * ratio };
  });
  const result: RelativeScoreResult = {
    value: contributions.reduce((s, c) => s + c.contribution, 0),
    n,
    rounding,
    contributions,
  };
  if (Math.abs(weightSum - 100) > 1e-9) result.warning = `weights sum to ${weightSum}, rescaled to 100`;
  return result;
}

/** Relative price index (competitor = 100) from a price-satisfaction score: 100 · 100 / score. */
export function relativePrice(priceScore: MetricValue | number): MetricValue {
  const score = typeof priceScore === 'number' ? priceScore : priceScore.value;
  const n = typeof priceScore === 'number' ? 1 : priceScore.n;
  if (!isFiniteNumber(score)) return noValue('no price score', n);
  if (score <= 0) return noValue('price score must be above 0', n);
  return { value: 10_000 / score, n };
}

export type ValueMapPosition = 'better value' | 'fair value' | 'worse value';

/**
 * Where an offer sits on Gale's value map, against the fair-value line through parity (100, 100)
 * with slope 1: the value advantage is relative quality − relative price, in index points.
 */
export function valueMapPosition(relativeQuality: number, relativePriceIndex: number, tolerance = 0): { advantage: number; position: ValueMapPosition } | null {
  if (!isFiniteNumber(relativeQuality) || !isFiniteNumber(relativePriceIndex)) return null;
  const advantage = relativeQuality - relativePriceIndex;
  const position = advantage > tolerance ? 'better value' : advantage < -tolerance ? 'worse value' : 'fair value';
  return { advantage, position };
}
