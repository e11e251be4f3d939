// Issue 14: a read sent during a long write while the core host's reader is still starting waits for
// the reader, not for the write. Sent to the writer it would wait behind the write's end; in the
// browser (the HTTP bridge) a screen's few such reads also held the connections its Cancel needed,
// and the Cancel of a held import never arrived (jobsPickup's flake, ci50). The reader's "opened" is
// held here until the test lets it through, so the read certainly comes before the reader is up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import { workerCoreProcess, type CoreProcess } from '../../electron/core/host/process';
import type { FromCore } from '../../electron/core/host/protocol';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';

let host: HostedCore | undefined;
let letReaderOpen!: () => void;
const readerHeld = new Promise<void>((resolve) => (letReaderOpen = resolve));

/** Spawns as the host does; the second process (the reader) has its "opened" held until `letReaderOpen`. */
function spawnHoldingReader(): () => CoreProcess {
  let spawned = 0;
  return () => {
    const child = workerCoreProcess();
    if (++spawned === 1) return child;
    return {
      ...child,
      onMessage: (listener: (message: FromCore) => void) =>
        child.onMessage((message) => {
          if (message.type === 'opened') void readerHeld.then(() => listener(message));
          else listener(message);
        }),
    };
  };
}

beforeAll(async () => {
  const dbPath = tempWorkspacePath();
  const core = await createCore({ dbPath, create: true, dailyRefresh: false });
  for (let i = 0; i < 40; i++) await core.dispatch('accounts.create', { name: `Account ${i}`, segment: 'smb' });
  await core.close();
  // The threads copy this environment when they start: the rebuild holds at its first step until cancelled.
  process.env.FULCRUM_TEST_HOLD_JOB = 'metrics.rebuild';
  host = await startCoreHost({ dbPath, dailyRefresh: false }, { spawn: spawnHoldingReader() });
}, 120_000);
afterAll(async () => {
  letReaderOpen();
  await host?.close();
  delete process.env.FULCRUM_TEST_HOLD_JOB;
});

it('a read during a long write, sent before the reader is up, is answered by the reader once it starts', async () => {
  const core = host!;
  const events: ChangeEvent[] = [];
  core.subscribe((event) => events.push(event));
  const rebuild = core.dispatch('metrics.rebuild', {});
  await expect.poll(() => events.some((event) => event.name === 'jobs.progress' && event.job === 'metrics.rebuild'), { timeout: 60_000 }).toBe(true);

  let answered: Result<unknown> | undefined;
  const read = core.dispatch('accounts.list', { pageSize: 1 }).then((result) => (answered = result));
  // Long enough for a writer that could answer to have answered; it cannot: the rebuild holds its connection.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(answered).toBeUndefined();
  letReaderOpen();
  expect(await core.readerReady()).toBe(true);
  await read;
  expect(answered).toMatchObject({ ok: true, value: { total: 40 } });

  // The rebuild was still held all along: the read did not wait for it.
  expect(await core.dispatch('jobs.running', {})).toMatchObject({ ok: true, value: { channels: ['metrics.rebuild'] } });
  await core.dispatch('jobs.cancel', { channel: 'metrics.rebuild' });
  expect(await rebuild).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
}, 120_000);
