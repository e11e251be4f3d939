import { fitLogParameters, logGamma } from './optimize';

/**
 * Gamma-Gamma spend model: a customer's purchase values vary around their own mean ζ, each value
 * ~ Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so E[ζ] = pγ/(q−1). Fitted on customers
 * with at least one repeat purchase, from x (repeats) and z̄ (their mean value).
 * Source: P. S. Fader & B. G. S. Hardie (2013), "The Gamma-Gamma Model of Monetary Value";
 * Fader, Hardie & Lee (2005), "RFM and CLV", Journal of Marketing Research 42(4):415-430.
 *
 *   ln f(z̄ | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
 */

export interface SpendData {
  x: ArrayLike<number>;
  /** Mean value of the x repeat purchases, in the currency's major unit. */
  zbar: ArrayLike<number>;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

interface Prepared {
  x: Float64Array;
  lnX: Float64Array;
  z: Float64Array;
  lnZ: Float64Array;
  distinct: Int32Array;
  common: Float64Array;
}

function prepare(data: SpendData): Prepared {
  const n = data.x.length;
  const x = Float64Array.from({ length: n }, (_, i) => data.x[i]!);
  const z = Float64Array.from({ length: n }, (_, i) => data.zbar[i]!);
  const distinct = Int32Array.from(new Set(x));
  return { x, lnX: x.map(Math.log), z, lnZ: z.map(Math.log), distinct, common: new Float64Array(distinct.reduce((m, v) => Math.max(m, v), 0) + 1) };
}

function logLikelihood({ p, q, gamma }: GammaGammaParams, d: Prepared): number {
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  const base = q * Math.log(gamma) - logGamma(q);
  for (const x of d.distinct) d.common[x] = logGamma(p * x + q) - logGamma(p * x) + base;
  let total = 0;
  for (let i = 0; i < d.x.length; i++) {
    const px = p * d.x[i]!;
    total += d.common[d.x[i]!]! + (px - 1) * d.lnZ[i]! + px * d.lnX[i]! - (px + q) * Math.log(gamma + d.x[i]! * d.z[i]!);
  }
  return total;
}

/** Σ log-likelihood over customers with x > 0 (x must be whole numbers). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  return logLikelihood(params, prepare(data));
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  n: number;
  iterations: number;
  converged: boolean;
}

/** Customers with x > 0 and z̄ > 0 only: the model describes repeat purchases' values. */
export function spendSample(data: SpendData): SpendData {
  const x: number[] = [];
  const zbar: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    if (data.x[i]! > 0 && data.zbar[i]! > 0) {
      x.push(data.x[i]!);
      zbar.push(data.zbar[i]!);
    }
  }
  return { x, zbar };
}

export function fitGammaGamma(data: SpendData): GammaGammaFit {
  const sample = spendSample(data);
  const params = (t: readonly number[]): GammaGammaParams => ({ p: Math.exp(t[0]!), q: Math.exp(t[1]!), gamma: Math.exp(t[2]!) });
  const prepared = prepare(sample);
  return { ...fitLogParameters(3, params, (p) => logLikelihood(p, prepared)), n: sample.x.length };
}

/**
 * Expected value of a customer's purchases: E[Z | x, z̄] = (γ + x z̄) p / (px + q − 1), a weighted
 * mean of the population's pγ/(q−1) and the customer's own z̄; for x = 0 the population mean.
 * Null when q ≤ 1 (the population mean does not exist).
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, x: number, zbar: number): number | null {
  if (q <= 1) return null;
  if (x === 0 || !(zbar > 0)) return (p * gamma) / (q - 1);
  return ((gamma + x * zbar) * p) / (p * x + q - 1);
}
