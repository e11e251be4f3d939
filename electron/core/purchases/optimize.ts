/**
 * Small numerical tools for the purchase models' maximum-likelihood fits: log-gamma and a
 * Nelder-Mead minimiser. Pure; no library needed for four parameters.
 */

// Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let k = 1; k < 9; k++) sum += LANCZOS[k]! / (z + k);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  const hi = Math.max(a, b);
  if (hi === -Infinity) return -Infinity;
  return hi + Math.log(Math.exp(a - hi) + Math.exp(b - hi));
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface MinimizeOptions {
  /** Initial simplex step per coordinate. */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's values differ by less than this (absolute). */
  tolerance?: number;
  /** Restarts from the best point with a fresh simplex: a collapsed simplex can stop short of the minimum. */
  restarts?: number;
}

/**
 * Nelder-Mead (Lagarias et al. 1998 coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½) minimising f over Rⁿ. A non-finite f counts as +∞, so a model's invalid region repels.
 */
export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const { step = 0.5, maxIterations = 5000, tolerance = 1e-10, restarts = 2 } = options;
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: [...start], value: value(start) };
  let iterations = 0;
  let converged = false;
  for (let round = 0; round <= restarts; round++) {
    const result = run(value, best.x, step / (round + 1), maxIterations, tolerance);
    iterations += result.iterations;
    converged = result.converged;
    const improved = best.value - result.value;
    best = result.value <= best.value ? { x: result.x, value: result.value } : best;
    if (round > 0 && improved < tolerance) break;
  }
  return { ...best, iterations, converged };
}

function run(f: (x: readonly number[]) => number, start: readonly number[], step: number, maxIterations: number, tolerance: number): MinimizeResult {
  const n = start.length;
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, k) => (k === i ? v + step : v)))];
  let values = simplex.map(f);
  const combine = (a: number[], b: number[], t: number) => a.map((v, k) => v + t * (b[k]! - v));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) < tolerance) return { x: simplex[0]!, value: values[0]!, iterations: iteration, converged: true };
    const centroid = Array.from({ length: n }, (_, k) => simplex.slice(0, n).reduce((s, p) => s + p[k]!, 0) / n);
    const worst = simplex[n]!;
    const reflected = combine(centroid, worst, -1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = combine(centroid, worst, -2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    // Contract outside (towards the reflection) or inside (towards the worst point).
    const outside = fr < values[n]!;
    const contracted = combine(centroid, worst, outside ? -0.5 : 0.5);
    const fc = f(contracted);
    if (fc < (outside ? fr : values[n]!)) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = combine(simplex[0]!, simplex[i]!, 0.5);
      values[i] = f(simplex[i]!);
    }
  }
  const i = values.indexOf(Math.min(...values));
  return { x: simplex[i]!, value: values[i]!, iterations: maxIterations, converged: false };
}

/**
 * Maximum likelihood over log-parameters (so every parameter stays above 0) by Nelder-Mead from
 * exp(0) = 1 each: the fit loop BG/NBD and Gamma-Gamma share. Converged when the simplex's
 * log-likelihoods agree to 1e-12 of the log-likelihood at the start (1e-8 for CDNOW's 9,600).
 */
export function fitLogParameters<P>(dimensions: number, toParams: (t: readonly number[]) => P, logLikelihood: (params: P) => number) {
  const start = new Array<number>(dimensions).fill(0);
  const tolerance = 1e-12 * Math.abs(logLikelihood(toParams(start)));
  const result = nelderMead((t) => -logLikelihood(toParams(t)), start, { tolerance: Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 1e-9 });
  return { params: toParams(result.x), logLikelihood: -result.value, iterations: result.iterations, converged: result.converged };
}
