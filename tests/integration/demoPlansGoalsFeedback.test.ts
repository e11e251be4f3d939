import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeAll(async () => {
  const path = tempWorkspacePath('demo.fulcrum');
  await generateDemoWorkspace(path, { accounts: 120, seed: 3, today: '2026-02-20' });
  core = await testCore(path);
  core.setNow('2026-02-20T12:00:00.000Z');
});
afterAll(() => core?.close());

describe('the demo carries plans, goals and feedback', () => {
  it('has success plans with outcome-measured objectives and progress', async () => {
    const plans = await core.call('plans.list', { pageSize: 50 });
    expect(plans.total).toBeGreaterThan(0);
    const [shown] = await core.call('plans.account', { accountId: plans.rows[0]!.accountId });
    expect(shown!.objectives.some((o) => o.valueSource === 'outcome')).toBe(true);
    expect(shown!.progress.overall).not.toBeNull();
    expect(shown!.milestones.length).toBe(3);
  });

  it("has this quarter's goals judged against the figures", async () => {
    const standing = await core.call('goals.standing', {});
    expect(standing.quarter).toBe('2026-Q1');
    expect(standing.rows.length).toBe(6);
    expect(standing.rows.some((r) => r.figure.value !== null)).toBe(true);
    expect((await core.call('goals.standing', { quarter: '2025-Q4' })).rows.length).toBe(1);
  });

  it('has requests weighed by revenue, from answers, tickets and reviews', async () => {
    const board = await core.call('feedbackRequests.table', {});
    expect(board.rows.length).toBe(6);
    expect(board.rows[0]!.accounts).toBeGreaterThan(0);
    expect(board.rows[0]!.arrMinor).toBeGreaterThan(0);
    const sources = new Set((await core.call('feedback.list', { pageSize: 500 })).rows.map((i) => i.source));
    // The demo's answers carry comments and its tickets subjects: both sources are captured.
    expect(sources.has('survey') && sources.has('ticket')).toBe(true);
    expect((await core.call('feedback.productResults', {})).length).toBeGreaterThan(0);
  });
});
