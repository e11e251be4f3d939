import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 15: metrics.display says what a figure reads as on the screens, written by the core through
// the screens' own formatter (shared/format) in the page's locale and time zone, so an end-to-end
// test can take its expected text from the core. Expected texts here are written out by hand.

let core: TestCore;
let answered: number;
let silent: number;

beforeAll(async () => {
  core = await testCore();
  answered = (await core.call('accounts.create', { name: 'Borealis', segment: 'enterprise', arrMinor: 5_000_000, renewalDate: '2026-09-20', contractStart: '2024-01-01' })).id;
  silent = (await core.call('accounts.create', { name: 'Quiet Co', segment: 'smb', contractStart: '2024-01-01' })).id;
  const answer = (kind: 'nps' | 'csat' | 'ces', score: number) => core.call('surveyResponses.create', { accountId: answered, respondedAt: '2026-02-10T10:00:00Z', kind, score });
  // NPS: three detractors (−100). CSAT: 5, 4, 2 (two of three satisfied: 66.67 %). CES: 5 and 6 (5.5).
  for (const score of [2, 3, 4]) await answer('nps', score);
  for (const score of [5, 4, 2]) await answer('csat', score);
  for (const score of [5, 6]) await answer('ces', score);
  await core.call('touchpoints.create', { accountId: answered, occurredAt: '2026-02-01T10:00:00Z', channel: 'email', kind: 'qbr' });
  await core.call('deployments.create', { accountId: answered, product: 'Core', status: 'live', licencesPurchased: 100, licencesUsed: 40 });
});
afterAll(() => core.close());

const place = { locale: 'en-US', timeZone: 'UTC' };

describe('metrics.display', () => {
  it("writes an account's figures as its page shows them, in the page's locale", async () => {
    const us = await core.call('metrics.display', { ...place, accounts: [answered] });
    expect(us.portfolio).toBeNull();
    const [row] = us.accounts;
    expect(row).toMatchObject({ accountId: answered, nps: '-100', csat: '66.7%', ces: '5.5', firstResponseMedian: null });
    const health = await core.call('health.explain', { id: answered });
    expect(health.score).not.toBeNull();
    // The score in whole points, as the health definition's unit ('score') says.
    expect(row!.healthScore).toBe(String(Math.round(health.score!)));
    const de = (await core.call('metrics.display', { locale: 'de-DE', timeZone: 'UTC', accounts: [answered] })).accounts[0]!;
    expect(de).toMatchObject({ csat: '66,7\u00a0%', ces: '5,5' });
  });

  it('says the health snapshot’s date in the page’s time zone', async () => {
    const health = await core.call('health.explain', { id: answered });
    expect(health.asOf).toBe('2026-03-01T12:00:00.000Z');
    const utc = (await core.call('metrics.display', { ...place, accounts: [answered] })).accounts[0]!;
    expect(utc.healthAsOf).toMatch(/^as of Mar 1, 2026, 12:00\sPM$/u);
    // Auckland is 13 hours ahead in March: the same instant is the next morning there.
    const auckland = (await core.call('metrics.display', { locale: 'en-US', timeZone: 'Pacific/Auckland', accounts: [answered] })).accounts[0]!;
    expect(auckland.healthAsOf).toMatch(/^as of Mar 2, 2026, 1:00\sAM$/u);
  });

  it('gives null, never 0, for a figure that has no data', async () => {
    const [row] = (await core.call('metrics.display', { ...place, accounts: [silent] })).accounts;
    expect(row).toMatchObject({ accountId: silent, nps: null, csat: null, ces: null, firstResponseMedian: null });
  });

  it("writes the dashboard's cards for a period", async () => {
    const { portfolio } = await core.call('metrics.display', { ...place, portfolio: { from: '2025-04-01', to: '2026-04-01' } });
    expect(portfolio).toEqual({ nps: '-100', csat: '66.7%', nsat: null, ces: '5.5', firstResponseMedian: null });
  });

  it('writes the requests past the SLA as Requests and Influence show them, from the programme figure', async () => {
    expect((await core.call('metrics.display', place)).requests).toBeNull();
    const none = await core.call('metrics.display', { ...place, requests: true });
    expect(none.requests).toEqual({ pastSla: '0', pastSlaSummary: 'No request awaiting an answer past the 3-day SLA' });
    // Three requests asked on 1 Feb (28 days before now, past the 3-day SLA): one still awaiting an answer, one approved, one declined.
    const contact = await core.call('contacts.create', { accountId: answered, name: 'Dana Reyes' });
    const referenceId = (await core.call('references.create', { accountId: answered, contactId: contact.id, by: 'Sam' })).id;
    await core.call('references.grantConsent', {
      referenceId,
      activity: 'reference_call',
      grantedBy: 'Dana Reyes',
      grantedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2027-01-01T00:00:00Z',
    });
    for (const stage of ['nominated', 'recruited', 'active'] as const) await core.call('references.move', { id: referenceId, stage, by: 'Sam' });
    core.setNow('2026-02-01T12:00:00.000Z');
    const asked = [];
    for (const prospect of ['Initech', 'Globex', 'Umbrella']) {
      const dealId = (await core.call('deals.create', { prospect, openedAt: '2026-01-20T00:00:00Z' })).id;
      asked.push(await core.call('requests.create', { referenceId, dealId, requester: 'Ria Sales', activity: 'reference_call' }));
    }
    await core.call('requests.approve', { id: asked[1]!.id, by: 'Olivia' });
    await core.call('requests.decline', { id: asked[2]!.id, reason: 'Busy quarter' });
    core.setNow('2026-03-01T12:00:00.000Z');
    const program = await core.call('leverage.programFigures', {});
    expect(program.pastSla).toEqual({ count: 2, slaDays: 3 });
    const two = await core.call('metrics.display', { ...place, requests: true });
    expect(two.requests).toEqual({ pastSla: '2', pastSlaSummary: '2 awaiting an answer past the 3-day SLA' });
  });

  it('refuses a locale or time zone Intl does not know, naming the field', async () => {
    const badLocale = await core.fail('metrics.display', { locale: 'not a locale', timeZone: 'UTC' });
    expect(badLocale.code).toBe('BAD_INPUT');
    expect(badLocale.message).toMatch(/locale/);
    const badZone = await core.fail('metrics.display', { locale: 'en-US', timeZone: 'Mars/Olympus' });
    expect(badZone.code).toBe('BAD_INPUT');
    expect(badZone.message).toMatch(/timeZone.*IANA time zone/s);
    expect((await core.fail('metrics.display', { ...place, accountIds: [answered] })).code).toBe('BAD_INPUT');
    expect((await core.fail('metrics.display', { ...place, accounts: [999] })).code).toBe('NOT_FOUND');
  });
});
