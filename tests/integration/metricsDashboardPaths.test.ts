// Issue 14, the dashboard's read paths that no longer walk months or accounts on every call: the
// rollup rows are summed straight into the period and the previous one (rollups/read.ts
// foldPeriods), the CLV cohorts and the medians come from parts kept per period
// (metrics/periodFacts.ts), and the at-risk list keeps its ten first accounts without sorting every
// red and amber one (health/figures.ts). After each step of a series of writes, for every filter and
// for a monthly and a quarterly period, each figure equals the one computed the long way: the
// month-by-month fold (as metrics.trend and the account page read it), clvCohortRows over the
// filtered accounts, and every current snapshot sorted in the at-risk order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSettings } from '../../electron/core/db/settings';
import { currentSnapshots } from '../../electron/core/health/snapshots';
import { clvCohortRows } from '../../electron/core/metrics/clvCohorts';
import { arrStepsOf } from '../../electron/core/metrics/inputs';
import { monthOfDate, previousMonths } from '../../electron/core/metrics/period';
import { loadAccounts, matches, rollupRows, sourceFor, type MetricsFilter } from '../../electron/core/metrics/repo';
import { backlogAt, foldRollups, mergeMonths, timesSketch, topicsByName } from '../../electron/core/metrics/rollups/read';
import { satisfactionFigures } from '../../electron/core/metrics/satisfaction';
import { sketchQuantile } from '../../electron/core/metrics/sketch';
import { supportFigures } from '../../electron/core/metrics/support';
import { figure } from '../../electron/core/metrics/figure';
import { isCustomerAt } from '../../electron/core/metrics/retentionFigures';
import type { MetricsQuery } from '../../shared/contract/metrics';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';
import { metricsWrites } from '../fixtures/metricsWrites';

let core: TestCore;
let ws: MetricsWorkspace;
beforeAll(async () => {
  core = await testCore();
  // More accounts than the at-risk list holds, so keeping its first ten is tested against a full sort.
  ws = await buildMetricsWorkspace(core, 3, 40);
}, 180_000);
afterAll(() => core.close());

const PERIODS = [
  { label: 'twelve months', from: '2025-03-01', to: '2026-03-01', granularity: 'month' as const },
  { label: 'a quarter', from: '2025-07-01', to: '2025-10-01', granularity: 'quarter' as const },
];

const FILTERS: { label: string; filter: MetricsFilter & Omit<MetricsQuery, 'from' | 'to' | 'granularity'> }[] = [
  { label: 'no filter', filter: {} },
  { label: 'segment smb', filter: { segment: ['smb'] } },
  { label: 'region EMEA', filter: { region: ['EMEA'] } },
  { label: 'owner CSM 1 ("my accounts")', filter: { owner: ['CSM 1'] } },
  { label: 'lifecycle at risk or onboarding', filter: { lifecycleStage: ['at_risk', 'onboarding'] } },
  { label: 'region EMEA and industry Retail', filter: { region: ['EMEA'], industry: ['Retail'] } },
];

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function check(step: string) {
  const sqlite = core.context.sqlite;
  const settings = readSettings(sqlite);
  const all = loadAccounts(sqlite);
  const today = FIXED_NOW.toISOString().slice(0, 10);
  const snapshots = currentSnapshots(sqlite);
  for (const period of PERIODS) {
    const range = { from: monthOfDate(period.from), to: monthOfDate(period.to) };
    const previous = previousMonths(range);
    for (const { label, filter } of FILTERS) {
      const context = `${step}: ${period.label}, ${label}`;
      const p = await core.call('metrics.portfolio', { ...filter, from: period.from, to: period.to, granularity: period.granularity });
      const accounts = all.filter((a) => matches(a, filter));

      // The rollups month by month, then merged, as before foldPeriods.
      const view = foldRollups(rollupRows(sqlite, sourceFor(filter), range.to), range, previous.from);
      const current = mergeMonths(view, range.from, range.to);
      const before = mergeMonths(view, previous.from, previous.to);
      expect(p.support, context).toEqual(json(supportFigures(current, view, backlogAt(view, range.to), topicsByName(sqlite, current), settings, accounts.length === 0)));
      expect(p.satisfaction, context).toEqual(json(satisfactionFigures(current.counts)));
      const { distribution: _n, ...nps } = satisfactionFigures(before.counts).nps;
      const { distribution: _c, ...csat } = satisfactionFigures(before.counts).csat;
      expect(p.previous.nps, context).toEqual(json(nps));
      expect(p.previous.csat, context).toEqual(json(csat));
      expect(p.previous.firstResponseMedian, context).toEqual(json(figure('firstResponse', sketchQuantile(timesSketch(before, 'firstResponse'), 0.5), true)));

      // The CLV cohorts over the filtered accounts in the settings' currency, walked.
      const cohorts = clvCohortRows({
        accounts: accounts.filter((a) => a.currency === settings.currency),
        steps: arrStepsOf(sqlite),
        to: period.to,
        discount: settings.discountRate,
        survival: settings.customerValue.survival,
        acquisitionCost: settings.customerValue.acquisitionCostMinor,
      });
      expect(p.value.clvCohorts, context).toEqual(json(cohorts));

      // The at-risk list: every current customer's red or amber snapshot, sorted whole, the first ten.
      const soon = (id: number) => all.find((a) => a.id === id)!.renewalDate ?? '9999-12-31';
      const risky = accounts
        .filter((a) => !(a.churnedAt !== null && a.churnedAt <= today))
        .map((a) => snapshots.get(a.id))
        .filter((s) => s !== undefined && s.score !== null && (s.band === 'red' || s.band === 'amber'))
        .map((s) => ({ id: s!.accountId, band: s!.band === 'red' ? 0 : 1, score: Math.round(s!.score!) }))
        .sort((x, y) => x.band - y.band || x.score - y.score || soon(x.id).localeCompare(soon(y.id)) || x.id - y.id);
      expect(
        p.health.atRisk.map((a) => a.accountId),
        context,
      ).toEqual(risky.slice(0, 10).map((r) => r.id));
    }
  }
  // The workspace must exercise what is tested: more red and amber accounts than the list shows, customers at the cohorts' dates.
  if (step === 'as built') {
    const p = await core.call('metrics.portfolio', { from: PERIODS[0]!.from, to: PERIODS[0]!.to });
    expect(p.health.bands.red + p.health.bands.amber).toBeGreaterThan(10);
    expect(p.value.clvCohorts?.length).toBeGreaterThan(1);
    expect(all.some((a) => isCustomerAt(a, '2025-01-01'))).toBe(true);
  }
}

it("the period sums, the kept CLV cohorts and medians and the at-risk list's first ten equal the long way after every write", async () => {
  for await (const step of metricsWrites(core, ws)) await check(step);
}, 180_000);
