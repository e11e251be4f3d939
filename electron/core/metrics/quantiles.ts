import { type MetricValue, isFiniteNumber, noValue } from './types';

/**
 * Sample quantiles, after R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4):361-365.
 *
 * - `linear` (Hyndman-Fan type 7, the default of R, NumPy and spreadsheets' PERCENTILE/QUARTILE):
 *   on the sorted sample x[0..n−1], h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * - `nearest-rank` (Hyndman-Fan type 1, the inverse of the empirical distribution function):
 *   Q(p) = x[⌈n·p⌉ − 1], and the minimum for p = 0. Always an observed value.
 *
 * Missing values (null, undefined, NaN, ±Infinity) are left out and counted.
 */

export type QuantileMethod = 'linear' | 'nearest-rank';

/** The method the app uses, and the label the UI shows beside a median or p90. */
export const DEFAULT_QUANTILE_METHOD: QuantileMethod = 'linear';
export const QUANTILE_METHOD_LABELS: Record<QuantileMethod, string> = {
  linear: 'linear interpolation (Hyndman-Fan type 7)',
  'nearest-rank': 'nearest rank (Hyndman-Fan type 1)',
};

export interface QuantileResult extends MetricValue {
  p: number;
  method: QuantileMethod;
  /** Values left out because they were missing or not finite. */
  missing: number;
}

/** Guards ⌈n·p⌉ against floating-point noise (0.7·10 = 7.000000000000001). */
const EPS = 1e-9;

function quantileOfSorted(sorted: ArrayLike<number>, p: number, method: QuantileMethod): number {
  const n = sorted.length;
  if (method === 'nearest-rank') {
    const rank = Math.max(1, Math.ceil(n * p - EPS));
    return sorted[Math.min(n, rank) - 1]!;
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h + EPS);
  const lower = sorted[Math.min(lo, n - 1)]!;
  const upper = sorted[Math.min(lo + 1, n - 1)]!;
  const fraction = Math.max(0, h - lo);
  return lower + fraction * (upper - lower);
}

/** The p-quantile (0 ≤ p ≤ 1) of the values. */
export function quantile(values: readonly (number | null | undefined)[], p: number, method: QuantileMethod = DEFAULT_QUANTILE_METHOD): QuantileResult {
  const finite = values.filter(isFiniteNumber);
  const missing = values.length - finite.length;
  if (!(p >= 0 && p <= 1)) return noValue(`p must be between 0 and 1 (got ${p})`, finite.length, { p, method, missing });
  if (finite.length === 0) return noValue(missing > 0 ? `no values (${missing} missing)` : 'no values', 0, { p, method, missing });
  const sorted = [...finite].sort((a, b) => a - b);
  return { value: quantileOfSorted(sorted, p, method), n: sorted.length, p, method, missing };
}

/**
 * quantile() of values already sorted ascending, all finite (the dashboard's kept orders,
 * metrics/periodFacts.ts): the same result without copying and sorting them again; `missing` counts
 * the values left out before.
 */
export function quantileOfSortedValues(sorted: ArrayLike<number>, p: number, missing = 0, method: QuantileMethod = DEFAULT_QUANTILE_METHOD): QuantileResult {
  if (!(p >= 0 && p <= 1)) return noValue(`p must be between 0 and 1 (got ${p})`, sorted.length, { p, method, missing });
  if (sorted.length === 0) return noValue(missing > 0 ? `no values (${missing} missing)` : 'no values', 0, { p, method, missing });
  return { value: quantileOfSorted(sorted, p, method), n: sorted.length, p, method, missing };
}

/** Several quantiles of one sample (sorted once). */
export function quantiles(values: readonly (number | null | undefined)[], ps: readonly number[], method: QuantileMethod = DEFAULT_QUANTILE_METHOD): QuantileResult[] {
  const finite = values.filter(isFiniteNumber);
  const sorted = [...finite].sort((a, b) => a - b);
  const missing = values.length - finite.length;
  return ps.map((p) => {
    if (!(p >= 0 && p <= 1) || sorted.length === 0) return quantile(values, p, method);
    return { value: quantileOfSorted(sorted, p, method), n: sorted.length, p, method, missing };
  });
}

export const median = (values: readonly (number | null | undefined)[], method: QuantileMethod = DEFAULT_QUANTILE_METHOD) => quantile(values, 0.5, method);

export const p90 = (values: readonly (number | null | undefined)[], method: QuantileMethod = DEFAULT_QUANTILE_METHOD) => quantile(values, 0.9, method);
