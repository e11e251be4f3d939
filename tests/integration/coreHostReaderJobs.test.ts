// Issue 14: a journey map measured while a long write runs is served by the core host's reader
// (reads keep being served), and stays a job there: its progress reaches the host's subscribers,
// jobs.running lists it, and it stops on jobs.cancel or an aborted call, answering CANCELLED. The
// writer's rebuild is held at its first step until cancelled (FULCRUM_TEST_HOLD_JOB, lib/jobs.ts),
// so every measure below is sent while the long write certainly runs: the writer could not answer it.
import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';

const TODAY = '2026-11-18';
let seeded: string;
let host: HostedCore | undefined;
let mapId: number;
let events: ChangeEvent[];

beforeAll(async () => {
  seeded = tempWorkspacePath();
  await generateDemoWorkspace(seeded, { accounts: 300, seed: 9, today: TODAY });
}, 120_000);
afterAll(async () => {
  await host?.close();
  delete process.env.FULCRUM_TEST_HOLD_JOB;
});

/** A host on a copy of the workspace, its threads started with `hold` held; a journey map made before anything is held. */
async function open(hold: string): Promise<HostedCore> {
  await host?.close();
  const dbPath = tempWorkspacePath();
  copyFileSync(seeded, dbPath);
  // The threads copy this environment when they start.
  process.env.FULCRUM_TEST_HOLD_JOB = hold;
  host = await startCoreHost({ dbPath, dailyRefresh: false, files: { kind: 'paths' }, clock: { offsetMs: new Date(`${TODAY}T12:00:00Z`).getTime() - Date.now() } });
  expect(await host.readerReady()).toBe(true);
  events = [];
  host.subscribe((event) => events.push(event));
  const map = (await host.dispatch('journeys.create', { name: 'Reader map', template: 'cx_delivery' })) as Result<{ id: number }>;
  if (!map.ok) throw new Error(map.error.message);
  mapId = map.value.id;
  return host;
}

const reportsOf = (job: string) => events.filter((event) => event.name === 'jobs.progress' && event.job === job);

async function until(ready: () => boolean): Promise<void> {
  for (let turn = 0; turn < 3_000 && !ready(); turn++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(ready()).toBe(true);
}

/** Starts the rebuild (held on the writer) and waits until it runs: reads then go to the reader. */
async function holdRebuild(core: HostedCore): Promise<{ rebuild: Promise<Result<unknown>> }> {
  events.length = 0;
  const rebuild = core.dispatch('metrics.rebuild', {});
  await until(() => reportsOf('metrics.rebuild').length > 0);
  // Wrapped: an async function's returned promise would be awaited, and the held rebuild never ends.
  return { rebuild };
}

// Each host starts two threads (the writer and the reader), each compiling the core: minutes on a loaded machine.
describe('journeys.measure on the reader during a long write', { timeout: 360_000 }, () => {
  it('answers while the rebuild still runs, as the writer answers once it is over', async () => {
    const core = await open('metrics.rebuild');
    const { rebuild } = await holdRebuild(core);
    const measured = await core.dispatch('journeys.measure', { id: mapId });
    expect(measured.ok).toBe(true);
    // Its progress came from the reader: the writer is held in the rebuild.
    expect(reportsOf('journeys.measure').length).toBeGreaterThan(0);
    expect(await core.dispatch('jobs.running', {})).toMatchObject({ ok: true, value: { channels: ['metrics.rebuild'] } });
    expect(await core.dispatch('jobs.cancel', { channel: 'metrics.rebuild' })).toEqual({ ok: true, value: { cancelled: 1 } });
    expect(await rebuild).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // No long job now: the writer measures the same committed state.
    expect(await core.dispatch('journeys.measure', { id: mapId })).toEqual(measured);
  });

  it('forwards its progress and stops on jobs.cancel, listed by jobs.running meanwhile', async () => {
    const core = await open('metrics.rebuild,journeys.measure');
    const { rebuild } = await holdRebuild(core);
    const measure = core.dispatch('journeys.measure', { id: mapId });
    await until(() => reportsOf('journeys.measure').length > 0);
    expect(reportsOf('journeys.measure')[0]).toMatchObject({ phase: 'reading' });
    const running = (await core.dispatch('jobs.running', {})) as Result<{ channels: string[]; progress?: { channel: string }[] }>;
    expect(running.ok && [...running.value.channels].sort()).toEqual(['journeys.measure', 'metrics.rebuild']);
    expect(running.ok && running.value.progress?.map((job) => job.channel).sort()).toEqual(['journeys.measure', 'metrics.rebuild']);
    expect(await core.dispatch('jobs.cancel', { channel: 'journeys.measure' })).toEqual({ ok: true, value: { cancelled: 1 } });
    expect(await measure).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('the map was not measured') as unknown } });
    // The rebuild was not touched by the measure's cancel.
    expect(await core.dispatch('jobs.running', {})).toMatchObject({ ok: true, value: { channels: ['metrics.rebuild'] } });
    await core.dispatch('jobs.cancel', { channel: 'metrics.rebuild' });
    expect(await rebuild).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('stops when its call is aborted (the host protocol’s cancel, sent to the reader)', async () => {
    // The same host as above (its threads take long to start on a loaded machine), the measure held again.
    const core = host!;
    const { rebuild } = await holdRebuild(core);
    const stop = new AbortController();
    const measure = core.dispatch('journeys.measure', { id: mapId }, { signal: stop.signal });
    await until(() => reportsOf('journeys.measure').length > 0);
    stop.abort();
    expect(await measure).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await core.dispatch('jobs.running', {})).toMatchObject({ ok: true, value: { channels: ['metrics.rebuild'] } });
    await core.dispatch('jobs.cancel', { channel: 'metrics.rebuild' });
    await rebuild;
  });
});
