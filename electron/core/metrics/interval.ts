import { Z95 } from './types';

/**
 * Wilson score interval for a binomial proportion.
 * Source: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", Journal of the American Statistical Association 22(158):209-212.
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/4n²)
 *
 * Unlike the Wald interval it stays inside [0, 1] and is not degenerate at p = 0 or 1.
 * Returns fractions (0..1), or null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A share in percent with its Wilson 95 % interval in percent. */
export function shareWithInterval(successes: number, n: number): { value: number; low: number; high: number } | null {
  const ci = wilsonInterval(successes, n);
  if (!ci) return null;
  return { value: (100 * successes) / n, low: 100 * ci.low, high: 100 * ci.high };
}
