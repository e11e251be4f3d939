// Issue 14: a journey map's cold read is a long job. journeys.measure reports `jobs.progress` events
// of its channel as it reads its inputs, stops on jobs.cancel answering CANCELLED, and a cancelled
// read leaves nothing half-done: the next measure gives exactly what an uncancelled one gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

const TODAY = '2026-02-20';
let dbPath: string;
let mapId: number;
const cores: TestCore[] = [];

/** A core opened on the workspace: its own connection, so its journey inputs are cold. */
async function coldCore(): Promise<TestCore> {
  const core = await testCore(dbPath);
  cores.push(core);
  return core;
}

/**
 * The journeys.measure progress events of `core`, and a cancel sent at its first report (the job's
 * start, always sent: later reports within 100 ms of it are throttled, so on a fast run the next one
 * seen may already be the last). The cancel lands at the first step, after one input is read.
 */
function watch(core: TestCore, cancelAtFirst: boolean) {
  const seen: ChangeEvent[] = [];
  const cancels: Promise<Result<unknown>>[] = [];
  core.subscribe((event) => {
    if (event.name !== 'jobs.progress' || event.job !== 'journeys.measure') return;
    seen.push(event);
    if (cancelAtFirst && cancels.length === 0) cancels.push(core.dispatch('jobs.cancel', { channel: 'journeys.measure' }));
  });
  return { seen, cancels };
}

beforeAll(async () => {
  dbPath = tempWorkspacePath();
  await generateDemoWorkspace(dbPath, { accounts: 60, seed: 4, today: TODAY });
  const core = await coldCore();
  const map = await core.call('journeys.create', { name: 'Support', template: 'cx_delivery' });
  // A card measuring resolution times makes reading them a step of the job too.
  await core.call('journeys.addTouchpoint', {
    journeyStageId: map.stages[6]!.id,
    name: 'Urgent resolution',
    matchRule: { source: 'tickets', priority: 'urgent' },
    target: { metric: 'resolution_hours', operator: '<=', value: 24 },
  });
  mapId = map.id;
}, 120_000);
afterAll(async () => {
  for (const core of cores) await core.close();
});

const scope = { from: '2025-03-01', to: '2026-03-01' };

describe('journeys.measure as a job', () => {
  it('reports each input read on a cold cache, ending at its total', async () => {
    const core = await coldCore();
    const { seen } = watch(core, false);
    const result = await core.call('journeys.measure', { id: mapId, ...scope });
    expect(result.touchpoints.length).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((event) => event.phase === 'reading' && event.progress!.total === 9)).toBe(true);
    expect(seen.at(-1)!.progress).toEqual({ done: 9, total: 9 });
    expect(seen.map((event) => event.progress!.done)).toEqual([...seen.map((event) => event.progress!.done)].sort((a, b) => a - b));
  });

  it('stops on jobs.cancel with CANCELLED, and the next measure equals an uncancelled one', async () => {
    const reference = await (await coldCore()).call('journeys.measure', { id: mapId, ...scope });
    const core = await coldCore();
    const { seen, cancels } = watch(core, true);
    const cancelled = await core.dispatch('journeys.measure', { id: mapId, ...scope });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('journeys.measure was cancelled') as unknown } });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: { cancelled: 1 } }]);
    // It stopped before reading everything, and no job is left running.
    expect(seen.at(-1)!.progress!.done).toBeLessThan(9);
    expect(await core.call('jobs.running', {})).toEqual({ channels: [] });
    expect(await core.call('journeys.measure', { id: mapId, ...scope })).toEqual(reference);
  });
});
