// Issue 14: the dashboard's per-account figures (NRR/GRR this period and the previous one, the
// renewal rate, tenure, customer equity, CLV median, return on customer, CLV cohorts, health bands
// and the at-risk list) are summed from parts kept per workspace state and period, over the
// accounts a filter picks from the accounts indexed by value (metrics/accountIndex.ts,
// periodFacts.ts). After each step of a series of writes (tests/fixtures/metricsWrites.ts: ARR up and
// down, churned, a start moved, margin and currency changed, keys changed, archived, restored, new
// accounts, a ticket), every filter's figures equal the same figures computed by walking the
// accounts themselves; a kept part not renewed by a write fails here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { healthFigures } from '../../electron/core/health/figures';
import { arrLevelsOf, arrStepsOf } from '../../electron/core/metrics/inputs';
import { loadAccounts, matches, type MetricsFilter } from '../../electron/core/metrics/repo';
import { renewalFigure, revenueFigures, tenureFigure } from '../../electron/core/metrics/retentionFigures';
import { valueFigures } from '../../electron/core/metrics/valueFigures';
import { readSettings } from '../../electron/core/db/settings';
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

const FILTERS: { label: string; filter: MetricsFilter & Omit<MetricsQuery, 'from' | 'to' | 'granularity'> }[] = [
  { label: 'no filter', filter: {} },
  { label: 'segment smb', filter: { segment: ['smb'] } },
  { label: 'segments smb and enterprise', filter: { segment: ['smb', 'enterprise'] } },
  { label: 'region EMEA', filter: { region: ['EMEA'] } },
  { label: 'owner CSM 1 in mid_market', filter: { owner: ['CSM 1'], segment: ['mid_market'] } },
  { label: 'lifecycle at risk or onboarding', filter: { lifecycleStage: ['at_risk', 'onboarding'] } },
  { label: 'region EMEA and industry Retail', filter: { region: ['EMEA'], industry: ['Retail'] } },
  { label: 'a value no account has', filter: { region: ['Antarctica'] } },
];

async function check(step: string) {
  const sqlite = core.context.sqlite;
  const all = loadAccounts(sqlite);
  const settings = readSettings(sqlite);
  const steps = arrStepsOf(sqlite);
  const bounds = arrLevelsOf(sqlite, [PREVIOUS_FROM, FROM, TO]);
  const today = FIXED_NOW.toISOString().slice(0, 10);
  for (const { label, filter } of FILTERS) {
    const p = await core.call('metrics.portfolio', { ...filter, from: FROM, to: TO });
    const accounts = all.filter((a) => matches(a, filter));
    const context = `${step}: ${label}`;
    const level = (id: number) => bounds.get(id) ?? [0, 0, 0];
    const levels = new Map(accounts.map((a) => [a.id, [level(a.id)[1]!, level(a.id)[2]!]]));
    const previous = new Map(accounts.map((a) => [a.id, [level(a.id)[0]!, level(a.id)[1]!]]));
    const revenue = revenueFigures(accounts, levels);
    expect(p.retention.netRevenueRetention, context).toEqual(revenue.netRevenueRetention);
    expect(p.retention.grossRevenueRetention, context).toEqual(revenue.grossRevenueRetention);
    expect(p.previous.netRevenueRetention, context).toEqual(revenueFigures(accounts, previous).netRevenueRetention);
    expect(p.retention.renewalRate, context).toEqual(renewalFigure(accounts, FROM, TO, today));
    expect(p.retention.tenureMonths, context).toEqual(tenureFigure(accounts, TO));
    const value = valueFigures(accounts, all, steps, levels, { from: FROM, to: TO }, settings, (dates) => arrLevelsOf(sqlite, dates));
    expect(p.value, context).toEqual(JSON.parse(JSON.stringify(value)));
    const health = healthFigures(sqlite, accounts, today);
    expect(p.health, context).toEqual(JSON.parse(JSON.stringify(health)));
  }
}

it('the kept per-account parts follow every write; each filter sums to the figures of its accounts walked', async () => {
  for await (const step of metricsWrites(core, ws)) await check(step);
}, 180_000);
