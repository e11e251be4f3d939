import { longDate, type AvailabilityAnswer } from './fatigue';
import type { ReferenceActivity } from './types';

/**
 * The finder's hard gates, in order: stage, consent, restrictions, health, fatigue. The first
 * that fails excludes the reference, with its reason; only references that pass every gate are
 * scored. Consent rules (consents.rules, validated by the references contract):
 *   regionsOnly        the prospect's region must be one of `regions` ("EMEA prospects only")
 *   excludeIndustries  not for prospects in these industries
 *   excludeProspects   not for these prospects by name ("no competitors of X": the named companies)
 * A consent is valid for an activity at day D when granted_at ≤ D, not revoked (revoked_at null or
 * after D) and not expired (expires_at null or after D).
 */

export type ConsentRule = { kind: 'regionsOnly'; regions: string[] } | { kind: 'excludeIndustries'; industries: string[] } | { kind: 'excludeProspects'; names: string[] };

export interface Consent {
  activity: ReferenceActivity;
  grantedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  restrictions: string | null;
  rules: ConsentRule[];
}

export type Gate = 'stage' | 'consent' | 'restrictions' | 'health' | 'fatigue';

export interface GateResult {
  gate: Gate;
  reason: string;
  availableFrom: string | null;
}

export interface Prospect {
  name?: string | null;
  industry?: string | null;
  region?: string | null;
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();
const dayEnd = (ymd: string) => `${ymd}T23:59:59.999Z`;

/** Whether a consent covers day `on` (YYYY-MM-DD): granted by its end, not revoked or expired by its start. */
export function consentValidOn(consent: Consent, on: string): boolean {
  const start = `${on}T00:00:00.000Z`;
  return consent.grantedAt <= dayEnd(on) && (consent.revokedAt === null || consent.revokedAt > start) && (consent.expiresAt === null || consent.expiresAt > start);
}

/** The consent that governs an activity on a day: the latest granted valid one. */
export function governingConsent(consents: readonly Consent[], activity: ReferenceActivity, on: string): Consent | null {
  let best: Consent | null = null;
  for (const c of consents) if (c.activity === activity && consentValidOn(c, on) && (!best || c.grantedAt > best.grantedAt)) best = c;
  return best;
}

/** Why there is no valid consent: none, expired, revoked or not yet granted. */
export function missingConsentReason(consents: readonly Consent[], activity: ReferenceActivity, on: string): string {
  const words = activity.replace(/_/g, ' ');
  const ofActivity = consents.filter((c) => c.activity === activity).sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
  const latest = ofActivity[0];
  if (!latest) return `no consent for ${words}`;
  const start = `${on}T00:00:00.000Z`;
  if (latest.revokedAt !== null && latest.revokedAt <= start) return `consent for ${words} revoked on ${longDate(latest.revokedAt.slice(0, 10))}`;
  if (latest.expiresAt !== null && latest.expiresAt <= start) return `consent for ${words} expired on ${longDate(latest.expiresAt.slice(0, 10))}`;
  return `consent for ${words} only from ${longDate(latest.grantedAt.slice(0, 10))}`;
}

/** The first consent rule the prospect breaks, in words, or null. */
export function ruleViolation(rules: readonly ConsentRule[], prospect: Prospect, restrictions: string | null = null): string | null {
  const said = restrictions ? ` (“${restrictions}”)` : '';
  for (const rule of rules) {
    if (rule.kind === 'regionsOnly') {
      if (!norm(prospect.region)) return `only for prospects in ${rule.regions.join(', ')}; the prospect's region is not known${said}`;
      if (!rule.regions.some((r) => norm(r) === norm(prospect.region))) return `only for prospects in ${rule.regions.join(', ')}, not ${prospect.region}${said}`;
    } else if (rule.kind === 'excludeIndustries') {
      const hit = rule.industries.find((i) => norm(i) === norm(prospect.industry));
      if (hit) return `not for prospects in ${hit}${said}`;
    } else {
      const hit = rule.names.find((n) => norm(n) === norm(prospect.name));
      if (hit) return `not for ${hit}${said}`;
    }
  }
  return null;
}

export interface GateInput {
  stage: string;
  consents: readonly Consent[];
  /** Whether the reference's account is the prospect itself (an expansion deal). */
  isProspect: boolean;
  health: number | null;
  /** Computed only when a gate needs it (most references stop at an earlier gate or pass without dates). */
  availability: () => AvailabilityAnswer;
}

/** The first gate that excludes a reference, or null when it passes all of them. */
export function firstGate(input: GateInput, prospect: Prospect, activity: ReferenceActivity, on: string, minHealth: number): GateResult | null {
  if (input.stage !== 'active') {
    const availability = input.availability();
    const back = availability.availableFrom && availability.availableFrom > on ? `; rest period ends ${longDate(availability.availableFrom)}` : '';
    return { gate: 'stage', reason: `${input.stage}: not taking requests${back}`, availableFrom: back ? availability.availableFrom : null };
  }
  const consent = governingConsent(input.consents, activity, on);
  if (!consent) return { gate: 'consent', reason: missingConsentReason(input.consents, activity, on), availableFrom: null };
  if (input.isProspect) return { gate: 'restrictions', reason: "is the prospect's own account", availableFrom: null };
  const broken = ruleViolation(consent.rules, prospect, consent.restrictions);
  if (broken) return { gate: 'restrictions', reason: broken, availableFrom: null };
  if (input.health === null) return { gate: 'health', reason: 'no health score yet', availableFrom: null };
  if (input.health < minHealth) return { gate: 'health', reason: `health ${Math.round(input.health * 10) / 10} (below ${minHealth})`, availableFrom: null };
  const availability = input.availability();
  if (!availability.available) return { gate: 'fatigue', reason: availability.reason, availableFrom: availability.availableFrom };
  return null;
}
