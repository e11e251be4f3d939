// Rollup-based figures against the exact ones computed from the raw rows: counts equal, times
// within 1 %; rollups change in the write's own transaction; a rebuild equals the incremental state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildWithSettings } from '../../electron/core/metrics/rollups/state';
import { SKETCH_RELATIVE_ERROR } from '../../electron/core/metrics/sketch';
import type { MetricsQuery } from '../../shared/contract/metrics';
import { exactFigures } from '../fixtures/exactMetrics';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';
import { buildMetricsWorkspace, type MetricsWorkspace } from '../fixtures/metricsWorkspace';

let core: TestCore;
let ws: MetricsWorkspace;
beforeAll(async () => {
  core = await testCore();
  ws = await buildMetricsWorkspace(core);
}, 120_000);
afterAll(() => core.close());

const within = (approx: number | null, exact: number | null) => {
  if (exact === null) return expect(approx).toBeNull();
  expect(Math.abs(approx! - exact)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * Math.abs(exact) + 1e-6);
};

const SCOPES: { label: string; query: MetricsQuery; where: string; from: string; to: string }[] = [
  { label: 'everything, default period', query: {}, where: '1 = 1', from: '2025-04-01', to: '2026-04-01' },
  { label: 'one segment', query: { segment: ['smb'], from: '2025-01-01', to: '2026-01-01' }, where: "a.segment = 'smb'", from: '2025-01-01', to: '2026-01-01' },
  {
    label: 'two segments, a quarter',
    query: { segment: ['smb', 'enterprise'], from: '2025-04-01', to: '2025-07-01' },
    where: "a.segment IN ('smb','enterprise')",
    from: '2025-04-01',
    to: '2025-07-01',
  },
  { label: 'a region (account level)', query: { region: ['EMEA'], from: '2025-02-01', to: '2026-02-01' }, where: "a.region = 'EMEA'", from: '2025-02-01', to: '2026-02-01' },
  {
    label: 'owner and segment',
    query: { owner: ['CSM 1'], segment: ['mid_market'], from: '2025-01-01', to: '2026-03-01' },
    where: "a.owner = 'CSM 1' AND a.segment = 'mid_market'",
    from: '2025-01-01',
    to: '2026-03-01',
  },
];

describe('rollup figures equal the exact ones', () => {
  it.each(SCOPES)('$label', async ({ query, where, from, to }) => {
    const p = await core.call('metrics.portfolio', query);
    expect([p.scope.from, p.scope.to]).toEqual([from, to]);
    const exact = exactFigures(core.context.sqlite, { where, from, to });
    expect(exact.volume).toBeGreaterThan(0);

    expect(p.support.volume).toMatchObject({ value: exact.volume, n: exact.volume });
    expect(p.support.backlog.value).toBe(exact.backlog);
    expect(p.satisfaction.nps.distribution).toEqual(exact.nps);
    expect(p.satisfaction.csat.distribution).toEqual(exact.csat);
    expect(p.satisfaction.nsat.distribution).toEqual(exact.nsat);
    expect(p.satisfaction.ces.distribution).toEqual(exact.ces);

    for (const kind of ['firstResponse', 'resolution'] as const) {
      expect(p.support[kind].median.n).toBe(exact[kind].n);
      within(p.support[kind].median.value, exact[kind].median);
      within(p.support[kind].p90.value, exact[kind].p90);
      if (exact[kind].n > 0) expect(p.support[kind].median.approximate).toBe(true);
    }
    for (const sla of p.support.sla) {
      const values = exact.byPriority(sla.priority);
      const target = sla.targetHours * 60;
      const met = values.filter((v) => v <= target).length;
      // Only values within 1 % of the target can fall on the other side of it in the sketch.
      const borderline = values.filter((v) => Math.abs(v - target) <= SKETCH_RELATIVE_ERROR * target * 1.01).length;
      expect(sla.attainment.n).toBe(values.length);
      if (values.length > 0) expect(Math.abs((sla.attainment.value! * values.length) / 100 - met)).toBeLessThanOrEqual(borderline);
      else expect(sla.attainment).toMatchObject({ value: null, reason: expect.any(String) });
    }
    const topicTotal = [...exact.topics.values()].reduce((s, n) => s + n, 0);
    for (const t of p.support.topics) {
      expect(t.count).toBe(exact.topics.get(t.topic));
      expect(t.share).toBeCloseTo((100 * t.count) / topicTotal, 9);
    }
    for (const ch of p.support.byChannel) {
      const e = exact.byChannel(ch.channel);
      expect(ch.volume).toBe(e.volume);
      expect(ch.csat.n).toBe(e.csatN);
      if (e.csatN > 0) expect(ch.csat.value).toBeCloseTo((100 * e.satisfied) / e.csatN, 9);
    }
  });

  it("advocate pairs: a contact's NPS and would-buy-again answers in the same month", async () => {
    const p = await core.call('metrics.portfolio', { from: '2025-01-01', to: '2026-03-01' });
    const pairs = core.context.sqlite
      .prepare(
        `SELECT max(CASE WHEN kind = 'nps' THEN score END) AS nps, max(CASE WHEN kind = 'repurchase' THEN score END) AS again
        FROM survey_responses WHERE kind IN ('nps', 'repurchase') AND contact_id IS NOT NULL
        GROUP BY account_id, contact_id, substr(responded_at, 1, 7) HAVING count(DISTINCT kind) = 2`,
      )
      .all() as { nps: number; again: number }[];
    // (max() equals "the last" here: the fixture asks each contact at most once a month in most cases)
    expect(p.satisfaction.advocates.n).toBe(pairs.length);
    expect(pairs.length).toBeGreaterThan(3);
    const champions = pairs.filter((x) => x.nps >= 9 && x.again >= 9).length;
    expect(p.satisfaction.advocates.champions).toBe(champions);
  });
});

describe('rollup maintenance', () => {
  const tables = ['rollup_account_month', 'rollup_segment_month', 'rollup_topics'];
  const dump = () => Object.fromEntries(tables.map((t) => [t, core.context.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

  it('a rebuild from the raw rows equals what the writes maintained, also after updates, archives and moves', async () => {
    const [first, second, third] = ws.accountIds as [number, number, number];
    const ticket = await core.call('tickets.create', { accountId: first, openedAt: '2025-06-01T10:00:00Z', channel: 'chat', priority: 'high', topic: 'billing' });
    await core.call('tickets.update', { id: ticket.id, accountId: second, firstResponseAt: '2025-06-01T11:30:00Z', resolvedAt: '2025-07-03T09:00:00Z', csat: 5 });
    const survey = await core.call('surveyResponses.create', { accountId: third, respondedAt: '2025-08-02T10:00:00Z', kind: 'nps', score: 10 });
    await core.call('surveyResponses.archive', { id: survey.id });
    await core.call('accounts.update', { id: third, segment: 'smb' });
    await core.call('accounts.archive', { id: first });
    await core.call('accounts.restore', { id: first });
    await core.call('accounts.archive', { id: second });
    const incremental = dump();
    rebuildWithSettings(core.context.sqlite, FIXED_NOW);
    expect(dump()).toEqual(incremental);
    await core.call('accounts.restore', { id: second });
  });

  it('a write and its rollups commit together: a failing rollup update leaves no ticket behind', async () => {
    const sqlite = core.context.sqlite;
    const count = () => sqlite.prepare('SELECT count(*) FROM tickets').pluck().get();
    const before = count();
    const volume = (await core.call('metrics.portfolio', {})).support.volume.value!;
    // Break the segment level: the write's own transaction must roll back.
    sqlite.exec('ALTER TABLE rollup_segment_month RENAME TO parked');
    const error = await core.fail('tickets.create', { accountId: ws.accountIds[0]!, openedAt: '2026-02-10T10:00:00Z', channel: 'email', topic: 'billing' });
    sqlite.exec('ALTER TABLE parked RENAME TO rollup_segment_month');
    expect(error.code).toBe('INTERNAL');
    expect(count()).toBe(before);
    expect((await core.call('metrics.portfolio', {})).support.volume.value).toBe(volume);

    await core.call('tickets.create', { accountId: ws.accountIds[0]!, openedAt: '2026-02-10T10:00:00Z', channel: 'email', topic: 'billing' });
    expect((await core.call('metrics.portfolio', {})).support.volume.value).toBe(volume + 1);
  });
});
