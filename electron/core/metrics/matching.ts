import { type MetricValue, isFiniteNumber } from './types';

/**
 * Reference matching: an explainable similarity score between a deal (or prospect profile) and a
 * reference account, after hard gates. A weighted additive match score (a weighted-sum
 * multi-attribute score, as in W. Edwards & F. H. Barron (1994), "SMARTS and SMARTER",
 * Organizational Behavior and Human Decision Processes 60:306-325); the weights are this
 * product's (PRODUCT.md, metrics.md):
 *
 *   industry 30, product 20, use case 15, size band 15, region 10, competitor displaced 10
 *   score = Σ weight · match, match ∈ [0, 1], out of 100
 *
 * Single values match when equal (trimmed, case-insensitive). Lists (products, use cases) earn
 * the share of the requested items the reference has. A criterion the request leaves empty
 * earns nothing (the score stays out of 100 for every reference of one request).
 * Gates come before the score, in this order: consent for the requested activity, health at or
 * above the threshold, not fatigued (recent requests below the reference's limit).
 */

export const MATCH_WEIGHTS = { industry: 30, product: 20, useCase: 15, sizeBand: 15, region: 10, competitor: 10 } as const;
export type MatchCriterion = keyof typeof MATCH_WEIGHTS;
export const DEFAULT_MIN_REFERENCE_HEALTH = 70;

export interface MatchRequest {
  /** The reference activity asked for, e.g. 'call', 'site_visit', 'case_study'. */
  activity: string;
  industry?: string | null;
  products?: readonly string[];
  useCases?: readonly string[];
  sizeBand?: string | null;
  region?: string | null;
  competitor?: string | null;
}

export interface ReferenceProfile {
  id: number | string;
  industry?: string | null;
  products?: readonly string[];
  useCases?: readonly string[];
  sizeBand?: string | null;
  region?: string | null;
  competitorsDisplaced?: readonly string[];
  /** Activities the reference has consented to. */
  consents: readonly string[];
  /** Health score 0-100, null when unknown. */
  health: number | null;
  /** Reference requests in the recent window, and the most it accepts there. */
  recentRequests: number;
  requestLimit: number;
}

export type Gate = 'consent' | 'health' | 'fatigue';

export interface CriterionContribution {
  criterion: MatchCriterion;
  weight: number;
  /** 0..1 (share of requested items for lists). */
  match: number;
  points: number;
  reason: string;
}

export interface SimilarityResult extends MetricValue {
  contributions: CriterionContribution[];
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

function single(criterion: MatchCriterion, wanted: string | null | undefined, has: readonly (string | null | undefined)[]) {
  if (!norm(wanted)) return { match: 0, reason: 'not specified by the request', specified: false };
  const hit = has.some((h) => norm(h) === norm(wanted));
  const label = criterion === 'competitor' ? `displaced ${wanted}` : String(wanted);
  return { match: hit ? 1 : 0, reason: hit ? `${label}: match` : `${label}: no match`, specified: true };
}

function list(wanted: readonly string[] | undefined, has: readonly string[] | undefined) {
  const asked = [...new Set((wanted ?? []).map(norm).filter(Boolean))];
  if (asked.length === 0) return { match: 0, reason: 'not specified by the request', specified: false };
  const owned = new Set((has ?? []).map(norm));
  const hits = asked.filter((w) => owned.has(w));
  return { match: hits.length / asked.length, reason: `${hits.length} of ${asked.length} match`, specified: true };
}

/** The similarity score (0-100) of a reference to a request, with each criterion's points. */
export function similarity(
  request: MatchRequest,
  ref: ReferenceProfile,
  weights: Record<MatchCriterion, number> = MATCH_WEIGHTS,
): SimilarityResult {
  const results: Record<MatchCriterion, { match: number; reason: string; specified: boolean }> = {
    industry: single('industry', request.industry, [ref.industry]),
    product: list(request.products, ref.products),
    useCase: list(request.useCases, ref.useCases),
    sizeBand: single('sizeBand', request.sizeBand, [ref.sizeBand]),
    region: single('region', request.region, [ref.region]),
    competitor: single('competitor', request.competitor, ref.competitorsDisplaced ?? []),
  };
  const contributions = (Object.keys(weights) as MatchCriterion[]).map((criterion) => {
    const { match, reason } = results[criterion];
    return { criterion, weight: weights[criterion], match, points: weights[criterion] * match, reason };
  });
  const total = contributions.reduce((s, c) => s + c.weight, 0);
  const points = contributions.reduce((s, c) => s + c.points, 0);
  const n = Object.values(results).filter((r) => r.specified).length;
  return { value: total > 0 ? (100 * points) / total : null, n, contributions };
}

/** The first gate that excludes the reference, or null when it passes all three. */
export function checkGates(
  request: MatchRequest,
  ref: ReferenceProfile,
  minHealth = DEFAULT_MIN_REFERENCE_HEALTH,
): { gate: Gate; reason: string } | null {
  if (!ref.consents.some((c) => norm(c) === norm(request.activity))) {
    return { gate: 'consent', reason: `no consent for ${request.activity}` };
  }
  if (!isFiniteNumber(ref.health)) return { gate: 'health', reason: 'no health score' };
  if (ref.health < minHealth) return { gate: 'health', reason: `health ${Math.round(ref.health)} (< ${minHealth})` };
  if (ref.recentRequests >= ref.requestLimit) {
    return { gate: 'fatigue', reason: `${ref.recentRequests} recent requests (limit ${ref.requestLimit})` };
  }
  return null;
}

export interface RankedReference {
  id: number | string;
  similarity: SimilarityResult;
  health: number;
  recentRequests: number;
}

export interface ExcludedReference {
  id: number | string;
  gate: Gate;
  reason: string;
}

/**
 * Every eligible reference ranked by similarity, then health (readiness), then fewer recent
 * requests (fatigue), then id; and every excluded one with the gate that excluded it.
 */
export function rankReferences(
  request: MatchRequest,
  refs: readonly ReferenceProfile[],
  minHealth = DEFAULT_MIN_REFERENCE_HEALTH,
): { ranked: RankedReference[]; excluded: ExcludedReference[] } {
  const ranked: RankedReference[] = [];
  const excluded: ExcludedReference[] = [];
  for (const ref of refs) {
    const blocked = checkGates(request, ref, minHealth);
    if (blocked) excluded.push({ id: ref.id, ...blocked });
    else {
      const score = similarity(request, ref);
      ranked.push({ id: ref.id, similarity: score, health: ref.health as number, recentRequests: ref.recentRequests });
    }
  }
  ranked.sort(
    (a, b) =>
      (b.similarity.value ?? 0) - (a.similarity.value ?? 0) ||
      b.health - a.health ||
      a.recentRequests - b.recentRequests ||
      String(a.id).localeCompare(String(b.id)),
  );
  return { ranked, excluded };
}
