import { afterEach, beforeEach, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

// A new workspace: every leverage figure answers with nothing, never with an error or a made-up 0.

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

it('answers every leverage channel on an empty workspace', async () => {
  expect(await core.call('leverage.candidates', {})).toEqual({ rows: [], total: 0, page: 1, pageSize: 50, threshold: 70 });
  const match = await core.call('leverage.match', { profile: { industry: 'Banking' } });
  expect(match).toMatchObject({ ranked: [], excluded: [], eligible: 0, pool: 0, neededOn: '2026-03-01', activity: 'reference_call' });
  expect(await core.call('leverage.coverage', {})).toMatchObject({ cells: [], gaps: [], gapCount: 0, ready: 0 });
  expect((await core.call('leverage.capacity', {})).segments).toEqual([]);
  const influence = await core.call('leverage.influence', {});
  expect(influence).toMatchObject({ from: '2025-03-02', to: '2026-03-02', influencedDeals: 0, influencedPipelineMinor: 0 });
  expect(influence.overall.withReference).toEqual({ n: 0, won: 0, winRate: null, medianCycleDays: null });
  const program = await core.call('leverage.programFigures', {});
  expect(program).toMatchObject({ requests: 0, acceptance: { rate: null }, fulfilment: { medianDays: null, n: 0 }, mostUsed: [], leastUsed: [] });
});

it('scores a bare account as "insufficient data", and a churned one still has its standing', async () => {
  const account = await core.call('accounts.create', { name: 'Bare' });
  const r = await core.call('leverage.readiness', { accountId: account.id });
  expect(r.score).toBeNull();
  expect(r.reason).toMatch(/^insufficient data/);
  await core.call('accounts.update', { id: account.id, churnedAt: '2026-02-01', lifecycleStage: 'churned' });
  expect((await core.call('leverage.standing', { accountId: account.id })).reference).toBeNull();
  expect(await core.fail('leverage.availability', { referenceId: 7 })).toMatchObject({ code: 'NOT_FOUND', message: 'reference 7 does not exist' });
});
