import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

/** `scores` NPS answers on one account, in February 2026 (inside 2026-Q1; the test clock is 2026-03-01). */
async function npsAnswers(accountId: number, scores: number[]) {
  for (const [i, score] of scores.entries()) {
    await core.call('surveyResponses.create', { accountId, kind: 'nps', score, respondedAt: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00.000Z` });
  }
}

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

describe('goals', () => {
  it('judges each goal by its figure from metrics.portfolio and the interval, for the whole book or one segment', async () => {
    const acme = await core.call('accounts.create', { name: 'Acme', segment: 'enterprise', owner: 'Dana' });
    const beta = await core.call('accounts.create', { name: 'Beta', segment: 'smb', owner: 'Lee' });
    // Acme: 24 promoters, 8 passives, 8 detractors: NPS = 60 % − 20 % = 40 on 40 answers.
    await npsAnswers(acme.id, [...repeat(10, 24), ...repeat(8, 8), ...repeat(3, 8)]);
    // Beta: 2 detractors only: NPS −100 on 2 answers.
    await npsAnswers(beta.id, [2, 4]);

    const period = { periodStart: '2026-01-01', periodEnd: '2026-04-01' };
    const low = await core.call('goals.create', { kpi: 'nps', target: 10, segment: 'enterprise', ...period });
    // One open goal per KPI, period and scope: the same 40 answers are reached as Dana's enterprise
    // accounts, and from February on (every answer is in February).
    const near = await core.call('goals.create', { kpi: 'nps', target: 40, segment: 'enterprise', owner: 'Dana', ...period });
    const high = await core.call('goals.create', { kpi: 'nps', target: 80, segment: 'enterprise', periodStart: '2026-02-01', periodEnd: period.periodEnd });
    const book = await core.call('goals.create', { kpi: 'nps', target: 0, ...period });
    const owner = await core.call('goals.create', { kpi: 'nps', target: 0, owner: 'Lee', ...period });
    // Another quarter: left out of 2026-Q1's table.
    await core.call('goals.create', { kpi: 'nps', target: 0, periodStart: '2026-04-01', periodEnd: '2026-07-01' });

    const standing = await core.call('goals.standing', { quarter: '2026-Q1' });
    expect(standing).toMatchObject({ quarter: '2026-Q1', from: '2026-01-01', to: '2026-04-01' });
    const byId = new Map(standing.rows.map((row) => [row.goal.id, row]));
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual([low.id, near.id, high.id, book.id, owner.id]);

    // The figures are the dashboard's own, for the same period and scope.
    const enterprise = await core.call('metrics.portfolio', { from: '2026-01-01', to: '2026-04-01', segment: ['enterprise'] });
    const all = await core.call('metrics.portfolio', { from: '2026-01-01', to: '2026-04-01' });
    const lee = await core.call('metrics.portfolio', { from: '2026-01-01', to: '2026-04-01', owner: ['Lee'] });
    expect(enterprise.satisfaction.nps).toMatchObject({ value: 40, n: 40 });
    expect(byId.get(low.id)!.figure).toMatchObject({ value: 40, n: 40, low: enterprise.satisfaction.nps.low, high: enterprise.satisfaction.nps.high });
    expect(byId.get(book.id)!.figure).toMatchObject({ value: all.satisfaction.nps.value, n: 42 });
    expect(byId.get(owner.id)!.figure).toMatchObject({ value: -100, n: 2 });
    expect(lee.satisfaction.nps.value).toBe(-100);

    // 40 on 40 answers has an interval of roughly ±25 points: 10 is met, 40 is inside it, 80 is missed.
    const { low: lo, high: hi } = enterprise.satisfaction.nps as { low: number; high: number };
    expect(lo).toBeGreaterThan(10);
    expect(hi).toBeLessThan(80);
    expect(byId.get(low.id)).toMatchObject({ status: 'met', direction: 'higher', interval: { kind: 'metric', low: lo, high: hi } });
    expect(byId.get(near.id)!.status).toBe('not_yet_clear');
    expect(byId.get(near.id)!.explanation).toContain('not yet clear');
    expect(byId.get(high.id)!.status).toBe('missed');
    // Two detractors: missed only when the NPS interval (metrics/nps.ts) lies wholly below 0, else not yet clear.
    const leeNps = lee.satisfaction.nps as { low?: number; high?: number };
    expect(byId.get(owner.id)!.status).toBe(leeNps.high !== undefined && leeNps.high < 0 ? 'missed' : 'not_yet_clear');
  });

  it('says so when a period has no figure, and refuses a bad period or KPI', async () => {
    await core.call('goals.create', { kpi: 'csat', target: 80, periodStart: '2026-01-01', periodEnd: '2026-04-01' });
    const [row] = (await core.call('goals.standing', { quarter: '2026-Q1' })).rows;
    expect(row).toMatchObject({ status: 'no_data', interval: null });
    // The default quarter is today's (2026-03-01 on the test clock).
    expect((await core.call('goals.standing', {})).quarter).toBe('2026-Q1');

    const backwards = await core.fail('goals.create', { kpi: 'nps', target: 1, periodStart: '2026-04-01', periodEnd: '2026-01-01' });
    expect(backwards.issues).toEqual([{ path: 'periodEnd', message: 'must be after periodStart (it is exclusive)' }]);
    expect((await core.fail('goals.create', { kpi: 'happiness', target: 1, periodStart: '2026-01-01', periodEnd: '2026-04-01' })).issues?.[0]?.path).toBe('kpi');
    expect((await core.fail('goals.standing', { quarter: '2026-Q5' })).code).toBe('BAD_INPUT');
  });
});
