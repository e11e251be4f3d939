import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 15: the at-risk list's reasons are read from the health snapshot beside the score they
// explain (findings stored with it, said as sentences at read time), never computed live: so the
// dashboard's list and the account page show one score, one date and one set of reasons.

let core: TestCore;
let accountId: number;

/** Detractors, a renewal in 19 days, 40 of 100 licences in use and a touchpoint 28 days old (engagement drops after 30). */
beforeEach(async () => {
  core = await testCore();
  const account = await core.call('accounts.create', { name: 'Borealis', segment: 'enterprise', arrMinor: 5_000_000, renewalDate: '2026-03-20', contractStart: '2024-01-01' });
  accountId = account.id;
  for (const score of [2, 3, 4]) await core.call('surveyResponses.create', { accountId, respondedAt: '2026-02-10T10:00:00Z', kind: 'nps', score });
  await core.call('touchpoints.create', { accountId, occurredAt: '2026-02-01T10:00:00Z', channel: 'email', kind: 'qbr' });
  await core.call('deployments.create', { accountId, product: 'Core', status: 'live', licencesPurchased: 100, licencesUsed: 40 });
});
afterEach(() => core.close());

async function listed() {
  const explained = await core.call('health.explain', { id: accountId });
  expect(explained.band === 'red' || explained.band === 'amber').toBe(true);
  const page = await core.call('accounts.atRisk', { band: explained.band as 'red' | 'amber', pageSize: 100 });
  const row = page.rows.find((r) => r.accountId === accountId)!;
  const accountPage = (await core.call('metrics.account', { id: accountId })).health;
  return { row, explained, accountPage };
}

describe('accounts.atRisk reads its reasons from the health snapshot', () => {
  it('shows the snapshot’s score, date and reasons, which agree with the account page’s components', async () => {
    const { row, explained, accountPage } = await listed();
    expect({ score: row.score, asOf: row.asOf }).toEqual({ score: explained.score, asOf: explained.asOf });
    expect({ score: accountPage.score, asOf: accountPage.asOf }).toEqual({ score: row.score, asOf: row.asOf });
    expect(row.reasons).toEqual(['More detractors than promoters: NPS −100 over the last 12 months', 'Renews in 19 days', 'Only 40 of 100 licences are in use (40 %)']);
    // The account page says the same facts per component (its rule text): one reason set.
    const reasonOf = (id: string) => explained.components.find((c) => c.id === id)!.reason;
    expect(reasonOf('renewal')).toMatch(/\b19 days\b/);
    expect(reasonOf('adoption')).toMatch(/40/);
  });

  it('keeps the snapshot’s reasons when the clock moves before a refresh (a live computation would say 14 days and a silence)', async () => {
    const before = (await listed()).row;
    core.setNow('2026-03-06T08:00:00.000Z');
    const { row, explained } = await listed();
    expect(row).toEqual(before);
    expect(row.asOf).toBe(explained.asOf);
    expect(row.reasons).toContain('Renews in 19 days');
    expect(row.reasons.join(' ')).not.toMatch(/No touchpoint|14 days/);
  });

  it('stores the findings as data with the snapshot (worded at read time), and an older snapshot without them shows its components’ reasons', async () => {
    const sqlite = core.context.sqlite;
    const stored = JSON.parse(sqlite.prepare('SELECT components FROM health_snapshots WHERE account_id = ? AND current = 1').pluck().get(accountId) as string) as {
      id: string;
      reason: string;
      findings?: unknown[];
    }[];
    expect(stored.find((c) => c.id === 'renewal')!.findings).toEqual([{ kind: 'renewalSoon', days: 19 }]);
    expect(stored.find((c) => c.id === 'satisfaction')!.findings).toEqual([{ kind: 'nps', value: -100 }]);
    const old = stored.map(({ findings: _dropped, ...component }) => component);
    sqlite.prepare('UPDATE health_snapshots SET components = ? WHERE account_id = ? AND current = 1').run(JSON.stringify(old), accountId);
    const { row } = await listed();
    const reasonOf = (id: string) => old.find((c) => c.id === id)!.reason;
    expect(row.reasons).toEqual([reasonOf('satisfaction'), reasonOf('renewal'), reasonOf('adoption')]);
  });

  it('says the same sentences on the account page (health.explain) and in metrics.portfolio’s at-risk list', async () => {
    const { row, explained } = await listed();
    // Each component's sentences, beside its rule text; the listed reasons are among them.
    expect(explained.components.find((c) => c.id === 'renewal')!.sentences).toEqual(['Renews in 19 days']);
    expect(explained.components.find((c) => c.id === 'adoption')!.sentences).toEqual(['Only 40 of 100 licences are in use (40 %)']);
    expect(explained.components.flatMap((c) => c.sentences ?? [])).toEqual(expect.arrayContaining(row.reasons));
    const portfolio = await core.call('metrics.portfolio', {});
    expect(portfolio.health.atRisk.find((a) => a.accountId === accountId)!.reasons).toEqual(row.reasons);
  });

  it('keeps the sentences on the account page after a write changes the account (its churn)', async () => {
    await core.call('accounts.update', { id: accountId, churnedAt: '2026-02-15' });
    const explained = await core.call('health.explain', { id: accountId });
    expect(explained.components.find((c) => c.id === 'satisfaction')!.sentences).toEqual(['More detractors than promoters: NPS −100 over the last 12 months']);
  });
});
