// Issue 17: the full rule pass (ctas.evaluate without an account, and the daily refresh) is a job:
// `jobs.progress` in accounts, phase 'rules'; jobs.cancel stops it with CANCELLED and it opens
// nothing; uncancelled it opens exactly what the one-shot pass over the same workspace opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAll } from '../../electron/core/ctas/engine';
import { STEP_ACCOUNTS } from '../../electron/core/ctas/pass';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
// Two and a bit steps of the pass.
const ACCOUNTS = 2 * STEP_ACCOUNTS + 100;
// Six weeks after the demo's today: renewals come into the window, go-lives fall overdue.
const LATER = '2026-04-15T09:00:00.000Z';

beforeAll(async () => {
  const dbPath = tempWorkspacePath();
  await generateDemoWorkspace(dbPath, { accounts: ACCOUNTS, seed: 5, today: '2026-03-01' });
  core = await testCore(dbPath);
}, 300_000);
afterAll(() => core?.close());

/** The rule pass's progress events, and a cancel sent at its first report (always sent: the job's start). */
function watch(cancelAtFirst: boolean) {
  const seen: ChangeEvent[] = [];
  const cancels: Promise<Result<unknown>>[] = [];
  const stop = core.subscribe((event) => {
    if (event.name !== 'jobs.progress' || event.job !== 'ctas.evaluate') return;
    seen.push(event);
    if (cancelAtFirst && cancels.length === 0) cancels.push(core.dispatch('jobs.cancel', { channel: 'ctas.evaluate' }));
  });
  return { seen, cancels, stop };
}

/** What the one-shot pass would open now, rolled back. */
function oneShotOpens(): string[] {
  const sqlite = core.context.sqlite;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    return evaluateAll(sqlite, core.context.now()).opened;
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

const allIds = async () => (await core.call('ctas.list', { limit: 1000 })).rows.map((c) => c.id).sort();

describe('the full rule pass as a job', () => {
  it('stops on jobs.cancel with CANCELLED and opens nothing', async () => {
    core.setNow(LATER);
    const before = await core.call('ctas.list', { limit: 1 });
    const tasksBefore = await core.call('tasks.list', { limit: 1, openOnly: false });
    expect(oneShotOpens().length, 'the later day has something to open').toBeGreaterThan(0);
    const { seen, cancels, stop } = watch(true);
    // The job waits at its first step until the cancel lands (lib/jobs.ts testHold): the pass over
    // 1,100 accounts may otherwise end before the cancel's dispatch reaches the core.
    process.env.FULCRUM_TEST_HOLD_JOB = 'ctas.evaluate';
    const cancelled = await core.dispatch('ctas.evaluate', {}).finally(() => delete process.env.FULCRUM_TEST_HOLD_JOB);
    stop();
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'ctas.evaluate was cancelled; no call to action was opened' } });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: { cancelled: 1 } }]);
    expect(seen[0]).toMatchObject({ phase: 'rules', progress: { done: 0 } });
    expect(seen.at(-1)!.progress!.done).toBeLessThan(seen[0]!.progress!.total);
    expect(await core.call('jobs.running', {})).toEqual({ channels: [] });
    expect((await core.call('ctas.list', { limit: 1 })).total).toBe(before.total);
    expect((await core.call('tasks.list', { limit: 1, openOnly: false })).total).toBe(tasksBefore.total);
  });

  it('reports its steps in accounts and opens what the one-shot pass opens, once', async () => {
    core.setNow(LATER);
    const expected = oneShotOpens();
    const customers = core.context.sqlite.prepare('SELECT count(*) FROM accounts WHERE archived_at IS NULL AND churned_at IS NULL').pluck().get() as number;
    const { seen, stop } = watch(false);
    const before = await allIds();
    const result = await core.call('ctas.evaluate', {});
    stop();
    expect(result.accounts).toBe(customers);
    expect([...result.opened].sort()).toEqual([...expected].sort());
    expect(await allIds()).toEqual([...before, ...expected].sort());
    expect(seen.every((event) => event.phase === 'rules' && event.progress!.total === customers)).toBe(true);
    expect(seen[0]!.progress).toEqual({ done: 0, total: customers });
    expect(seen.at(-1)!.progress).toEqual({ done: customers, total: customers });
    // Again: nothing twice.
    expect((await core.call('ctas.evaluate', {})).opened).toEqual([]);
  });
});
