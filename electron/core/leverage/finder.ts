import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import { MATCH_GATES, type ExcludedReference, type MatchResult, type ProspectProfile, type RankedReference } from '../../../shared/contract/leverage';
import { notFound } from '../errors';
import { cached } from '../db/inputCache';
import {
  type MatchRequest,
  type NormalisedProfile,
  normaliseProfile,
  normaliseRequest,
  type ReferenceProfile,
  similarity,
  similarityOfNormalised,
  sizeBandOf,
} from '../metrics/matching';
import { DAY_MS } from '../../../shared/dates';
import { type Ask, availabilityOf, type AvailabilityAnswer, startOfDay } from './fatigue';
import { type Consent, firstGate, type GateResult } from './gates';
import { blendScore, byRank, rankScore } from './rank';
import { type AccountRow, loadDeal, type ReferenceRow } from './repo';
import { DATA_DOMAINS, leverageData, leverageSettings, readinessOfAll, todayIn } from './workspace';
import { liveSnapshots } from '../health/liveSnapshots';

/** Excluded references listed (the most similar first); the counts per gate cover all of them. */
const MAX_EXCLUDED = 100;

function profileOfDeal(sqlite: Database.Database, dealId: number): { profile: ProspectProfile; accountId: number | null } {
  const deal = loadDeal(sqlite, dealId);
  if (!deal) throw notFound('deal', dealId);
  const profile: ProspectProfile = { prospect: deal.prospect, products: deal.products };
  for (const key of ['industry', 'segment', 'region', 'useCase', 'competitor'] as const) if (deal[key]) profile[key] = deal[key]!;
  if (deal.employeeCount !== null) profile.employeeCount = deal.employeeCount;
  return { profile, accountId: deal.accountId };
}

interface PoolEntry {
  ref: ReferenceRow;
  account: AccountRow;
  /** Compared by employee count (the request has one) or by segment. */
  bySize: ReferenceProfile;
  bySegment: ReferenceProfile;
  normalisedBySize: NormalisedProfile;
  normalisedBySegment: NormalisedProfile;
  consents: Consent[];
  asks: Ask[];
}

/** The pool (active and resting references of current customers) with their derived profiles, kept while what it is read from is unchanged. */
function poolOf(sqlite: Database.Database): PoolEntry[] {
  return cached(
    sqlite,
    'leverage:pool',
    () => {
      const data = leverageData(sqlite);
      const pool: PoolEntry[] = [];
      for (const ref of data.references) {
        const account = data.accounts.get(ref.accountId);
        // Archived or churned customers speak for no one.
        if ((ref.stage !== 'active' && ref.stage !== 'resting') || !account) continue;
        const own = data.profiles.get(ref.accountId);
        const base = { industry: account.industry, region: account.region, products: own?.products, useCases: own?.useCases, competitorsDisplaced: own?.competitors };
        const bySize = { ...base, sizeBand: sizeBandOf(account.employeeCount, account.segment) };
        const bySegment = { ...base, sizeBand: sizeBandOf(null, account.segment) };
        pool.push({
          ref,
          account,
          bySize,
          bySegment,
          normalisedBySize: normaliseProfile(bySize),
          normalisedBySegment: normaliseProfile(bySegment),
          consents: ref.contactId === null ? [] : (data.consents.get(ref.contactId) ?? []),
          asks: ref.contactId === null ? [] : (data.asks.get(ref.contactId) ?? []),
        });
      }
      return pool;
    },
    DATA_DOMAINS,
  );
}

const headOf = ({ ref, account }: PoolEntry) => ({
  referenceId: ref.id,
  accountId: ref.accountId,
  accountName: account.name,
  contactName: ref.contactName,
  segment: account.segment,
  industry: account.industry,
  region: account.region,
});

/**
 * The finder: every reference in the pool (active, and resting ones to say when they are back)
 * through the gates, the eligible ones ranked by similarity, readiness and freshness. Every
 * eligible reference gets its score; only the returned ones get their parts and reasons in words.
 */
export function match(sqlite: Database.Database, input: ParsedInput<'leverage.match'>, now: Date): MatchResult {
  const { profile, accountId: prospectAccount } = input.dealId !== undefined ? profileOfDeal(sqlite, input.dealId) : { profile: input.profile!, accountId: null };
  const settings = leverageSettings(sqlite).leverage;
  const on = input.neededOn ?? todayIn(sqlite, now);
  const health = liveSnapshots(sqlite);
  const readiness = readinessOfAll(sqlite, now);
  // Size compares employee counts when the request has one, else segments.
  const bySize = profile.employeeCount !== undefined;
  const request: MatchRequest = {
    industry: profile.industry,
    products: profile.products,
    useCases: profile.useCase ? [profile.useCase] : [],
    sizeBand: bySize ? sizeBandOf(profile.employeeCount) : sizeBandOf(null, profile.segment),
    region: profile.region,
    competitor: profile.competitor,
  };
  const normalisedRequest = normaliseRequest(request);
  const prospect = { name: profile.prospect, industry: profile.industry, region: profile.region };

  const eligible: { entry: PoolEntry; referenceId: number; score: number; similarity: number; ready: number | null; daysSinceUse: number | null; lastUse: string | null }[] = [];
  const excluded: { entry: PoolEntry; gate: GateResult; similarity: number; referenceId: number }[] = [];
  const excludedByGate = Object.fromEntries(MATCH_GATES.map((g) => [g, 0])) as MatchResult['excludedByGate'];
  const startOfNeeded = startOfDay(on);
  const pool = poolOf(sqlite);
  for (const entry of pool) {
    const { ref } = entry;
    const similar = similarityOfNormalised(normalisedRequest, bySize ? entry.normalisedBySize : entry.normalisedBySegment, settings.matchWeights) ?? 0;
    let known: AvailabilityAnswer | undefined;
    const availability = () => (known ??= availabilityOf(entry.asks, settings.fatigue, input.activity, on, ref.usageLimit));
    const score = health.get(ref.accountId)?.score ?? null;
    const gate = firstGate(
      { stage: ref.stage, consents: entry.consents, isProspect: ref.accountId === prospectAccount, health: score, availability },
      prospect,
      input.activity,
      on,
      settings.minHealth,
    );
    if (gate) {
      excludedByGate[gate.gate]++;
      excluded.push({ entry, gate, similarity: similar, referenceId: ref.id });
      continue;
    }
    const lastUse = availability().lastUsedAt;
    const daysSinceUse = lastUse === null ? null : (startOfNeeded - startOfDay(lastUse)) / DAY_MS;
    const ready = readiness.get(ref.accountId)?.score ?? null;
    eligible.push({ entry, referenceId: ref.id, score: blendScore(similar, ready, daysSinceUse, settings.scoreWeights), similarity: similar, ready, daysSinceUse, lastUse });
  }
  eligible.sort(byRank);
  excluded.sort((a, b) => b.similarity - a.similarity || a.referenceId - b.referenceId);

  const ranked = eligible.slice(0, input.limit).map((e, i): RankedReference => {
    const sim = similarity(request, bySize ? e.entry.bySize : e.entry.bySegment, settings.matchWeights);
    const scored = rankScore(sim, e.ready, e.daysSinceUse, settings.scoreWeights);
    return {
      ...headOf(e.entry),
      rank: i + 1,
      score: scored.score,
      parts: scored.parts,
      criteria: sim.contributions,
      reasons: scored.reasons,
      health: health.get(e.entry.ref.accountId)!.score!,
      lastUsedAt: e.lastUse,
    };
  });
  return {
    profile,
    dealId: input.dealId ?? null,
    activity: input.activity,
    neededOn: on,
    ranked,
    eligible: eligible.length,
    excluded: excluded.slice(0, MAX_EXCLUDED).map(({ entry, gate }): ExcludedReference => ({
      ...headOf(entry),
      ...gate,
      reason: entry.ref.contactId === null && gate.gate === 'consent' ? 'no contact person, so no consent' : gate.reason,
    })),
    excludedByGate,
    pool: pool.length,
  };
}
