// Issue 16: "what satisfaction is worth" through dispatch on a small workspace whose figures are
// computed by hand: six renewals due on 2025-03-01, grouped by the NPS answer, CSAT and advocate
// answers before them, and the ARR renewing in the next year by band.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
const ids: Record<string, number> = {};
const RANGE = { from: '2025-01-01', to: '2026-01-01' };

beforeAll(async () => {
  core = await testCore();
  const make = async (name: string, arrMinor: number, extra: Record<string, unknown> = {}) => {
    ids[name] = (await core.call('accounts.create', { name, arrMinor, contractStart: '2024-03-01', ...extra })).id;
  };
  const answer = async (name: string, kind: 'nps' | 'csat' | 'repurchase', score: number, respondedAt = '2024-12-01T10:00:00.000Z') =>
    core.call('surveyResponses.create', { accountId: ids[name]!, respondedAt, kind, score });
  await make('P1', 100_000, { renewalDate: '2026-06-01' });
  await make('P2', 100_000, { renewalDate: '2026-06-01' });
  await make('P3', 200_000, { churnedAt: '2025-02-20', lifecycleStage: 'churned' });
  await make('D1', 100_000, { churnedAt: '2025-03-01', lifecycleStage: 'churned' });
  await make('D2', 100_000, { renewalDate: '2026-06-01' });
  await make('N', 100_000, { renewalDate: '2026-06-01' });
  // Churned more than 90 days before its renewal: an early termination, not a renewal decision.
  await make('Early', 100_000, { churnedAt: '2024-10-01', lifecycleStage: 'churned' });
  await answer('P1', 'nps', 10);
  await answer('P1', 'repurchase', 10);
  await answer('P1', 'csat', 5);
  await answer('P1', 'csat', 5, '2025-01-15T10:00:00.000Z');
  await answer('P2', 'nps', 6, '2024-06-01T10:00:00.000Z');
  // The last answer before the renewal counts: P2 is a promoter.
  await answer('P2', 'nps', 9);
  await answer('P3', 'nps', 9);
  await answer('D1', 'nps', 3);
  await answer('D1', 'csat', 1);
  await answer('D2', 'nps', 5);
  await answer('D2', 'repurchase', 9);
  // Answered after the renewal: groups nothing.
  await answer('N', 'nps', 10, '2025-03-02T10:00:00.000Z');
  // P1 expands to 1,200 and D2 contracts to 500 within a month after the renewal.
  core.setNow('2025-03-10T12:00:00.000Z');
  await core.call('accounts.update', { id: ids.P1!, arrMinor: 120_000 });
  await core.call('accounts.update', { id: ids.D2!, arrMinor: 50_000 });
  core.setNow(FIXED_NOW.toISOString());
}, 120_000);
afterAll(() => core.close());

describe('what satisfaction is worth', () => {
  it('by NPS group: promoters 2 of 3 renewed, GRR 50 %, NRR 55 %; detractors 1 of 2, GRR 25 %', async () => {
    const r = await core.call('churn.satisfactionRevenue', RANGE);
    expect(r.renewals).toBe(6);
    const [promoters, passives, detractors] = r.byNps.groups;
    expect(promoters).toMatchObject({ group: 'promoter', n: 3, renewed: 2, arrDue: 400_000 });
    expect(promoters!.renewalRate.value).toBeCloseTo(200 / 3, 10);
    expect(promoters!.logoChurn.value).toBeCloseTo(100 / 3, 10);
    // Due 1,000 + 1,000 + 2,000; kept min(1,200, 1,000) + 1,000 + 0 = 2,000; after 1,200 + 1,000 = 2,200; expansion 200.
    expect(promoters!.grossRevenueRetention.value).toBeCloseTo(50, 10);
    expect(promoters!.netRevenueRetention.value).toBeCloseTo(55, 10);
    expect(promoters!.expansion.value).toBeCloseTo(5, 10);
    expect(passives).toMatchObject({ group: 'passive', n: 0 });
    expect(passives!.renewalRate.value).toBeNull();
    expect(detractors).toMatchObject({ group: 'detractor', n: 2, renewed: 1, arrDue: 200_000 });
    expect(detractors!.grossRevenueRetention.value).toBeCloseTo(25, 10);
    expect(detractors!.renewalRate.low).toBeLessThan(50);
    expect(detractors!.renewalRate.high).toBeGreaterThan(50);
    expect(r.byNps.unassigned).toBe(1);
    expect(r.byNps.differences).toHaveLength(1);
    expect(r.byNps.differences[0]!.renewalRate.value).toBeCloseTo(100 * (2 / 3 - 1 / 2), 10);
    expect(r.byNps.differences[0]!.sentence).toBe('Promoters renewed 67 % (n 3), detractors 50 % (n 2)');
  });

  it('by CSAT band and advocate quadrant, from the answers before the renewal', async () => {
    const r = await core.call('churn.satisfactionRevenue', RANGE);
    const csat = Object.fromEntries(r.byCsat.groups.map((g) => [g.group, [g.n, g.renewed]]));
    expect(csat).toEqual({ high: [1, 1], middle: [0, 0], low: [1, 0] });
    expect(r.byCsat.unassigned).toBe(4);
    const advocates = Object.fromEntries(r.byAdvocate.groups.map((g) => [g.group, [g.n, g.renewed]]));
    expect(advocates).toEqual({ champions: [1, 1], moralSupporters: [0, 0], captives: [1, 1], rebels: [0, 0] });
    // Health bands come from the rule score on the renewal day: every renewal is in a band or unassigned.
    expect(r.byHealth.groups.reduce((s, g) => s + g.n, 0) + r.byHealth.unassigned).toBe(6);
  });

  it('revenue at risk: ARR renewing in the next year by health band; without a model, none is scored', async () => {
    const r = await core.call('churn.satisfactionRevenue', RANGE);
    expect(r.atRisk).toMatchObject({ from: '2026-03-01', to: '2027-03-01', accounts: 4, arrMinor: 120_000 + 100_000 + 50_000 + 100_000, unscored: 4 });
    const expected = new Map<string, number>();
    for (const name of ['P1', 'P2', 'D2', 'N']) {
      const { band } = await core.call('health.explain', { id: ids[name]! });
      const arr = { P1: 120_000, P2: 100_000, D2: 50_000, N: 100_000 }[name]!;
      expected.set(band, (expected.get(band) ?? 0) + arr);
    }
    for (const band of r.atRisk.byHealth) expect(band.arrMinor, band.band).toBe(expected.get(band.band) ?? 0);
    expect(r.atRisk.byProbability.every((b) => b.accounts === 0)).toBe(true);
  });

  it('a period that ends before it starts is refused', async () => {
    const error = await core.fail('churn.satisfactionRevenue', { from: '2026-01-01', to: '2025-01-01' });
    expect(error.message).toBe('from (2026-01-01) must be before to (2025-01-01)');
  });
});
