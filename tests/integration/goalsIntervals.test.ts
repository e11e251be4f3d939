import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { GOAL_KPIS, type GoalKpi } from '../../shared/contract/goals';
import type { MetricValueDto } from '../../shared/contract/metrics';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

// Issue 17: each KPI kind judged through dispatch on the demo's seeded history. NRR and GRR are
// census figures (exact: compared as they are); the median first response is a census read from a
// quantile sketch (within 1 %: a target inside that band is not yet clear); the survey figures and
// the shares of a count carry their 95 % interval, and a goal inside it is "not yet clear".

let core: TestCore;
let portfolio: Output<'metrics.portfolio'>;
const period = { periodStart: '2025-10-01', periodEnd: '2026-01-01' };

beforeAll(async () => {
  const path = tempWorkspacePath('demo.fulcrum');
  await generateDemoWorkspace(path, { accounts: 150, seed: 11, today: '2026-02-20' });
  core = await testCore(path);
  core.setNow('2026-02-20T12:00:00.000Z');
  // The demo's own goals are left out: each test sets its own on 2025-Q4.
  for (const goal of (await core.call('goals.list', { pageSize: 200 })).rows) await core.call('goals.archive', { id: goal.id });
  portfolio = await core.call('metrics.portfolio', { from: period.periodStart, to: period.periodEnd });
}, 120_000);
afterAll(() => core?.close());

const FIGURE: Record<GoalKpi, (p: Output<'metrics.portfolio'>) => MetricValueDto> = {
  nps: (p) => p.satisfaction.nps,
  csat: (p) => p.satisfaction.csat,
  nsat: (p) => p.satisfaction.nsat,
  first_response_median: (p) => p.support.firstResponse.median,
  renewal_rate: (p) => p.retention.renewalRate,
  nrr: (p) => p.retention.netRevenueRetention,
  grr: (p) => p.retention.grossRevenueRetention,
  logo_churn: (p) => p.retention.logoChurn,
};

/** Sets a goal, reads its row of 2025-Q4's table, and archives it again so the next one has the place. */
async function judged(kpi: GoalKpi, target: number) {
  const goal = await core.call('goals.create', { kpi, target, ...period });
  const row = (await core.call('goals.standing', { quarter: '2025-Q4' })).rows.find((r) => r.goal.id === goal.id)!;
  await core.call('goals.archive', { id: goal.id });
  return row;
}

const EXACT: GoalKpi[] = ['nrr', 'grr'];
const WITH_INTERVAL = GOAL_KPIS.filter((kpi) => !EXACT.includes(kpi) && kpi !== 'first_response_median');

describe('goals on the demo workspace, per KPI kind', () => {
  it('has a figure for every KPI in 2025-Q4, so each kind below is judged on data', () => {
    for (const kpi of GOAL_KPIS) expect(FIGURE[kpi](portfolio).value, kpi).not.toBeNull();
  });

  it("reads every KPI of a segment's and an owner's goal as the dashboard filtered to them", async () => {
    const owner = (await core.call('accounts.facets', {})).owners.find((o) => o !== '')!;
    for (const scope of [{ segment: 'enterprise' }, { owner }]) {
      const filtered = await core.call('metrics.portfolio', {
        from: period.periodStart,
        to: period.periodEnd,
        ...(scope.segment ? { segment: [scope.segment] } : { owner: [scope.owner!] }),
      });
      const created = [];
      for (const kpi of GOAL_KPIS) created.push(await core.call('goals.create', { kpi, target: 0, ...period, ...scope }));
      const rows = (await core.call('goals.standing', { quarter: '2025-Q4' })).rows;
      for (const goal of created) expect(rows.find((r) => r.goal.id === goal.id)!.figure, `${goal.kpi} ${JSON.stringify(scope)}`).toEqual(FIGURE[goal.kpi](filtered));
      for (const goal of created) await core.call('goals.archive', { id: goal.id });
    }
  });

  it.each(EXACT)('%s is exact: no interval, met or missed by the figure itself', async (kpi) => {
    const figure = FIGURE[kpi](portfolio);
    const value = figure.value!;
    // A target a hair on the good side of the figure is missed, a hair on the other side met: no "not yet clear" for a census.
    const [meets, misses] = [value - 0.01, value + 0.01];
    const met = await judged(kpi, meets);
    expect(met.figure).toEqual(figure);
    expect(met).toMatchObject({ status: 'met', interval: { kind: 'exact', low: value, high: value }, direction: 'higher' });
    expect(met.explanation).toContain('exact, no sampling interval');
    expect((await judged(kpi, misses)).status).toBe('missed');
    expect((await judged(kpi, value)).status).toBe('met');
  });

  it('the median first response is every ticket read from the sketch: met or missed outside its 1 per cent band, not yet clear inside it', async () => {
    const figure = FIGURE.first_response_median(portfolio);
    const value = figure.value!;
    const row = await judged('first_response_median', value);
    expect(row.figure).toEqual(figure);
    expect(row).toMatchObject({ status: 'not_yet_clear', direction: 'lower', interval: { kind: 'sketch' } });
    // The band is the sketch's relative error around the value, no wider: 0.99 % each way.
    expect(row.interval!.low).toBeCloseTo(value / 1.0099, 2);
    expect(row.interval!.high).toBeCloseTo(value / 0.9901, 2);
    expect(row.explanation).toContain('no sampling interval, read within 1 %');
    expect((await judged('first_response_median', value * 1.02)).status).toBe('met');
    expect((await judged('first_response_median', value * 0.98)).status).toBe('missed');
  });

  it.each(WITH_INTERVAL)('%s carries its 95 per cent interval: met, missed, or not yet clear inside it', async (kpi) => {
    const figure = FIGURE[kpi](portfolio);
    const row = await judged(kpi, figure.value!);
    expect(row.figure).toEqual(figure);
    const { low, high } = row.interval!;
    expect(row.interval!.kind).not.toBe('exact');
    // Each brings its own interval from metrics.portfolio, the one the dashboard shows.
    expect(row.interval).toEqual({ kind: 'metric', low: figure.low, high: figure.high });
    expect(low).toBeLessThan(figure.value!);
    expect(high).toBeGreaterThan(figure.value!);
    // The figure itself as the goal lies inside its interval: not yet clear, whichever the direction.
    expect(row.status).toBe('not_yet_clear');
    expect(row.explanation).toContain('95 % interval');
    const lower = kpi === 'logo_churn';
    const [meets, misses] = lower ? [high + 0.5, low - 0.5] : [low - 0.5, high + 0.5];
    expect((await judged(kpi, meets)).status).toBe('met');
    expect((await judged(kpi, misses)).status).toBe('missed');
  });
});
