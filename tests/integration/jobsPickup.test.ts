// Issue 14: a screen opened while a long job runs finds it with jobs.running and stops it with
// jobs.cancel. The import (its own job table, import.cancel) is such a job too, and the tests' hold
// (FULCRUM_TEST_HOLD_JOB, lib/jobs.ts) keeps a job at its first step until it is cancelled, so the
// end-to-end tests can open a screen while it certainly runs. Through dispatch on a real workspace.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';

/** More than one health recompute step (500 accounts), so the recompute has a step to hold at. */
const ACCOUNTS = 1_100;

let core: TestCore;
let dir: string;
let events: ChangeEvent[];

beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-jobs-pickup-'));
  await core.call('import.commit', { jobId: 'accounts', path: writeFixture(dir, 'accounts.csv', accountsCsv(ACCOUNTS)), into: 'accounts', preset: 'crm-accounts' });
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(async () => {
  delete process.env.FULCRUM_TEST_HOLD_JOB;
  await core.close();
});

const count = (table: string) => (core.context.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const tickets = () => writeFixture(dir, 'tickets.csv', ticketsCsv(2_000, ACCOUNTS));
const progressOf = (job: string) => events.filter((event) => event.name === 'jobs.progress' && event.job === job);

/** Turns of the event loop until `ready` holds (the job runs on this thread, between awaits). */
async function until(ready: () => boolean): Promise<void> {
  for (let turn = 0; turn < 2_000 && !ready(); turn++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(ready()).toBe(true);
}

describe('the import as a job', () => {
  it('is listed by jobs.running while it runs, reports jobs.progress in rows, and jobs.cancel stops it with nothing written', async () => {
    process.env.FULCRUM_TEST_HOLD_JOB = 'import.commit';
    const running = core.dispatch('import.commit', { jobId: 'held', path: tickets(), into: 'tickets', preset: 'helpdesk-tickets' });
    await until(() => progressOf('import.commit').length > 0);
    expect(progressOf('import.commit')[0]).toMatchObject({ phase: 'rows', progress: { done: 2_000, total: 2_000 } });
    // Where it is, for a screen that picks it up after that report.
    expect(await core.call('jobs.running', {})).toEqual({ channels: ['import.commit'], progress: [{ channel: 'import.commit', done: 2_000, total: 2_000, phase: 'rows' }] });
    expect(await core.call('jobs.cancel', { channel: 'import.commit' })).toEqual({ cancelled: 1 });
    const result = await running;
    expect(result).toMatchObject({ ok: true, value: { committed: false, cancelled: true } });
    expect(count('tickets')).toBe(0);
    expect(await core.call('jobs.running', {})).toEqual({ channels: [] });
  });

  it('import.cancel by job id still stops it, and the job leaves jobs.running', async () => {
    process.env.FULCRUM_TEST_HOLD_JOB = 'import.commit';
    const running = core.dispatch('import.commit', { jobId: 'held', path: tickets(), into: 'tickets', preset: 'helpdesk-tickets' });
    await until(() => progressOf('import.commit').length > 0);
    expect(await core.call('import.cancel', { jobId: 'held' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: true, value: { committed: false, cancelled: true } });
    expect(await core.call('jobs.running', {})).toEqual({ channels: [] });
  });

  it('without the hold it runs to its end and is no longer listed', async () => {
    const result = await core.call('import.commit', { jobId: 'free', path: tickets(), into: 'tickets', preset: 'helpdesk-tickets' });
    expect(result).toMatchObject({ committed: true, cancelled: false, counts: { rows: 2_000 } });
    expect(count('tickets')).toBe(result.counts.inserts);
    expect(progressOf('import.commit').at(-1)).toMatchObject({ progress: { done: 2_000, total: 2_000 } });
    expect(await core.call('jobs.running', {})).toEqual({ channels: [] });
  });
});

describe('the health recompute held for a screen', () => {
  it('waits at its first step, listed by jobs.running, until cancelled; the previous scores stay', async () => {
    const before = core.context.sqlite.prepare('SELECT count(*) AS n, max(id) AS last FROM health_snapshots').get();
    process.env.FULCRUM_TEST_HOLD_JOB = 'health.recompute';
    const running = core.dispatch('health.recompute', {});
    await until(() => progressOf('health.recompute').length > 0 || events.some((event) => event.name === 'health.changed'));
    const [first] = progressOf('health.recompute');
    expect(first).toMatchObject({ phase: 'health', progress: { done: 500 } });
    expect(await core.call('jobs.running', {})).toEqual({ channels: ['health.recompute'], progress: [{ channel: 'health.recompute', ...first!.progress, phase: 'health' }] });
    expect(await core.call('jobs.cancel', { channel: 'health.recompute' })).toEqual({ cancelled: 1 });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(core.context.sqlite.prepare('SELECT count(*) AS n, max(id) AS last FROM health_snapshots').get()).toEqual(before);
  });
});
