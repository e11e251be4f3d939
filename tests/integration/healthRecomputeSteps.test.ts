// health.recompute in steps: progress events leave between chunks (the event loop turns while it
// runs), and the whole recompute is still one transaction, so a failure leaves no mix of models.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { RECOMPUTE_CHUNK } from '../../electron/core/health/service';
import { testCore, type TestCore } from '../fixtures/core';

const ACCOUNTS = 1_200;

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
  // Plain accounts in bulk (one dispatch per account would take long); recompute needs no history.
  const insert = core.context.sqlite.prepare(
    `INSERT INTO accounts (name, segment, lifecycle_stage, arr_minor, currency, renewal_date, created_at, updated_at)
     VALUES (?, 'smb', 'adoption', 100000, 'USD', '2026-06-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  core.context.sqlite.transaction(() => {
    for (let i = 1; i <= ACCOUNTS; i++) insert.run(`Account ${i}`);
  })();
  await core.call('health.recompute', {});
});
afterEach(() => core.close());

const versions = () =>
  core.context.sqlite.prepare('SELECT model_version, count(*) AS n FROM health_snapshots WHERE current = 1 GROUP BY model_version').all() as {
    model_version: string;
    n: number;
  }[];

describe('health.recompute in steps', () => {
  it('emits progress per chunk while the event loop keeps turning', async () => {
    const seen: (ChangeEvent | 'turn')[] = [];
    core.subscribe((event) => {
      seen.push(event);
      // With one blocking loop this would run only after the last event.
      if (event.name === 'health.progress' && seen.filter((e) => e !== 'turn' && e.name === 'health.progress').length === 1) {
        setImmediate(() => seen.push('turn'));
      }
    });
    const result = await core.call('health.recompute', {});
    expect(result.accounts).toBe(ACCOUNTS);
    const progress = seen.filter((e): e is ChangeEvent => e !== 'turn' && e.name === 'health.progress').map((e) => e.progress);
    expect(progress).toEqual([
      { done: RECOMPUTE_CHUNK, total: ACCOUNTS },
      { done: 2 * RECOMPUTE_CHUNK, total: ACCOUNTS },
      { done: ACCOUNTS, total: ACCOUNTS },
    ]);
    const turn = seen.indexOf('turn');
    const last = seen.findIndex((e) => e !== 'turn' && e.name === 'health.progress' && e.progress?.done === ACCOUNTS);
    expect(turn).toBeGreaterThan(-1);
    expect(turn).toBeLessThan(last);
    expect(versions()).toEqual([{ model_version: result.modelVersion, n: ACCOUNTS }]);
  });

  it('rolls back every chunk when one fails: no account is left on the new model', async () => {
    const [before] = versions();
    expect(before!.n).toBe(ACCOUNTS);
    // A new model (so every snapshot is appended), and a failure in the third chunk.
    core.context.sqlite.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON health_snapshots WHEN NEW.account_id = ${2 * RECOMPUTE_CHUNK + 50}
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const failed = await core.fail('settings.update', {
      health: { weights: { satisfaction: 10, support: 10, adoption: 10, engagement: 10, renewal: 60 }, coverageFloorPct: 60, redBelow: 50, amberBelow: 70 },
    });
    // The caller gets an error id, never the raw exception (that goes to the log under the same id).
    expect(failed.code).toBe('INTERNAL');
    expect(failed.message).toContain(`error ${failed.errorId}`);
    expect(failed.message).not.toContain('disk trouble');
    expect(core.context.sqlite.inTransaction).toBe(false);
    expect(versions()).toEqual([before]);
    // Once the fault is gone the same recompute goes through whole.
    core.context.sqlite.exec('DROP TRIGGER fail_late');
    const result = await core.call('health.recompute', {});
    expect(versions()).toEqual([{ model_version: result.modelVersion, n: ACCOUNTS }]);
    expect(result.modelVersion).not.toBe(before!.model_version);
  });
});
