// Reads keep being served while a long write runs (issue 14): with the core host's reader, reads sent
// during a rebuild answer before it ends, with the last committed data; without it they wait for it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import { tempWorkspacePath } from '../fixtures/core';

const TODAY = '2026-11-18';
let dbPath: string;
let host: HostedCore | undefined;
const open = (reader: boolean) => startCoreHost({ dbPath, dailyRefresh: false, clock: { offsetMs: new Date(`${TODAY}T12:00:00Z`).getTime() - Date.now() } }, { reader });

beforeAll(async () => {
  dbPath = tempWorkspacePath();
  await generateDemoWorkspace(dbPath, { accounts: 1_500, seed: 5, today: TODAY });
}, 120_000);
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const READS = [
  ['accounts.table', { pageSize: 50 }],
  ['metrics.portfolio', {}],
  ['accounts.list', { pageSize: 20, search: 'a' }],
] as const;

/** Starts a rebuild and, at its first progress report, the reads; when each answered, and what. */
async function readsDuringRebuild(core: HostedCore) {
  const order: string[] = [];
  let reads: Promise<unknown[]> | undefined;
  const started = new Promise<void>((resolve) => {
    const stop = core.subscribe((event) => {
      if (event.name !== 'jobs.progress' || event.job !== 'metrics.rebuild' || event.phase !== 'rollups') return;
      stop();
      reads = Promise.all(
        READS.map(async ([channel, input]) => {
          const result = await core.dispatch(channel, input);
          order.push(channel);
          return result;
        }),
      );
      resolve();
    });
  });
  const rebuild = core.dispatch('metrics.rebuild', {}).then((result) => {
    order.push('metrics.rebuild');
    return result;
  });
  await started;
  const [answers, rebuilt] = await Promise.all([reads!, rebuild]);
  return { order, answers, rebuilt };
}

describe('reads during a long write', () => {
  it('are answered by the reader before the rebuild ends, with the committed data', async () => {
    host = await open(true);
    expect(await host.readerReady()).toBe(true);
    const before = await Promise.all(READS.map(([channel, input]) => host!.dispatch(channel, input)));
    const { order, answers, rebuilt } = await readsDuringRebuild(host);
    expect(rebuilt.ok).toBe(true);
    expect(order.at(-1)).toBe('metrics.rebuild');
    expect(order.indexOf('metrics.rebuild')).toBe(READS.length);
    // Each read saw a committed state: the one before the rebuild, or (a read that ran after its
    // COMMIT but answered before the rebuild's own answer) the one after it; never a half-written one.
    const after = await Promise.all(READS.map(([channel, input]) => host!.dispatch(channel, input)));
    answers.forEach((answer, i) => expect([before[i], after[i]], READS[i]![0]).toContainEqual(answer));
    expect(answers.some((answer, i) => JSON.stringify(answer) === JSON.stringify(before[i]))).toBe(true);
  }, 120_000);

  it('wait for the rebuild without the reader (the design it replaces)', async () => {
    host = await open(false);
    expect(await host.readerReady()).toBe(false);
    const { order } = await readsDuringRebuild(host);
    expect(order[0]).toBe('metrics.rebuild');
  }, 120_000);
});
