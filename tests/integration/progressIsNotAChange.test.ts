// Progress events (`health.progress`, `jobs.progress`, …) report work still running: they must not
// count as writes. Counted, every step dropped the cached inputs of the domain it named (and a
// reader kept in step by the change log rebuilt), and a screen could take them for "changed".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { cached, generationOf } from '../../electron/core/db/inputCache';
import { RECOMPUTE_CHUNK } from '../../electron/core/health/service';
import { testCore, type TestCore } from '../fixtures/core';

// More than one chunk, so the recompute reports progress several times before it ends.
const ACCOUNTS = RECOMPUTE_CHUNK * 2 + 7;

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
  const insert = core.context.sqlite.prepare(
    `INSERT INTO accounts (name, segment, lifecycle_stage, arr_minor, currency, renewal_date, created_at, updated_at)
     VALUES (?, 'smb', 'adoption', 100000, 'USD', '2026-06-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  core.context.sqlite.transaction(() => {
    for (let i = 1; i <= ACCOUNTS; i++) insert.run(`Account ${i}`);
  })();
});
afterEach(() => core.close());

describe('progress is not a change', () => {
  it('a recompute invalidates health once, at its end, and its progress events invalidate nothing', async () => {
    const { sqlite } = core.context;
    let loads = 0;
    const input = () => cached(sqlite, 'test:health-dependent', () => ++loads, ['health']);
    input();
    const before = { health: generationOf(sqlite, 'health'), jobs: generationOf(sqlite, 'jobs') };
    const progress: { name: string; health: number; jobs: number; loads: number }[] = [];
    const changes: string[] = [];
    core.subscribe((event: ChangeEvent) => {
      if (event.progress) {
        input();
        progress.push({ name: event.name, health: generationOf(sqlite, 'health'), jobs: generationOf(sqlite, 'jobs'), loads });
      } else changes.push(event.name);
    });

    await core.call('health.recompute', {});

    expect(progress.map((p) => p.name)).toContain('health.progress');
    expect(progress.map((p) => p.name)).toContain('jobs.progress');
    expect(progress.length).toBeGreaterThan(2);
    // Every progress event left the counters and the cached input as they were before the call.
    expect(progress.every((p) => p.health === before.health && p.jobs === before.jobs && p.loads === 1)).toBe(true);
    // Screens hear one change, and the input is read again once, after it.
    expect(changes).toEqual(['health.changed']);
    expect(generationOf(sqlite, 'health')).toBe(before.health + 1);
    input();
    expect(loads).toBe(2);
  });
});
