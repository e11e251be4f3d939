import { describe, expect, it } from 'vitest';
import { type AvailabilityAnswer } from './fatigue';
import { type Consent, consentValidOn, firstGate, type GateInput, governingConsent, missingConsentReason, ruleViolation } from './gates';

const consent = (over: Partial<Consent> = {}): Consent => ({
  activity: 'reference_call',
  grantedAt: '2025-06-01T10:00:00.000Z',
  expiresAt: '2027-06-01T10:00:00.000Z',
  revokedAt: null,
  restrictions: null,
  rules: [],
  ...over,
});

const free: AvailabilityAnswer = {
  activities: [],
  total: { asks: 0, budget: 4, fromUsageLimit: false },
  lastUsedAt: null,
  restUntil: null,
  availableFrom: '2026-03-01',
  available: true,
  reason: 'fine',
};
type Over = Partial<Omit<GateInput, 'availability'>> & { availability?: AvailabilityAnswer };
const input = ({ availability = free, ...over }: Over = {}): GateInput => ({
  stage: 'active',
  consents: [consent()],
  isProspect: false,
  health: 80,
  availability: () => availability,
  ...over,
});
const prospect = { name: 'Globex', industry: 'Banking', region: 'EMEA' };
const ON = '2026-03-01';

describe('consent validity', () => {
  it.each([
    ['valid', {}, true],
    ['granted later that day', { grantedAt: '2026-03-01T15:00:00.000Z' }, true],
    ['granted the next day', { grantedAt: '2026-03-02T00:00:00.000Z' }, false],
    ['expired the day before', { expiresAt: '2026-02-28T23:00:00.000Z' }, false],
    ['expires later that day', { expiresAt: '2026-03-01T09:00:00.000Z' }, true],
    ['revoked', { revokedAt: '2026-01-01T00:00:00.000Z' }, false],
    ['revoked later', { revokedAt: '2026-04-01T00:00:00.000Z' }, true],
    ['no expiry', { expiresAt: null }, true],
  ])('%s -> %s', (_name, over, valid) => {
    expect(consentValidOn(consent(over), ON)).toBe(valid);
  });

  it('the latest valid grant governs, and a missing one is explained', () => {
    const older = consent({ grantedAt: '2024-01-01T00:00:00.000Z', rules: [{ kind: 'regionsOnly', regions: ['NA'] }] });
    expect(governingConsent([older, consent()], 'reference_call', ON)).toEqual(consent());
    expect(governingConsent([consent()], 'site_visit', ON)).toBeNull();
    expect(missingConsentReason([], 'site_visit', ON)).toBe('no consent for site visit');
    expect(missingConsentReason([consent({ expiresAt: '2026-01-10T00:00:00.000Z' })], 'reference_call', ON)).toBe('consent for reference call expired on 10 January 2026');
    expect(missingConsentReason([consent({ revokedAt: '2026-02-01T00:00:00.000Z' })], 'reference_call', ON)).toBe('consent for reference call revoked on 1 February 2026');
  });
});

describe('consent rules against the prospect', () => {
  it.each([
    ['regionsOnly: inside', [{ kind: 'regionsOnly', regions: ['emea', 'NA'] }], prospect, null],
    ['regionsOnly: outside', [{ kind: 'regionsOnly', regions: ['NA'] }], prospect, 'only for prospects in NA, not EMEA'],
    ['regionsOnly: region unknown', [{ kind: 'regionsOnly', regions: ['NA'] }], { name: 'X' }, "only for prospects in NA; the prospect's region is not known"],
    ['excludeIndustries: hit', [{ kind: 'excludeIndustries', industries: ['Retail', 'banking'] }], prospect, 'not for prospects in banking'],
    ['excludeIndustries: miss', [{ kind: 'excludeIndustries', industries: ['Retail'] }], prospect, null],
    ['excludeProspects: hit', [{ kind: 'excludeProspects', names: ['GLOBEX'] }], prospect, 'not for GLOBEX'],
    ['excludeProspects: miss', [{ kind: 'excludeProspects', names: ['Initech'] }], prospect, null],
    ['no rules', [], prospect, null],
  ] as const)('%s', (_name, rules, who, expected) => {
    expect(ruleViolation(rules as never, who)).toBe(expected);
  });

  it('quotes the restriction in words', () => {
    expect(ruleViolation([{ kind: 'regionsOnly', regions: ['NA'] }], prospect, 'North American prospects only')).toBe(
      'only for prospects in NA, not EMEA (“North American prospects only”)',
    );
  });
});

describe('gates in order: stage, consent, restrictions, health, fatigue', () => {
  const tired: AvailabilityAnswer = {
    ...free,
    available: false,
    availableFrom: '2026-04-11',
    reason: '2 reference calls in the last 90 days (budget 2): available from 11 April 2026',
  };
  it.each([
    ['passes', {}, null],
    ['resting', { stage: 'resting' }, 'stage'],
    ['no consent', { consents: [] }, 'consent'],
    ['restricted', { consents: [consent({ rules: [{ kind: 'regionsOnly', regions: ['APAC'] }] })] }, 'restrictions'],
    ['the prospect itself', { isProspect: true }, 'restrictions'],
    ['unhealthy', { health: 55 }, 'health'],
    ['no health', { health: null }, 'health'],
    ['fatigued', { availability: tired }, 'fatigue'],
    ['stage before consent', { stage: 'resting', consents: [] }, 'stage'],
    ['consent before health', { consents: [], health: 10 }, 'consent'],
    ['health before fatigue', { health: 10, availability: tired }, 'health'],
  ] as const)('%s -> %s', (_name, over, gate) => {
    expect(firstGate(input(over as Over), prospect, 'reference_call', ON, 70)?.gate ?? null).toBe(gate);
  });

  it('gives the reason, and the date a fatigued or resting reference is back', () => {
    expect(firstGate(input({ health: 69.64 }), prospect, 'reference_call', ON, 70)?.reason).toBe('health 69.6 (below 70)');
    expect(firstGate(input({ availability: tired }), prospect, 'reference_call', ON, 70)).toEqual({ gate: 'fatigue', reason: tired.reason, availableFrom: '2026-04-11' });
    expect(firstGate(input({ stage: 'resting', availability: tired }), prospect, 'reference_call', ON, 70)).toEqual({
      gate: 'stage',
      reason: 'resting: not taking requests; rest period ends 11 April 2026',
      availableFrom: '2026-04-11',
    });
  });
});
