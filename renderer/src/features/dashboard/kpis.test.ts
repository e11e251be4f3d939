import { describe, expect, it } from 'vitest';
import { buildKpis, type Kpi, type KpiId } from './kpis';
import { mv, portfolioFixture } from './portfolio.fixture';

const byId = (kpis: Kpi[]) => Object.fromEntries(kpis.map((k) => [k.id, k])) as Record<KpiId, Kpi>;

describe('KPI cards', () => {
  it('shows value, interval, n and the change against the previous period', () => {
    const previous = portfolioFixture();
    previous.satisfaction.ces = { ...previous.satisfaction.ces, value: 5.1 };
    const kpis = byId(buildKpis(portfolioFixture(), previous, 'en-US'));
    expect(kpis.nps).toMatchObject({ value: '32', interval: '95% CI 25 – 40', n: 'n = 214 answers', change: { text: '+4 pts', tone: 'ok' } });
    expect(kpis.csat).toMatchObject({ value: '84.3%', change: { text: '−2.3 pp', tone: 'bad' } });
    expect(kpis.firstResponseMedian).toMatchObject({ value: '2.3 hr', approximate: true, n: 'n = 1,400 tickets', change: { text: '−15 min', tone: 'ok' } });
    expect(kpis.customerEquity).toMatchObject({ value: '$12.3M', n: 'n = 140 accounts' });
    // CES compares with the previous period's portfolio, the contract's `previous` has no CES.
    expect(kpis.ces).toMatchObject({ value: '5.4', warning: 'fewer than 30 answers', change: { text: '+0.3', tone: 'ok' } });
    expect(kpis.logoChurn.change).toMatchObject({ text: '±0', tone: 'neutral' });
    expect(kpis.netRevenueRetention).toMatchObject({ value: '104.6%', noChange: 'No figure for the previous period' });
    expect(kpis.netRevenueRetention.change).toBeUndefined();
  });

  it('says the scale of a figure that has one, and none for shares, times and money', () => {
    const kpis = byId(buildKpis(portfolioFixture(), undefined, 'en-US'));
    expect(kpis.nsat.scale).toBe('scale 0–200');
    expect(kpis.ces.scale).toBe('mean on 1–7');
    expect(kpis.nps.scale).toBe('scale −100 to +100');
    expect(kpis.csat.scale).toBeUndefined();
    expect(kpis.firstResponseMedian.scale).toBeUndefined();
  });

  it('never shows 0 for a missing figure: it says why', () => {
    const empty = portfolioFixture();
    empty.satisfaction.nps = { ...mv('nps', null, 0), distribution: Array(11).fill(0) };
    empty.retention.netRevenueRetention = mv('nrr', null, 12, { reason: 'no recurring revenue at the start' });
    const kpis = byId(buildKpis(empty, undefined, 'en-US'));
    expect(kpis.nps).toMatchObject({ value: null, missing: 'No answers in this period', n: 'n = 0 answers' });
    expect(kpis.nps.change).toBeUndefined();
    expect(kpis.netRevenueRetention).toMatchObject({ value: null, missing: 'Insufficient data', reason: 'no recurring revenue at the start' });
  });

  it('names one observation in the singular', () => {
    const one = portfolioFixture();
    one.satisfaction.nps = { ...mv('nps', 100, 1, { warning: 'fewer than 30 answers' }), distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
    expect(byId(buildKpis(one, undefined, 'en-US')).nps).toMatchObject({ n: 'n = 1 answer', warning: 'fewer than 30 answers' });
  });
});
