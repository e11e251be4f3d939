/**
 * The common result shape of the pure statistics layer (issue 3).
 *
 * Conventions, shared by every function in this folder:
 * - `value` is the metric, unrounded (round only for display); `n` is how many observations
 *   (answers, accounts, pairs, …) the value rests on.
 * - No data, or inputs that cannot give a value, return `{ value: null, n, reason }`: never 0,
 *   never NaN, never Infinity.
 * - Shares that are a metric's headline value (NPS, CSAT, GRR, …) are in percent (88 = 88 %).
 *   Rates given as inputs (retention r, discount i) are fractions (0.8 = 80 %).
 * - `low`/`high` are a 95 % confidence interval when the definition has one.
 */
export interface MetricValue {
  value: number | null;
  n: number;
  /** Why `value` is null (or, with a value, a caveat the UI should show beside it). */
  reason?: string;
  low?: number;
  high?: number;
  /** The value is computed but fragile (e.g. fewer than 30 survey answers). */
  warning?: string;
}

/** A result with no value, and the reason why. */
export function noValue<T extends object = object>(reason: string, n = 0, extra?: T): MetricValue & T {
  return { value: null, n, reason, ...(extra as T) };
}

/** z for a two-sided 95 % interval (normal approximation), the conventional rounded 1.96. */
export const Z95 = 1.96;

/** A finite number (not null, undefined, NaN or ±Infinity). */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
