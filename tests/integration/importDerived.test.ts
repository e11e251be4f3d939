import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { refreshDerived } from '../../electron/core/derived/refresh';
import type { Input } from '../../shared/contract';
import { testCore, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';

// Issue 14: an import that touches a few accounts' activity refreshes their rollups and health
// only, and the result is exactly what the full rebuild gives.

let core: TestCore;
let dir: string;
const logs: string[] = [];
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  core.context.log = (_level, message) => logs.push(message);
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-derived-'));
});
afterEach(() => core.close());

const DASHBOARDS: Input<'metrics.portfolio'>[] = [{ from: '2024-10-01', to: '2025-04-01', granularity: 'month' }, {}];

/** Everything derived that a dashboard reads: the rollup tables as stored, the latest health per account, the figures. */
async function derived() {
  const { sqlite } = core.context;
  return {
    accounts: sqlite.prepare('SELECT account_id, month, hex(data) AS data FROM rollup_account_month ORDER BY 1, 2').all(),
    segments: sqlite.prepare('SELECT segment, month, hex(data) AS data FROM rollup_segment_month ORDER BY 1, 2').all(),
    health: sqlite.prepare('SELECT account_id, score, band FROM health_snapshots WHERE current = 1 ORDER BY 1').all() as { account_id: number }[],
    dashboards: await Promise.all(DASHBOARDS.map((input) => core.call('metrics.portfolio', input))),
  };
}

it('a few accounts touched: only they are refreshed, and every figure equals a full rebuild', async () => {
  await core.call('import.commit', { jobId: 'accounts', path: writeFixture(dir, 'accounts.csv', accountsCsv(40)), into: 'accounts', preset: 'crm-accounts' });
  await core.call('import.commit', { jobId: 'first', path: writeFixture(dir, 'first.csv', ticketsCsv(400, 40)), into: 'tickets', preset: 'helpdesk-tickets' });
  // 30 new tickets for ACC-1 … ACC-3, and 5 updated ones (T-1 … T-5 moved to other accounts' months and states).
  const more = ticketsCsv(30, 3).replace(/\nT-/g, '\nN-') + ticketsCsv(5, 2).split('\n').slice(1).join('\n');
  logs.length = 0;
  const result = await core.call('import.commit', { jobId: 'more', path: writeFixture(dir, 'more.csv', more), into: 'tickets', preset: 'helpdesk-tickets' });
  expect(result.counts).toMatchObject({ inserts: 30, updates: 5, errors: 0 });
  expect(logs.join('\n')).toMatch(/derived data for \d+ accounts/);
  const incremental = await derived();
  refreshDerived(core.context.sqlite, core.context.now());
  const full = await derived();
  expect(incremental.accounts).toEqual(full.accounts);
  expect(incremental.segments).toEqual(full.segments);
  expect(incremental.dashboards).toEqual(full.dashboards);
  expect(incremental.health).toEqual(full.health);
});
