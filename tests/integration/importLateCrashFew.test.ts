import { copyFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import type { Input } from '../../shared/contract';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { ticketsCsv } from '../fixtures/import/generate';
import { lateCrash, LATE_POINTS as POINTS, type LateCrash } from '../fixtures/import/lateCrash';

// importLateCrash.test.ts for the other refresh: an import touching 2 of 40 accounts refreshes
// only them (derived/refreshAccounts.ts), and a kill after its commit or inside that refresh must
// leave the stale mark, so the next open rebuilds and every dashboard figure equals a full rebuild's.

const DASHBOARDS: Input<'metrics.portfolio'>[] = [{ from: '2024-10-01', to: '2025-04-01', granularity: 'month' }, {}];

let late: LateCrash;

beforeAll(async () => {
  // 20 new tickets for ACC-1 and ACC-2 only.
  late = await lateCrash('fulcrum-late-crash-few-', ticketsCsv(20, 2).replace(/\nT-/g, '\nN-'));
}, 120_000);

const dashboard = (core: TestCore) => Promise.all(DASHBOARDS.map((input) => core.call('metrics.portfolio', input)));

it('the import takes the per-account refresh', async () => {
  const path = tempWorkspacePath();
  copyFileSync(late.base, path);
  const core = await testCore(path, { files: plainPaths() });
  const logs: string[] = [];
  core.context.log = (_level, message) => logs.push(message);
  try {
    await core.call('import.commit', { jobId: 'few', path: late.source, into: 'tickets', preset: 'helpdesk-tickets' });
    expect(logs.join('\n')).toContain('derived data for 2 accounts refreshed');
  } finally {
    await core.close();
  }
}, 60_000);

it.each(POINTS)(
  'killed at %s: the next open rebuilds, every figure equals a full rebuild',
  async (point) => {
    const path = tempWorkspacePath();
    copyFileSync(late.base, path);
    await late.killAt(point, path);
    const core = await testCore(path, { files: plainPaths() });
    try {
      const opened = await dashboard(core);
      await core.call('metrics.rebuild', {});
      expect(opened).toEqual(await dashboard(core));
      expect(opened[0]!.support.volume.value).toBeGreaterThan(0);
    } finally {
      await core.close();
    }
  },
  120_000,
);
