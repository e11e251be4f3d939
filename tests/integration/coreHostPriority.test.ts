// FULCRUM_CORE_NICE lowers the core's thread (host/entry.ts yieldToHost; opt-in, the event-loop
// benchmark's A/B). On Linux a priority is a thread's: the core's worker runs at the nice asked for
// and this process's main thread, which serves requests, keeps its own.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreHost, type HostedCore } from '../../electron/core/host/client';
import { tempWorkspacePath } from '../fixtures/core';

const hosts: HostedCore[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** The nice value of each thread of this process (/proc/self/task/<tid>/stat, field 19). */
const threadNices = (): number[] =>
  readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return [Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])];
    } catch {
      return [];
    }
  });

describe.runIf(process.platform === 'linux')('the core host’s priority', () => {
  it('runs the core’s thread at FULCRUM_CORE_NICE, and the main thread keeps its own priority', async () => {
    const before = getPriority();
    // Counted before and after: other files' cores in this test process may still be ending.
    const niced = () => threadNices().filter((nice) => nice === 10).length;
    const nicedBefore = niced();
    // A worker copies process.env when it starts.
    process.env.FULCRUM_CORE_NICE = '10';
    const core = await startCoreHost({ dbPath: tempWorkspacePath(), create: true }, { reader: false }).finally(() => delete process.env.FULCRUM_CORE_NICE);
    hosts.push(core);
    expect((await core.dispatch('accounts.create', { name: 'Acme Corp' })).ok).toBe(true);
    // The writer's thread and the threads it started (none here beyond V8's own) run at nice 10.
    expect(niced()).toBeGreaterThan(nicedBefore);
    expect(getPriority()).toBe(before);
  });
});
