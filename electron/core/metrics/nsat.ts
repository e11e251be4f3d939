import { type Distribution, distributionFromCounts } from './distribution';
import { type MetricValue, isFiniteNumber, noValue, Z95 } from './types';

/**
 * Net satisfaction (NSAT), the index of Microsoft's customer and partner satisfaction surveys.
 * On the 4-point scale 1 = very satisfied, 2 = somewhat satisfied, 3 = somewhat dissatisfied,
 * 4 = very dissatisfied:
 *
 *   NSAT = %VSAT − %DSAT + 100,   from 0 to 200
 *
 * VSAT = answers 1 (very satisfied); DSAT = answers 3 and 4 (both dissatisfied answers). The base
 * is the answers on the scale: "don't know" and "not applicable" are excluded from it.
 *
 * Its 95 % interval: NSAT is a difference of two shares of the same answers, like NPS, so it takes
 * NPS's normal approximation (nps.ts): var = (p + d − (p − d)²) / n, clamped to 0..200.
 */

export const NSAT_SCALE = { min: 1, max: 4 } as const;
export type NsatNonAnswer = 'dont_know' | 'not_applicable';

export interface NsatCounts {
  verySatisfied: number;
  somewhatSatisfied: number;
  somewhatDissatisfied: number;
  veryDissatisfied: number;
  dontKnow?: number;
  notApplicable?: number;
}

export interface NsatResult extends MetricValue {
  vsatPct: number | null;
  dsatPct: number | null;
  /** Answers left out of the base. */
  excluded: { dontKnow: number; notApplicable: number; missing: number };
  /** Counts for 1 (very satisfied) … 4 (very dissatisfied). */
  distribution?: Distribution;
}

/** NSAT from the counts per answer. */
export function nsatFromCounts(counts: NsatCounts): NsatResult {
  const excluded = { dontKnow: counts.dontKnow ?? 0, notApplicable: counts.notApplicable ?? 0, missing: 0 };
  const distribution = distributionFromCounts(
    [counts.verySatisfied, counts.somewhatSatisfied, counts.somewhatDissatisfied, counts.veryDissatisfied],
    NSAT_SCALE.min,
    NSAT_SCALE.max,
  );
  const empty = { vsatPct: null, dsatPct: null, excluded };
  if (!distribution || ![excluded.dontKnow, excluded.notApplicable].every((c) => Number.isInteger(c) && c >= 0)) {
    return noValue('counts must be whole numbers ≥ 0', 0, empty);
  }
  const { n } = distribution;
  if (n === 0) {
    const left = excluded.dontKnow + excluded.notApplicable;
    return noValue(left > 0 ? `no answers on the scale (${left} don't know / n/a)` : 'no answers', 0, {
      ...empty,
      distribution,
    });
  }
  const vsatPct = (100 * counts.verySatisfied) / n;
  const dsatPct = (100 * (counts.somewhatDissatisfied + counts.veryDissatisfied)) / n;
  const value = vsatPct - dsatPct + 100;
  const [p, d] = [vsatPct / 100, dsatPct / 100];
  const half = Z95 * Math.sqrt(Math.max(0, (p + d - (p - d) ** 2) / n)) * 100;
  return { value, n, low: Math.max(0, value - half), high: Math.min(200, value + half), vsatPct, dsatPct, excluded, distribution };
}

/** NSAT from stored responses: a score 1..4, or a non-answer ("don't know", "n/a"). */
export function nsatFromResponses(responses: readonly { score: number | null | undefined; nonAnswer?: NsatNonAnswer | null }[]): NsatResult {
  const counts = { verySatisfied: 0, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0, dontKnow: 0, notApplicable: 0 };
  const keys = ['verySatisfied', 'somewhatSatisfied', 'somewhatDissatisfied', 'veryDissatisfied'] as const;
  let missing = 0;
  for (const r of responses) {
    if (r.nonAnswer === 'dont_know') counts.dontKnow += 1;
    else if (r.nonAnswer === 'not_applicable') counts.notApplicable += 1;
    else if (isFiniteNumber(r.score) && Number.isInteger(r.score) && r.score >= 1 && r.score <= 4) {
      counts[keys[r.score - 1]!] += 1;
    } else missing += 1;
  }
  const result = nsatFromCounts(counts);
  result.excluded.missing = missing;
  return result;
}
