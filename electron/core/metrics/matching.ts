import { type MetricValue } from './types';

/**
 * Reference matching: an explainable similarity score between a deal (or prospect profile) and a
 * reference account. A weighted additive match score (a weighted-sum multi-attribute score, as in
 * W. Edwards & F. H. Barron (1994), "SMARTS and SMARTER", Organizational Behavior and Human
 * Decision Processes 60:306-325); the default weights are this product's (PRODUCT.md, metrics.md),
 * configurable in settings (leverage.matchWeights):
 *
 *   industry 30, product 20, use case 15, size band 15, region 10, competitor displaced 10
 *   score = 100 · Σ weight · match / Σ weight, match ∈ [0, 1]
 *
 * Single values match when equal (trimmed, case-insensitive). Lists (products, use cases) earn
 * the share of the requested items the reference has. A criterion the request leaves empty
 * earns nothing (the score stays out of 100 for every reference of one request, so references of
 * one request compare fairly). The hard gates (stage, consent, restrictions, health, fatigue)
 * come before this score: electron/core/leverage/gates.ts.
 */

export const MATCH_WEIGHTS = { industry: 30, product: 20, useCase: 15, sizeBand: 15, region: 10, competitor: 10 } as const;
export type MatchCriterion = keyof typeof MATCH_WEIGHTS;
export type MatchWeights = Record<MatchCriterion, number>;

export interface MatchRequest {
  industry?: string | null;
  products?: readonly string[];
  useCases?: readonly string[];
  sizeBand?: string | null;
  region?: string | null;
  competitor?: string | null;
}

/** What a reference brings to the comparison (derived from its account and won deals). */
export interface ReferenceProfile {
  industry?: string | null;
  products?: readonly string[];
  useCases?: readonly string[];
  sizeBand?: string | null;
  region?: string | null;
  competitorsDisplaced?: readonly string[];
}

export interface CriterionContribution {
  criterion: MatchCriterion;
  weight: number;
  /** 0..1 (share of requested items for lists). */
  match: number;
  points: number;
  reason: string;
  specified: boolean;
}

export interface SimilarityResult extends MetricValue {
  contributions: CriterionContribution[];
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/**
 * Size bands by employee count (the demo's segments use the same cuts); a profile without a
 * count falls back to its segment, so "enterprise" still matches "enterprise".
 */
export function sizeBandOf(employeeCount: number | null | undefined, segment?: string | null): string | null {
  if (employeeCount !== null && employeeCount !== undefined && Number.isFinite(employeeCount)) {
    if (employeeCount < 250) return '1-249 employees';
    if (employeeCount < 2500) return '250-2,499 employees';
    return '2,500+ employees';
  }
  return segment ? `segment ${segment}` : null;
}

const NONE = { match: 0, reason: 'not specified by the request', specified: false };

function single(criterion: MatchCriterion, wanted: string | null | undefined, has: readonly (string | null | undefined)[]) {
  if (!norm(wanted)) return NONE;
  const hit = has.some((h) => norm(h) === norm(wanted));
  const hitReason: Record<string, string> = {
    industry: `same industry (${wanted})`,
    sizeBand: `similar size (${wanted})`,
    region: `same region (${wanted})`,
    competitor: `also replaced competitor ${wanted}`,
  };
  const missReason: Record<string, string> = {
    industry: `other industry (${has[0] ?? 'unknown'})`,
    sizeBand: `other size (${has[0] ?? 'unknown'})`,
    region: `other region (${has[0] ?? 'unknown'})`,
    competitor: `did not replace ${wanted}`,
  };
  return { match: hit ? 1 : 0, reason: hit ? hitReason[criterion]! : missReason[criterion]!, specified: true };
}

/** A request's list, normalised once per request (the finder compares it with thousands of references). */
const askedLists = new WeakMap<readonly string[], [string, string][]>();
function asked(wanted: readonly string[] | undefined): [string, string][] {
  if (!wanted) return [];
  let list = askedLists.get(wanted);
  if (!list) askedLists.set(wanted, (list = [...new Map(wanted.filter((w) => norm(w)).map((w) => [norm(w), w.trim()] as [string, string])).entries()]));
  return list;
}

function list(criterion: MatchCriterion, wanted: readonly string[] | undefined, has: readonly string[] | undefined) {
  const items = asked(wanted);
  if (items.length === 0) return NONE;
  const owned = (has ?? []).map(norm);
  const hits = items.filter(([key]) => owned.includes(key)).map(([, name]) => name);
  const what = criterion === 'product' ? 'product' : 'use case';
  const reason =
    hits.length === 0
      ? `no requested ${what} in common`
      : criterion === 'product'
        ? `also uses ${hits.join(', ')}${hits.length < items.length ? ` (${hits.length} of ${items.length})` : ''}`
        : `same use case (${hits.join(', ')})`;
  return { match: hits.length / items.length, reason, specified: true };
}

/** A profile with every value trimmed and lower-cased once, for comparing with many others. */
export interface NormalisedProfile {
  industry: string;
  products: string[];
  useCases: string[];
  sizeBand: string;
  region: string;
  competitors: string[];
}

export function normaliseProfile(ref: ReferenceProfile): NormalisedProfile {
  return {
    industry: norm(ref.industry),
    products: (ref.products ?? []).map(norm),
    useCases: (ref.useCases ?? []).map(norm),
    sizeBand: norm(ref.sizeBand),
    region: norm(ref.region),
    competitors: (ref.competitorsDisplaced ?? []).map(norm),
  };
}

/** The request side: lists without blanks or repeats. */
export function normaliseRequest(request: MatchRequest): NormalisedProfile {
  return {
    industry: norm(request.industry),
    products: asked(request.products).map(([key]) => key),
    useCases: asked(request.useCases).map(([key]) => key),
    sizeBand: norm(request.sizeBand),
    region: norm(request.region),
    competitors: request.competitor && norm(request.competitor) ? [norm(request.competitor)] : [],
  };
}

function shareOf(wanted: readonly string[], has: readonly string[]): number {
  let hits = 0;
  for (const w of wanted) if (has.includes(w)) hits++;
  return hits / wanted.length;
}

/**
 * The similarity score alone (what `similarity` returns as value) from normalised profiles, without
 * words or allocations: the finder scores thousands of references and words only the ones it shows.
 */
export function similarityOfNormalised(request: NormalisedProfile, ref: NormalisedProfile, weights: MatchWeights = MATCH_WEIGHTS): number | null {
  const total = weights.industry + weights.product + weights.useCase + weights.sizeBand + weights.region + weights.competitor;
  if (total <= 0) return null;
  let points = 0;
  if (request.industry && request.industry === ref.industry) points += weights.industry;
  if (request.products.length) points += weights.product * shareOf(request.products, ref.products);
  if (request.useCases.length) points += weights.useCase * shareOf(request.useCases, ref.useCases);
  if (request.sizeBand && request.sizeBand === ref.sizeBand) points += weights.sizeBand;
  if (request.region && request.region === ref.region) points += weights.region;
  if (request.competitors.length && ref.competitors.includes(request.competitors[0]!)) points += weights.competitor;
  return (100 * points) / total;
}

export const similarityValue = (request: MatchRequest, ref: ReferenceProfile, weights: MatchWeights = MATCH_WEIGHTS) =>
  similarityOfNormalised(normaliseRequest(request), normaliseProfile(ref), weights);

const CRITERIA = Object.keys(MATCH_WEIGHTS) as MatchCriterion[];

/** The similarity score (0-100) of a reference to a request, with each criterion's points and reason. */
export function similarity(request: MatchRequest, ref: ReferenceProfile, weights: MatchWeights = MATCH_WEIGHTS): SimilarityResult {
  const results: Record<MatchCriterion, { match: number; reason: string; specified: boolean }> = {
    industry: single('industry', request.industry, [ref.industry]),
    product: list('product', request.products, ref.products),
    useCase: list('useCase', request.useCases, ref.useCases),
    sizeBand: single('sizeBand', request.sizeBand, [ref.sizeBand]),
    region: single('region', request.region, [ref.region]),
    competitor: single('competitor', request.competitor, ref.competitorsDisplaced ?? []),
  };
  const total = CRITERIA.reduce((s, c) => s + weights[c], 0);
  // Points are out of 100 whatever the weights sum to, so they add up to the score.
  const contributions = CRITERIA.map((criterion) => {
    const { match, reason, specified } = results[criterion];
    const points = total > 0 ? (100 * weights[criterion] * match) / total : 0;
    return { criterion, weight: weights[criterion], match, points, reason, specified };
  });
  const n = contributions.filter((c) => c.specified).length;
  return { value: total > 0 ? contributions.reduce((s, c) => s + c.points, 0) : null, n, contributions };
}
