import { fitLogParameters, logGamma } from './optimize';

/**
 * BG/NBD: how many purchases a customer without a contract will make, and whether they are still
 * a customer. Source: P. S. Fader, B. G. S. Hardie & K. L. Lee (2005), "'Counting Your Customers'
 * the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2):275-284.
 *
 * While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). Per customer: x repeat purchases, the last at t_x,
 * observed for T (same time unit as the fit, weeks here). The likelihood (paper, eq. 6, needs no
 * hypergeometric function), in logs:
 *
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 */

export interface RfmData {
  /** Repeat purchases in the calibration period. */
  x: ArrayLike<number>;
  /** Time of the last purchase since the first (0 when x = 0). */
  tx: ArrayLike<number>;
  /** Time from the first purchase to the end of calibration. */
  T: ArrayLike<number>;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The data in the shape the likelihood's loop wants: integer x, and the distinct x values (terms in x alone are computed once each). */
interface Prepared {
  n: number;
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  distinct: Int32Array;
  /** Per x: the terms that depend on x alone, and ln a − ln(b+x−1); rewritten at each evaluation. */
  common: Float64Array;
  dropout: Float64Array;
}

function prepare(data: RfmData): Prepared {
  const n = data.x.length;
  const x = Int32Array.from({ length: n }, (_, i) => data.x[i]!);
  const distinct = Int32Array.from(new Set(x));
  const max = distinct.reduce((m, v) => Math.max(m, v), 0);
  return {
    n,
    x,
    tx: Float64Array.from({ length: n }, (_, i) => data.tx[i]!),
    T: Float64Array.from({ length: n }, (_, i) => data.T[i]!),
    distinct,
    common: new Float64Array(max + 1),
    dropout: new Float64Array(max + 1),
  };
}

function logLikelihood({ r, alpha, a, b }: BgNbdParams, d: Prepared): number {
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  const rAlpha = r * Math.log(alpha) - logGamma(r) + logGamma(a + b) - logGamma(b);
  const lnA = Math.log(a);
  for (const x of d.distinct) {
    d.common[x] = logGamma(r + x) + rAlpha + logGamma(b + x) - logGamma(a + b + x);
    d.dropout[x] = x > 0 ? lnA - Math.log(b + x - 1) : 0;
  }
  const { x, tx, T, common, dropout } = d;
  let total = 0;
  for (let i = 0; i < d.n; i++) {
    const xi = x[i]!;
    const alive = -(r + xi) * Math.log(alpha + T[i]!);
    if (xi === 0) {
      total += common[0]! + alive;
      continue;
    }
    const dropped = dropout[xi]! - (r + xi) * Math.log(alpha + tx[i]!);
    // ln(e^alive + e^dropped), inline: this loop is the fit's whole cost.
    total += common[xi]! + (alive > dropped ? alive + Math.log1p(Math.exp(dropped - alive)) : dropped + Math.log1p(Math.exp(alive - dropped)));
  }
  return total;
}

/** Σ log-likelihood over customers. */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RfmData): number {
  return logLikelihood(params, prepare(data));
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  n: number;
  iterations: number;
  converged: boolean;
}

/** Maximum likelihood by Nelder-Mead over the log-parameters (so every parameter stays above 0). */
export function fitBgNbd(data: RfmData): BgNbdFit {
  const params = (t: readonly number[]): BgNbdParams => ({ r: Math.exp(t[0]!), alpha: Math.exp(t[1]!), a: Math.exp(t[2]!), b: Math.exp(t[3]!) });
  const prepared = prepare(data);
  return { ...fitLogParameters(4, params, (p) => logLikelihood(p, prepared)), n: data.x.length };
}

/** Gauss hypergeometric 2F1(a, b; c; z) by its series, for 0 ≤ z < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) < 1e-14 * Math.abs(sum)) break;
  }
  return sum;
}

/** ln of the odds term a/(b+x−1) · ((α+T)/(α+t_x))^(r+x): a customer with repeats may have dropped out after the last. */
function logDropOdds({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (paper, eq. 13). */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  const odds = logDropOdds(p, x, tx, T);
  return odds > 700 ? 0 : 1 / (1 + Math.exp(odds));
}

/**
 * Expected purchases in the next t, given x, t_x, T (paper, eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + [x > 0] · odds)
 */
export function expectedPurchases(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const ratio = (alpha + T) / (alpha + T + t);
  const bracket = 1 - ratio ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const odds = logDropOdds(p, x, tx, T);
  const denominator = odds > 700 ? Infinity : 1 + Math.exp(odds);
  return (((a + b + x - 1) / (a - 1)) * bracket) / denominator;
}
