// Issue 14, migration 0013: the dashboard's logo churn and retention, customer count and cohort
// curves are summed from stored cohort cells (rollup_cohort_cell), not from a walk over the
// accounts. After each step of a series of writes (tests/fixtures/metricsWrites.ts: ARR up and down,
// churned, a start moved, margin and currency, segment, region and lifecycle changed, archived,
// restored, churn undone, new accounts, a ticket), the stored cells equal a full rebuild's, and
// every filter's figures equal the same figures computed from the accounts themselves.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadAccounts, matches, type MetricsFilter } from '../../electron/core/metrics/repo';
import { cohortCurves, logoFigures } from '../../electron/core/metrics/retentionFigures';
import { rebuildWithSettings } from '../../electron/core/metrics/rollups/state';
import type { MetricsQuery } from '../../shared/contract/metrics';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';
import { metricsWrites } from '../fixtures/metricsWrites';

let core: TestCore;
let ws: MetricsWorkspace;
beforeAll(async () => {
  core = await testCore();
  ws = await buildMetricsWorkspace(core);
}, 180_000);
afterAll(() => core.close());

const FROM = '2025-04-01';
const TO = '2026-02-01';
const PREVIOUS_FROM = '2024-06-01';

// Both the core's filter (matches) and the channel's query (lifecycle stages as the contract's codes).
const FILTERS: { label: string; filter: MetricsFilter & Omit<MetricsQuery, 'from' | 'to' | 'granularity'> }[] = [
  { label: 'no filter', filter: {} },
  { label: 'segment smb', filter: { segment: ['smb'] } },
  { label: 'segments smb and enterprise', filter: { segment: ['smb', 'enterprise'] } },
  { label: 'region EMEA', filter: { region: ['EMEA'] } },
  { label: 'owner CSM 1 in mid_market', filter: { owner: ['CSM 1'], segment: ['mid_market'] } },
  { label: 'lifecycle at risk or onboarding', filter: { lifecycleStage: ['at_risk', 'onboarding'] } },
  // Two dimensions at once: no cell answers it, the accounts are counted the same way.
  { label: 'region EMEA and industry Retail', filter: { region: ['EMEA'], industry: ['Retail'] } },
];

const cells = () => core.context.sqlite.prepare('SELECT * FROM rollup_cohort_cell ORDER BY 1, 2, 3, 4, 5').all();
const keys = () => core.context.sqlite.prepare('SELECT * FROM rollup_account_keys ORDER BY 1').all();

async function check(step: string) {
  const stored = { cells: cells(), keys: keys() };
  expect(stored.cells.length, step).toBeGreaterThan(0);
  // The cells the writes kept equal those a full rebuild sums from the accounts (then rolled back, so the next step starts from the kept state).
  const sqlite = core.context.sqlite;
  sqlite.exec('SAVEPOINT rebuilt');
  rebuildWithSettings(sqlite, FIXED_NOW);
  expect({ cells: cells(), keys: keys() }, `${step}: kept cells against a rebuild`).toEqual(stored);
  sqlite.exec('ROLLBACK TO rebuilt');
  sqlite.exec('RELEASE rebuilt');

  const all = loadAccounts(sqlite);
  for (const { label, filter } of FILTERS) {
    const query: MetricsQuery = { ...filter, from: FROM, to: TO };
    const p = await core.call('metrics.portfolio', query);
    const accounts = all.filter((a) => matches(a, filter));
    const context = `${step}: ${label}`;
    const logo = logoFigures(accounts, FROM, TO);
    expect(p.retention.logoChurn, context).toEqual(logo.logoChurn);
    expect(p.retention.logoRetention, context).toEqual(logo.logoRetention);
    expect(p.previous.logoChurn, context).toEqual(logoFigures(accounts, PREVIOUS_FROM, FROM).logoChurn);
    expect(p.accounts, context).toBe(accounts.filter((a) => a.start < TO && (a.churnedAt === null || a.churnedAt >= TO)).length);
    expect(p.retention.cohorts, context).toEqual(cohortCurves(accounts, TO));
  }
}

it('the stored cohort cells follow every write to an account and equal a rebuild; the figures read from them equal the accounts walked', async () => {
  for await (const step of metricsWrites(core, ws)) await check(step);
}, 180_000);
