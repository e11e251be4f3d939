import { DEFAULT_QUANTILE_METHOD, type QuantileMethod } from './quantiles';
import { type MetricValue, noValue } from './types';

/**
 * A log-bucket quantile sketch for durations (minutes), after C. Masson, J. E. Rim & H. K. Lee
 * (2019), "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
 * PVLDB 12(12):2195-2205.
 *
 * A value x > 0 falls in bucket i = ⌈log_γ x⌉, i.e. γ^(i−1) < x ≤ γ^i, and is read back as
 * 2γ^i / (γ + 1), which is within α = (γ − 1) / (γ + 1) of every value in the bucket. With
 * γ = 1.02, α ≈ 0.99 %: every quantile read from the sketch is within 1 % of the exact order
 * statistic. Sketches merge by adding counts, so monthly sketches sum to any period's.
 *
 * Range: values ≤ ZERO_MINUTES (under 0.06 s) count as 0 exactly; values above γ^MAX_INDEX
 * (≈ 2 years) are clamped into the last bucket (documented; no response time is that long).
 * Dense layout: bucket i sits at offset i − MIN_INDEX of a Float64Array, so merging is adding arrays.
 */

export const SKETCH_GAMMA = 1.02;
export const SKETCH_RELATIVE_ERROR = (SKETCH_GAMMA - 1) / (SKETCH_GAMMA + 1);
export const ZERO_MINUTES = 1e-3;
/** ⌈log_γ 0.001⌉ = −348: the lowest bucket of a value above the zero threshold. */
export const MIN_INDEX = -349;
export const MAX_INDEX = 700;
/** Slot 0 is the zero bucket; slot k (k ≥ 1) is bucket MIN_INDEX + k. */
export const SKETCH_SLOTS = MAX_INDEX - MIN_INDEX + 1;
const LOG_GAMMA = Math.log(SKETCH_GAMMA);

export const SKETCH_METHOD_LABEL = `linear interpolation (Hyndman-Fan type 7) over a log-bucket sketch (γ = ${SKETCH_GAMMA}, within 1 % relative error)`;

/** The slot of a value (minutes ≥ 0). */
export function slotOf(minutes: number): number {
  if (!(minutes > ZERO_MINUTES)) return 0;
  const index = Math.ceil(Math.log(minutes) / LOG_GAMMA);
  return Math.min(MAX_INDEX, Math.max(MIN_INDEX + 1, index)) - MIN_INDEX;
}

/** The value a slot stands for. */
export function slotValue(slot: number): number {
  if (slot === 0) return 0;
  return (2 * SKETCH_GAMMA ** (slot + MIN_INDEX)) / (SKETCH_GAMMA + 1);
}

export type DenseSketch = Float64Array;
export const emptySketch = (): DenseSketch => new Float64Array(SKETCH_SLOTS);

export function addToSketch(sketch: DenseSketch, minutes: number, count = 1): void {
  sketch[slotOf(minutes)]! += count;
}

export function sketchCount(sketch: DenseSketch): number {
  let n = 0;
  for (let k = 0; k < sketch.length; k++) n += sketch[k]!;
  return n;
}

/** The value at 0-based rank r (r < n). */
function valueAtRank(sketch: DenseSketch, rank: number): number {
  let seen = 0;
  for (let k = 0; k < sketch.length; k++) {
    seen += sketch[k]!;
    if (seen > rank) return slotValue(k);
  }
  return slotValue(sketch.length - 1);
}

/**
 * The p-quantile read from the sketch with the same rule as `quantile()` in quantiles.ts: type 7
 * interpolates between the values at ranks ⌊h⌋ and ⌊h⌋ + 1 (h = (n − 1)p), each within α of the
 * exact order statistic, so the interpolation is too; type 1 takes rank ⌈np⌉ − 1.
 */
export function sketchQuantile(sketch: DenseSketch, p: number, method: QuantileMethod = DEFAULT_QUANTILE_METHOD): MetricValue {
  const n = sketchCount(sketch);
  if (n === 0) return noValue('no values');
  if (method === 'nearest-rank') return { value: valueAtRank(sketch, Math.max(0, Math.ceil(n * p - 1e-9) - 1)), n };
  const h = (n - 1) * p;
  const lo = Math.floor(h + 1e-9);
  const lower = valueAtRank(sketch, lo);
  const upper = valueAtRank(sketch, Math.min(lo + 1, n - 1));
  return { value: lower + Math.max(0, h - lo) * (upper - lower), n };
}

/** How many values are at most `limit` (a bucket counts when its read-back value is). */
export function sketchCountAtMost(sketch: DenseSketch, limit: number): number {
  let n = 0;
  for (let k = 0; k < sketch.length && slotValue(k) <= limit; k++) n += sketch[k]!;
  return n;
}

/** target += source × sign (sign −1 removes a sketch that was added before). */
export function mergeSketch(target: DenseSketch, source: DenseSketch, sign = 1): void {
  for (let k = 0; k < source.length; k++) if (source[k] !== 0) target[k]! += sign * source[k]!;
}
