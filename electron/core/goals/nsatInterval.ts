import { Z95 } from '../metrics/types';

/**
 * A 95 % interval for NSAT (%VSAT − %DSAT + 100) from the dashboard's answer counts [very satisfied,
 * somewhat satisfied, somewhat dissatisfied, very dissatisfied, don't know, n/a]. NSAT is a
 * difference of two shares of the same answers, like NPS, so it takes NPS's normal approximation
 * (metrics/nps.ts): var = (p + d − (p − d)²) / n. The dashboard's NSAT figure brings no interval,
 * and without one a goal on a sample of customers could never be met.
 */
export function nsatInterval(distribution: readonly number[]): { low: number; high: number } | null {
  const [vsat = 0, ssat = 0, sdis = 0, vdis = 0] = distribution;
  const n = vsat + ssat + sdis + vdis;
  if (n === 0) return null;
  const p = vsat / n;
  const d = (sdis + vdis) / n;
  const value = 100 * (p - d) + 100;
  const half = Z95 * Math.sqrt(Math.max(0, (p + d - (p - d) ** 2) / n)) * 100;
  return { low: Math.max(0, value - half), high: Math.min(200, value + half) };
}
