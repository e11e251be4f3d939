// The full rebuild's two ways of summing the dimension cells (rollups/cellsBuild.ts): during the
// account pass, or, for the cells past its memory bound, from the stored account rows after it.
// Forced over a tiny bound, and with fixed one-account batches, the rebuild writes the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../electron/core/metrics/rollups/rebuild';
import { currentClock } from '../../electron/core/metrics/rollups/state';
import { testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace } from '../fixtures/metricsWorkspace';

let core: TestCore;
beforeAll(async () => {
  core = await testCore();
  await buildMetricsWorkspace(core);
}, 120_000);
afterAll(() => core.close());

const TABLES: Record<string, string> = {
  rollup_account_month: 'account_id, month',
  rollup_segment_month: 'segment, month',
  rollup_dimension_month: 'dimension, value, segment, month',
  rollup_account_keys: 'account_id',
  rollup_facets: 'dimension, value',
  rollup_cohort_cell: 'dimension, value, segment, start_month, churn_month',
  rollup_topics: 'id',
};

function rollupTables(): Record<string, unknown[]> {
  const sqlite = core.context.sqlite;
  return Object.fromEntries(Object.entries(TABLES).map(([table, order]) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw(true).all()]));
}

describe('the full rebuild sums the dimension cells the same either way', () => {
  it('in the account pass, from the stored rows past its bound, and in one-account batches', () => {
    const sqlite = core.context.sqlite;
    const clock = currentClock(sqlite);
    rebuildRollups(sqlite, { clock });
    const inPass = rollupTables();
    expect(inPass.rollup_dimension_month!.length).toBeGreaterThan(100);

    // A bound of 7 cell-months: the pass gives up almost every cell, and they are summed after it.
    rebuildRollups(sqlite, { clock, cellMonths: 7 });
    expect(rollupTables()).toEqual(inPass);

    rebuildRollups(sqlite, { clock, batch: 1, cellMonths: 0 });
    expect(rollupTables()).toEqual(inPass);
  });
});
