import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';

// The leverage channels through dispatch on a real workspace file, built with the other domains'
// channels (references and requests included), at the fixed clock 2026-03-01 12:00 UTC.

let core: TestCore;
let w: Awaited<ReturnType<typeof build>>;
beforeEach(async () => {
  core = await testCore();
  w = await build(core);
});
afterEach(() => core.close());

const BY = 'Rhea Marketing';

/** A customer with a champion, a live on-time deployment, happy answers and a recent touchpoint. */
async function customer(c: TestCore, name: string, over: { industry: string; segment: string; region: string; employeeCount: number }) {
  const account = await c.call('accounts.create', { name, contractStart: '2023-01-15', renewalDate: '2027-01-15', ...over });
  const contact = await c.call('contacts.create', { accountId: account.id, name: `${name} Champion`, isChampion: true });
  await c.call('deployments.create', {
    accountId: account.id,
    product: 'Ledger',
    status: 'live',
    plannedGoLive: '2023-04-01',
    actualGoLive: '2023-03-20',
    licencesPurchased: 100,
    licencesUsed: 90,
  });
  for (const score of [10, 9, 9]) await c.call('surveyResponses.create', { accountId: account.id, contactId: contact.id, respondedAt: '2026-01-10T10:00:00Z', kind: 'nps', score });
  await c.call('surveyResponses.create', { accountId: account.id, respondedAt: '2026-01-10T10:00:00Z', kind: 'repurchase', score: 9 });
  await c.call('touchpoints.create', { accountId: account.id, contactId: contact.id, occurredAt: '2026-02-20T10:00:00Z', channel: 'phone', kind: 'qbr' });
  return { account, contact };
}

/** An active reference with a consent for reference calls (and the rules given). */
async function activeReference(c: TestCore, accountId: number, contactId: number, rules: unknown[] = [], restrictions: string | null = null) {
  const ref = await c.call('references.create', { accountId, contactId, by: BY });
  await c.call('references.move', { id: ref.id, stage: 'nominated', by: BY });
  await c.call('references.grantConsent', {
    referenceId: ref.id,
    activity: 'reference_call',
    grantedAt: '2025-06-01T00:00:00Z',
    grantedBy: BY,
    expiresAt: '2027-06-01T00:00:00Z',
    restrictions,
    rules: rules as never,
  });
  await c.call('references.move', { id: ref.id, stage: 'recruited', by: BY });
  await c.call('references.move', { id: ref.id, stage: 'active', by: BY });
  return ref;
}

async function build(c: TestCore) {
  const alpha = await customer(c, 'Alpha Bank', { industry: 'Banking', segment: 'enterprise', region: 'EMEA', employeeCount: 5000 });
  const beta = await customer(c, 'Beta Bank', { industry: 'Banking', segment: 'enterprise', region: 'NA', employeeCount: 8000 });
  const gamma = await customer(c, 'Gamma Retail', { industry: 'Retail', segment: 'smb', region: 'EMEA', employeeCount: 80 });
  const delta = await customer(c, 'Delta Care', { industry: 'Healthcare', segment: 'enterprise', region: 'EMEA', employeeCount: 3000 });
  // Alpha won against Acme for fraud detection; the prospect Globex is a bank in EMEA choosing between us and Acme.
  await c.call('deals.create', {
    accountId: alpha.account.id,
    prospect: 'Alpha Bank',
    industry: 'Banking',
    segment: 'enterprise',
    region: 'EMEA',
    products: ['Ledger'],
    useCase: 'fraud detection',
    competitor: 'Acme',
    stage: 'closed_won',
    amountMinor: 50_000_00,
    openedAt: '2022-09-01T00:00:00Z',
    closedAt: '2023-01-10T00:00:00Z',
  });
  const globex = await c.call('deals.create', {
    prospect: 'Globex',
    industry: 'Banking',
    segment: 'enterprise',
    region: 'EMEA',
    employeeCount: 4000,
    products: ['Ledger'],
    useCase: 'fraud detection',
    competitor: 'Acme',
    stage: 'propose',
    amountMinor: 80_000_00,
    openedAt: '2026-01-05T00:00:00Z',
  });
  const refAlpha = await activeReference(c, alpha.account.id, alpha.contact.id);
  // Beta only speaks to North American prospects.
  const refBeta = await activeReference(c, beta.account.id, beta.contact.id, [{ kind: 'regionsOnly', regions: ['NA'] }], 'North American prospects only');
  const refDelta = await activeReference(c, delta.account.id, delta.contact.id);
  await c.call('references.move', { id: refDelta.id, stage: 'resting', by: BY, reason: 'asked for a break' });
  await c.call('health.recompute', {});
  return { alpha, beta, gamma, delta, globex, refAlpha, refBeta, refDelta };
}

/** Requests a reference call for the deal on the given day and takes it to completed that day (the clock moves there and back). */
async function completedCall(c: TestCore, referenceId: number, dealId: number, day: string) {
  c.setNow(`${day}T09:00:00.000Z`);
  const request = await c.call('requests.create', { referenceId, dealId, requester: 'Sam Sales', activity: 'reference_call' });
  await c.call('requests.approve', { id: request.id, by: 'Owner' });
  await c.call('requests.schedule', { id: request.id, scheduledFor: `${day}T15:00:00Z` });
  c.setNow(`${day}T17:00:00.000Z`);
  const done = await c.call('requests.complete', { id: request.id, happened: true, rating: 5, completedAt: `${day}T16:00:00Z` });
  c.setNow(FIXED_NOW.toISOString());
  return done;
}

describe('readiness and candidates', () => {
  it('scores an account with its components and reasons', async () => {
    const r = await core.call('leverage.readiness', { accountId: w.gamma.account.id });
    expect(r.components.map((c) => c.id)).toEqual(['deployment', 'satisfaction', 'loyalty', 'rapport']);
    // deployment: 1 of 1 live, on time, 90 % adoption -> (100 + 100 + 90) / 3; satisfaction NPS +100 -> 100;
    // loyalty: 3 years 1 month -> 100, would buy again 9 -> 90; rapport 100.
    const expected = (30 * (290 / 3) + 25 * 100 + 25 * 95 + 20 * 100) / 100;
    expect(r.score).toBeCloseTo(expected, 6);
    expect(r.reasons).toContain('Rapport: last touchpoint 9 days ago; a champion contact');
    expect(r.fatigue).toMatchObject({ asks: 0, penalty: 0 });
  });

  it('suggests accounts above the threshold that are not in the program yet', async () => {
    const page = await core.call('leverage.candidates', {});
    expect(page.threshold).toBe(70);
    expect(page.rows.map((r) => r.name)).toEqual(['Gamma Retail']);
    expect(page.rows[0]!.reasons.length).toBeGreaterThan(2);
    expect((await core.call('leverage.candidates', { threshold: 100 })).total).toBe(0);
  });

  it('refuses an unknown account and bad input with clear errors', async () => {
    expect(await core.fail('leverage.readiness', { accountId: 999 })).toMatchObject({ code: 'NOT_FOUND', message: 'account 999 does not exist' });
    expect((await core.fail('leverage.candidates', { threshold: 120 })).code).toBe('BAD_INPUT');
    expect((await core.fail('leverage.readiness', { accountId: 1, extra: true })).code).toBe('BAD_INPUT');
  });

  it('the account page standing names the program stage', async () => {
    const s = await core.call('leverage.standing', { accountId: w.delta.account.id });
    expect(s.reference).toMatchObject({ id: w.refDelta.id, stage: 'resting', contactName: 'Delta Care Champion' });
    expect((await core.call('leverage.standing', { accountId: w.gamma.account.id })).reference).toBeNull();
  });
});

describe('the finder', () => {
  it('ranks eligible references with reasons and lists the excluded with their gate', async () => {
    const m = await core.call('leverage.match', { dealId: w.globex.id });
    expect(m.profile).toMatchObject({ prospect: 'Globex', industry: 'Banking', competitor: 'Acme' });
    expect(m.ranked.map((r) => r.accountName)).toEqual(['Alpha Bank']);
    const alpha = m.ranked[0]!;
    expect(alpha.reasons).toEqual(expect.arrayContaining(['same industry (Banking)', 'also replaced competitor Acme', 'also uses Ledger', 'same region (EMEA)']));
    expect(alpha.parts.map((p) => p.id)).toEqual(['similarity', 'readiness', 'freshness']);
    expect(alpha.parts.reduce((s, p) => s + (p.points ?? 0), 0)).toBeCloseTo(alpha.score, 6);
    expect(m.excluded.map((e) => [e.accountName, e.gate])).toEqual(
      expect.arrayContaining([
        ['Beta Bank', 'restrictions'],
        ['Delta Care', 'stage'],
      ]),
    );
    expect(m.excluded.find((e) => e.gate === 'restrictions')!.reason).toBe('only for prospects in NA, not EMEA (“North American prospects only”)');
    expect(m.excludedByGate).toEqual({ stage: 1, consent: 0, restrictions: 1, health: 0, fatigue: 0 });
    expect(m.pool).toBe(3);
  });

  it('matches a typed profile, and an activity nobody consented to excludes everyone at the consent gate', async () => {
    const na = await core.call('leverage.match', { profile: { industry: 'Banking', region: 'NA', segment: 'enterprise' } });
    expect(na.ranked.map((r) => r.accountName)).toEqual(['Beta Bank', 'Alpha Bank']);
    const visit = await core.call('leverage.match', { profile: { industry: 'Banking' }, activity: 'site_visit' });
    expect(visit.ranked).toEqual([]);
    expect(visit.excludedByGate.consent).toBe(2);
    expect(visit.excluded.find((e) => e.accountName === 'Alpha Bank')!.reason).toBe('no consent for site visit');
  });

  it('completed calls move a reference to Excluded with the day it is available again', async () => {
    await completedCall(core, w.refAlpha.id, w.globex.id, '2026-01-10');
    await completedCall(core, w.refAlpha.id, w.globex.id, '2026-02-20');
    const m = await core.call('leverage.match', { dealId: w.globex.id });
    expect(m.ranked).toEqual([]);
    const alpha = m.excluded.find((e) => e.accountName === 'Alpha Bank')!;
    // Days, not instants (issue 16): 10 Jan + 90 days = 10 Apr, whatever the call's 16:00.
    expect(alpha).toMatchObject({ gate: 'fatigue', availableFrom: '2026-04-10', reason: '2 reference calls in the last 90 days (budget 2): available from 10 April 2026' });
    const a = await core.call('leverage.availability', { referenceId: w.refAlpha.id });
    expect(a).toMatchObject({ available: false, availableFrom: '2026-04-10', restUntil: '2026-03-21', activities: [{ activity: 'reference_call', asks: 2, budget: 2 }] });
    // The readiness pays for it too: 2 asks of 4 -> −10.
    expect((await core.call('leverage.readiness', { accountId: w.alpha.account.id })).fatigue).toMatchObject({ asks: 2, budget: 4, penalty: 10 });
    // On the day it is free again, it is back in the ranking.
    expect((await core.call('leverage.match', { dealId: w.globex.id, neededOn: '2026-04-11' })).ranked.map((r) => r.accountName)).toEqual(['Alpha Bank']);
  });

  it('the budgets are settings: a larger one lifts the fatigue gate', async () => {
    await completedCall(core, w.refAlpha.id, w.globex.id, '2026-01-10');
    await completedCall(core, w.refAlpha.id, w.globex.id, '2026-01-20');
    expect((await core.call('leverage.match', { dealId: w.globex.id })).excludedByGate.fatigue).toBe(1);
    const { leverage } = await core.call('settings.get', {});
    await core.call('settings.update', { leverage: { ...leverage, fatigue: { ...leverage.fatigue, budgets: { ...leverage.fatigue.budgets, reference_call: 3 } } } });
    expect((await core.call('leverage.match', { dealId: w.globex.id })).ranked.map((r) => r.accountName)).toEqual(['Alpha Bank']);
  });

  it('refuses a deal and a profile together, neither, or an unknown deal', async () => {
    expect((await core.fail('leverage.match', { dealId: w.globex.id, profile: {} })).issues).toEqual([
      { path: 'dealId', message: 'give either a dealId or a profile, not both and not neither' },
    ]);
    expect((await core.fail('leverage.match', {})).code).toBe('BAD_INPUT');
    expect(await core.fail('leverage.match', { dealId: 4242 })).toMatchObject({ code: 'NOT_FOUND', message: 'deal 4242 does not exist' });
    expect((await core.fail('leverage.match', { profile: { industry: 'Banking', size: 3 } })).code).toBe('BAD_INPUT');
  });
});

describe('program figures', () => {
  it('coverage counts ready references and names the gaps', async () => {
    const c = await core.call('leverage.coverage', {});
    // Ready: Alpha and Beta (Delta is resting).
    expect(c.ready).toBe(2);
    expect(c.cells.find((x) => x.industry === 'Banking' && x.region === 'EMEA')).toMatchObject({ ready: 1, openDeals: 1 });
    expect(c.gaps.map((g) => g.message)).toEqual(['no ready reference for healthcare enterprise in EMEA', 'no ready reference for retail SMB in EMEA']);
    expect((await core.call('leverage.coverage', { product: 'Payments' })).ready).toBe(0);
  });

  it('capacity: supply of asks against demand per segment', async () => {
    await core.call('requests.create', { referenceId: w.refAlpha.id, dealId: w.globex.id, requester: 'Sam Sales', activity: 'reference_call' });
    const c = await core.call('leverage.capacity', {});
    // Alpha has 1 ask of 4, Beta none: 3 + 4 asks left in enterprise; one open request.
    expect(c.segments.find((s) => s.segment === 'enterprise')).toMatchObject({ activeReferences: 2, supply: 7, openRequests: 1 });
    expect(c.forecastMethod).toMatch(/open deals without a request/);
  });

  it('influence and acceptance follow the completed requests', async () => {
    await completedCall(core, w.refAlpha.id, w.globex.id, '2026-02-10');
    await core.call('deals.update', { id: w.globex.id, stage: 'closed_won', closedAt: '2026-02-25T00:00:00Z' });
    const i = await core.call('leverage.influence', {});
    expect(i).toMatchObject({ influencedDeals: 1, influencedPipelineMinor: 80_000_00, influencedWonMinor: 80_000_00, currency: 'USD' });
    expect(i.overall.withReference).toMatchObject({ n: 1, won: 1, winRate: 100 });
    const p = await core.call('leverage.programFigures', {});
    expect(p).toMatchObject({ requests: 1, acceptance: { rate: 100, accepted: 1, decided: 1 }, pastSla: { count: 0, slaDays: 3 } });
    expect(p.mostUsed).toEqual([{ referenceId: w.refAlpha.id, accountName: 'Alpha Bank', uses: 1 }]);
    expect((await core.fail('leverage.influence', { from: '2026-03-01', to: '2026-01-01' })).issues?.[0]?.path).toBe('to');
  });
});
