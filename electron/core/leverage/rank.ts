import type { LeverageSettings } from '../../../shared/contract/settings';
import { healthScore } from '../metrics/health';
import type { SimilarityResult } from '../metrics/matching';

/**
 * The finder's score for a reference that passed every gate: a weighted mean (renormalised over
 * the parts with data) of
 *   similarity  the match score of metrics/matching.ts (0-100)
 *   readiness   the account's leverage index (0-100)
 *   freshness   days since the last use: never used 100, else 100 · days / 180, capped at 100
 * Default weights 60 / 25 / 15 (settings: leverage.scoreWeights). Ties: higher similarity, then id.
 */

export const FRESH_AFTER_DAYS = 180;

export function freshness(daysSinceUse: number | null): { score: number; reason: string } {
  if (daysSinceUse === null) return { score: 100, reason: 'never used yet' };
  const days = Math.max(0, Math.floor(daysSinceUse));
  return { score: Math.min(100, (100 * days) / FRESH_AFTER_DAYS), reason: `last used ${days} day${days === 1 ? '' : 's'} ago` };
}

/**
 * The blended score alone (what rankScore's parts sum to), cheap enough for every eligible reference:
 * the finder details only the ones it returns.
 */
export function blendScore(similarityValue: number | null, readiness: number | null, daysSinceUse: number | null, weights: LeverageSettings['scoreWeights']): number {
  let sum = 0;
  let weight = 0;
  for (const [w, s] of [
    [weights.similarity, similarityValue],
    [weights.readiness, readiness],
    [weights.freshness, freshness(daysSinceUse).score],
  ] as const) {
    if (s === null) continue;
    sum += w * s;
    weight += w;
  }
  return weight === 0 ? 0 : sum / weight;
}

export interface RankPart {
  id: 'similarity' | 'readiness' | 'freshness';
  label: string;
  weight: number;
  score: number | null;
  points: number | null;
  reason: string;
}

export interface Scored {
  score: number;
  parts: RankPart[];
  reasons: string[];
}

export function rankScore(match: SimilarityResult, readiness: number | null, daysSinceUse: number | null, weights: LeverageSettings['scoreWeights']): Scored {
  const fresh = freshness(daysSinceUse);
  const matched = match.contributions.filter((c) => c.match > 0);
  const ready = readiness === null ? 'no readiness score' : `readiness ${Math.round(readiness)}`;
  const raw = [
    { id: 'similarity' as const, label: 'Similarity', score: match.value, reason: `${matched.length} of ${match.n} asked criteria match` },
    { id: 'readiness' as const, label: 'Readiness', score: readiness, reason: ready },
    { id: 'freshness' as const, label: 'Freshness', score: fresh.score, reason: fresh.reason },
  ];
  const combined = healthScore(
    raw.map((p) => ({ id: p.id, weight: weights[p.id], score: p.score })),
    { coverageFloorPct: 0 },
  );
  const parts = raw.map((p) => ({ ...p, weight: weights[p.id], points: combined.contributions.find((c) => c.id === p.id)?.contribution ?? null }));
  const reasons = [...matched.map((c) => c.reason), ready, fresh.reason];
  return { score: combined.value ?? 0, parts, reasons };
}

/** Best first: score, then similarity, then the lower id (stable across calls). */
export function byRank<T extends { score: number; similarity: number; referenceId: number }>(a: T, b: T): number {
  return b.score - a.score || b.similarity - a.similarity || a.referenceId - b.referenceId;
}
