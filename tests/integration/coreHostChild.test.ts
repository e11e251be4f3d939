// The core host in a child process of plain Node (host/process.ts childCoreProcess): the desktop's
// shape (a process of its own, as its utilityProcess) where Electron cannot run, which the
// event-loop benchmark measures beside the worker thread. The same protocol crosses a process
// boundary: calls, change events, a long job's progress, and a killed process started again.
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import { childCoreProcess } from '../../electron/core/host/process';
import type { ChangeEvent, Result } from '../../shared/rpc';
import { tempWorkspacePath } from '../fixtures/core';

const hosts: HostedCore[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('the core in a child process', () => {
  it('answers calls, sends events and progress, and is started again after it is killed', async () => {
    const core = await startCoreHost({ dbPath: tempWorkspacePath(), create: true, checkOutputs: true }, { spawn: childCoreProcess, reader: false });
    hosts.push(core);
    const events: ChangeEvent[] = [];
    core.subscribe((event) => events.push(event));
    value(await core.dispatch('accounts.create', { name: 'Acme Corp', segment: 'enterprise' }));
    expect(value<{ rows: { name: string }[] }>(await core.dispatch('accounts.list', {})).rows.map((row) => row.name)).toEqual(['Acme Corp']);
    // A long job's progress crosses the process boundary as it does a thread's.
    value(await core.dispatch('metrics.rebuild', {}));
    await expect.poll(() => events.map((event) => event.name), { timeout: 30_000 }).toEqual(expect.arrayContaining(['accounts.changed', 'jobs.progress', 'health.changed']));

    const restarted: string[] = [];
    core.subscribe((event) => restarted.push(event.name));
    await core.process.kill();
    // Starting a process through tsx takes seconds on a loaded machine.
    await expect.poll(() => restarted, { timeout: 60_000 }).toEqual(['core.stopped', 'core.restarted']);
    expect(value<{ rows: { name: string }[] }>(await core.dispatch('accounts.list', {})).rows.map((row) => row.name)).toEqual(['Acme Corp']);
  });
});
