import type { Target, TouchpointMeasure } from '../../../shared/contract/journeys';

/** How close to the target still counts as "near" rather than "missed": 10 % of the target (at least 0.1). */
export const NEAR_SHARE = 0.1;

/**
 * The expectation gap: how far the actual value is from the promise, signed so that a positive gap
 * is better than promised whichever way the target points (≥ for CSAT, ≤ for response times).
 */
export function expectationGap(target: Target, actual: number): number {
  return target.operator === '>=' ? actual - target.value : target.value - actual;
}

export function verdictOf(target: Target | null, actual: number | null, n: number): TouchpointMeasure['verdict'] {
  if (!target) return 'no_target';
  if (actual === null || n === 0) return 'no_data';
  const gap = expectationGap(target, actual);
  if (gap >= 0) return 'met';
  return -gap <= Math.max(Math.abs(target.value) * NEAR_SHARE, 0.1) ? 'near' : 'missed';
}
