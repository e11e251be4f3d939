// Issue 16: "what satisfaction is worth" under the dashboard's account filters (segment, region,
// owner and "my accounts", lifecycle stage), through dispatch, with figures computed by hand: four
// renewals due on 2025-03-01, two promoters and two detractors, split across the filters so that
// each filter keeps a different pair. And the kept answers: a write changes the next answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
const ids: Record<string, number> = {};
const RANGE = { from: '2025-01-01', to: '2026-01-01' };

beforeAll(async () => {
  core = await testCore();
  const make = async (name: string, extra: Record<string, unknown>, nps: number) => {
    ids[name] = (await core.call('accounts.create', { name, arrMinor: 100_000, contractStart: '2024-03-01', ...extra })).id;
    await core.call('surveyResponses.create', { accountId: ids[name], respondedAt: '2024-12-01T10:00:00.000Z', kind: 'nps', score: nps });
  };
  const churned = { churnedAt: '2025-03-01', lifecycleStage: 'churned' };
  // A promoter who renewed and a detractor who left, in Enterprise EMEA, owned by Ana.
  await make('A1', { segment: 'Enterprise', region: 'EMEA', owner: 'Ana', lifecycleStage: 'growth', renewalDate: '2026-06-01' }, 10);
  await make('A2', { segment: 'Enterprise', region: 'EMEA', owner: 'Ana', ...churned }, 3);
  // A promoter who left (North America) and a detractor who renewed (EMEA), in SMB, owned by Bo.
  await make('B1', { segment: 'SMB', region: 'NA', owner: 'Bo', ...churned }, 9);
  await make('B2', { segment: 'SMB', region: 'EMEA', owner: 'bo@example.com', lifecycleStage: 'renewal', renewalDate: '2026-06-01' }, 2);
}, 120_000);
afterAll(() => core.close());

/** [n, renewed] of promoters and detractors. */
async function npsOf(filters: Record<string, unknown>) {
  const r = await core.call('churn.satisfactionRevenue', { ...RANGE, ...filters });
  const of = (group: string) => {
    const g = r.byNps.groups.find((x) => x.group === group)!;
    return [g.n, g.renewed];
  };
  return { renewals: r.renewals, accounts: r.accounts, promoters: of('promoter'), detractors: of('detractor'), atRisk: [r.atRisk.accounts, r.atRisk.arrMinor] };
}

describe('what satisfaction is worth under the dashboard filters', () => {
  it('without filters: every renewal (2 promoters, 1 renewed; 2 detractors, 1 renewed)', async () => {
    expect(await npsOf({})).toEqual({ renewals: 4, accounts: 4, promoters: [2, 1], detractors: [2, 1], atRisk: [2, 200_000] });
  });

  it('by segment: Enterprise keeps A1 (renewed) and A2 (left): promoters 100 %, detractors 0 %', async () => {
    expect(await npsOf({ segment: ['Enterprise'] })).toEqual({ renewals: 2, accounts: 2, promoters: [1, 1], detractors: [1, 0], atRisk: [1, 100_000] });
    const r = await core.call('churn.satisfactionRevenue', { ...RANGE, segment: ['Enterprise'] });
    expect(r.byNps.groups[0]!.renewalRate.value).toBe(100);
    expect(r.byNps.differences[0]!.renewalRate.value).toBeCloseTo(100, 10);
  });

  it('by region, owner and lifecycle stage', async () => {
    expect(await npsOf({ region: ['EMEA'] })).toEqual({ renewals: 3, accounts: 3, promoters: [1, 1], detractors: [2, 1], atRisk: [2, 200_000] });
    expect(await npsOf({ owner: ['Bo'] })).toEqual({ renewals: 1, accounts: 1, promoters: [1, 0], detractors: [0, 0], atRisk: [0, 0] });
    expect(await npsOf({ lifecycleStage: ['churned'] })).toEqual({ renewals: 2, accounts: 2, promoters: [1, 0], detractors: [1, 0], atRisk: [0, 0] });
    expect(await npsOf({ segment: ['SMB'], region: ['EMEA'] })).toEqual({ renewals: 1, accounts: 1, promoters: [0, 0], detractors: [1, 1], atRisk: [1, 100_000] });
  });

  it('"my accounts": the owners written as my name or my e-mail; without an identity, an error that says what to do', async () => {
    const error = await core.fail('churn.satisfactionRevenue', { ...RANGE, mine: true });
    expect(error.message).toMatch(/say who you are first/);
    await core.call('identity.set', { name: 'Bo', email: 'bo@example.com', role: 'csm' });
    expect(await npsOf({ mine: true })).toEqual({ renewals: 2, accounts: 2, promoters: [1, 0], detractors: [1, 1], atRisk: [1, 100_000] });
    await core.call('identity.clear', {});
  });

  it('a filter it does not know is refused by name', async () => {
    const error = await core.fail('churn.satisfactionRevenue', { ...RANGE, team: ['x'] });
    expect(error.message).toMatch(/team/);
  });

  it('kept answers follow writes: moving B2 to Enterprise changes the Enterprise answer at once', async () => {
    const before = await npsOf({ segment: ['Enterprise'] });
    expect(await npsOf({ segment: ['Enterprise'] })).toEqual(before);
    await core.call('accounts.update', { id: ids.B2!, segment: 'Enterprise' });
    expect(await npsOf({ segment: ['Enterprise'] })).toEqual({ renewals: 3, accounts: 3, promoters: [1, 1], detractors: [2, 1], atRisk: [2, 200_000] });
    await core.call('accounts.update', { id: ids.B2!, segment: 'SMB' });
  });
});
