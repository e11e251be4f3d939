// The metrics channels through dispatch on a real workspace file: every figure names its
// definition and its n, says why when it is missing, and reports the period and filter it used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../electron/core/metrics/definitions';
import { testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';

let core: TestCore;
let ws: MetricsWorkspace;
beforeAll(async () => {
  core = await testCore();
  ws = await buildMetricsWorkspace(core);
}, 120_000);
afterAll(() => core.close());

/** Every { definition, value, n } inside a result. */
function figures(value: unknown, path = ''): { path: string; figure: Record<string, unknown> }[] {
  if (value === null || typeof value !== 'object') return [];
  const here = 'definition' in value && 'n' in value ? [{ path, figure: value as Record<string, unknown> }] : [];
  return [...here, ...Object.entries(value).flatMap(([key, child]) => figures(child, `${path}.${key}`))];
}

const known = new Set(METRIC_DEFINITIONS.map((d) => d.id));

function expectFigure(path: string, figure: Record<string, unknown>) {
  expect(known.has(figure.definition as string), `${path}: unknown definition ${String(figure.definition)}`).toBe(true);
  expect(Number.isInteger(figure.n), path).toBe(true);
  if (figure.value === null) expect(figure.reason, `${path} is null without a reason`).toEqual(expect.any(String));
  else expect(Number.isFinite(figure.value), `${path} is not finite`).toBe(true);
}

function expectHonest(result: unknown) {
  const all = figures(result);
  expect(all.length).toBeGreaterThan(5);
  for (const { path, figure } of all) expectFigure(path, figure);
}

describe('metrics.portfolio', () => {
  it("names each figure's definition and n, and reports the resolved period and filter", async () => {
    const p = await core.call('metrics.portfolio', { segment: ['smb'], owner: ['CSM 2'], from: '2025-02-10', to: '2025-11-15' });
    expect(p.scope).toEqual({ from: '2025-02-01', to: '2025-12-01', granularity: 'month', filter: { segment: ['smb'], owner: ['CSM 2'] } });
    expectHonest(p);
    expect(p.support.quantileMethod).toContain('type 7');
  });

  it('on an empty workspace gives null with a reason, never 0 or NaN', async () => {
    const empty = await testCore();
    const p = await empty.call('metrics.portfolio', {});
    expectHonest(p);
    expect(p.accounts).toBe(0);
    expect(p.satisfaction.nps).toMatchObject({ value: null, n: 0, reason: 'no answers' });
    expect(p.support.volume).toMatchObject({ value: null, reason: 'no accounts in the filter' });
    expect(p.support.firstResponse.median).toMatchObject({ value: null, reason: expect.any(String) });
    expect(p.retention.logoChurn).toMatchObject({ value: null, reason: 'no customers at the start' });
    expect(p.retention.netRevenueRetention.value).toBeNull();
    expect(p.value.customerEquity.value).toBeNull();
    expect(p.health.bands).toEqual({ red: 0, amber: 0, green: 0, insufficient: 0 });
    await empty.close();
  });

  it('compares with the period just before', async () => {
    const p = await core.call('metrics.portfolio', { from: '2025-07-01', to: '2026-01-01' });
    const before = await core.call('metrics.portfolio', { from: '2025-01-01', to: '2025-07-01' });
    const { distribution: _, ...nps } = before.satisfaction.nps;
    expect(p.previous.nps).toEqual(nps);
    expect(p.previous.logoChurn).toEqual(before.retention.logoChurn);
    expect(p.previous.netRevenueRetention).toEqual(before.retention.netRevenueRetention);
    expect(p.previous.firstResponseMedian).toEqual(before.support.firstResponse.median);
  });

  it('lists at-risk accounts, red before amber, lowest score first, each with its reasons', async () => {
    const p = await core.call('metrics.portfolio', {});
    const { red, amber, green, insufficient } = p.health.bands;
    expect(red + amber + green + insufficient).toBe(p.accounts);
    const ranks = p.health.atRisk.map((a) => [a.band === 'red' ? 0 : 1, Math.round(a.score!)]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
    for (const a of p.health.atRisk) {
      expect(['red', 'amber']).toContain(a.band);
      expect(a.currency).toBe('USD');
      expect(a.reasons.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown lifecycle stage and a malformed date', async () => {
    expect((await core.fail('metrics.portfolio', { lifecycleStage: ['dormant'] })).code).toBe('BAD_INPUT');
    expect((await core.fail('metrics.portfolio', { from: '01/02/2025' })).issues?.[0]?.path).toBe('from');
  });
});

describe('metrics.trend', () => {
  it('gives one point per month whose figures equal the portfolio of that month', async () => {
    const t = await core.call('metrics.trend', { metric: 'nps', from: '2025-03-01', to: '2025-07-01' });
    expect(t.points.map((p) => p.period)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
    const april = await core.call('metrics.portfolio', { from: '2025-04-01', to: '2025-05-01' });
    const { distribution: _, ...nps } = april.satisfaction.nps;
    expect(t.points[1]!.value).toEqual(nps);
  });

  it('by quarter, for every metric', async () => {
    for (const metric of ['nps', 'csat', 'nsat', 'ces', 'ticketVolume', 'backlog', 'firstResponseMedian', 'resolutionMedian', 'logoChurn'] as const) {
      const t = await core.call('metrics.trend', { metric, granularity: 'quarter', from: '2025-01-01', to: '2026-01-01', segment: ['enterprise'] });
      expect(t.points.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
      for (const point of t.points) expectFigure(`${metric} ${point.period}`, point.value);
    }
    const volume = await core.call('metrics.trend', { metric: 'ticketVolume', granularity: 'quarter', from: '2025-01-01', to: '2026-01-01' });
    const year = await core.call('metrics.portfolio', { from: '2025-01-01', to: '2026-01-01' });
    expect(volume.points.reduce((s, p) => s + p.value.value!, 0)).toBe(year.support.volume.value);
  });
});

describe('metrics.account', () => {
  it("is the account's own figures, its answers, its CLV and its health", async () => {
    const id = ws.accountIds[1]!;
    const a = await core.call('metrics.account', { id, from: '2025-01-01', to: '2026-03-01' });
    expectHonest(a);
    const answers = core.context.sqlite
      .prepare(`SELECT count(*) FROM survey_responses WHERE account_id = ? AND kind = 'nps' AND responded_at >= '2025-01-01' AND responded_at < '2026-03-01'`)
      .pluck()
      .get(id);
    expect(a.satisfaction.nps.n).toBe(answers);
    expect(a.satisfactionHistory.length).toBeGreaterThan(0);
    expect(a.health.accountId).toBe(id);
    expect(a.scope.filter).toEqual({ account: [String(id)] });
  });

  it('is NOT_FOUND for an unknown account', async () => {
    expect((await core.fail('metrics.account', { id: 99_999 })).code).toBe('NOT_FOUND');
  });
});

describe('metrics.definitions', () => {
  it('lists every definition with its formula and source', async () => {
    const list = await core.call('metrics.definitions', {});
    expect(list.map((d) => d.id)).toEqual(METRIC_DEFINITIONS.map((d) => d.id));
    expect(list.find((d) => d.id === 'firstResponse')?.source).toContain('DDSketch');
  });
});
