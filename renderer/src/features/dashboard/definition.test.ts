import { describe, expect, it } from 'vitest';
import { behindKpi, cohortClvRows, describeFilter, describePeriod, distributionRows, findDefinition } from './definition';
import { portfolioFixture } from './portfolio.fixture';

describe('definition panel', () => {
  it('finds the figure’s own definition first, else the card’s', () => {
    const defs = [
      { id: 'nps', name: 'Net Promoter Score', formula: 'f', unit: 'points', source: 's' },
      { id: 'quantile', name: 'Median and p90', formula: 'f', unit: 'minutes', source: 's' },
    ];
    expect(findDefinition(defs, 'quantile', 'nps')?.name).toBe('Median and p90');
    expect(findDefinition(defs, 'unknown', 'nps')?.name).toBe('Net Promoter Score');
    expect(findDefinition(defs, 'unknown')).toBeUndefined();
  });

  it('says the scope in words', () => {
    expect(describeFilter({})).toBe('All accounts');
    expect(describeFilter({ segment: ['enterprise', 'mid_market'], region: ['EMEA'] })).toBe('Segment: Enterprise, Mid-market; Region: EMEA');
    expect(describePeriod({ from: '2025-03-01', to: '2026-03-01', granularity: 'month', filter: {} }, 'en-US')).toBe('Mar 1, 2025 – Feb 28, 2026, by month');
  });

  it('shows the answers behind a satisfaction figure', () => {
    const rows = distributionRows('nps', [5, 3, 4, 6, 7, 8, 9, 20, 25, 60, 67]);
    expect(rows).toHaveLength(11);
    expect(rows[6]).toEqual({ label: '6', count: 9, tone: 'bad' });
    expect(rows[7]).toEqual({ label: '7', count: 20, tone: 'neutral' });
    expect(rows[10]).toEqual({ label: '10', count: 67, tone: 'good' });
    expect(distributionRows('nsat', [60, 30, 15, 10, 3, 2]).map((r) => r.tone)).toEqual(['good', 'neutral', 'bad', 'bad', 'none', 'none']);
    const behind = behindKpi('nps', portfolioFixture(), 'en-US');
    expect(behind.figures[0]).toEqual({ label: 'Promoters (9-10)', value: '127 (59.3%)' });
    expect(behind.distribution?.rows).toHaveLength(11);
  });

  it('lists the companion figures of support and value, missing ones with their reason', () => {
    const support = behindKpi('firstResponseMedian', portfolioFixture(), 'en-US');
    expect(support.figures[1]).toEqual({ label: 'p90 first response', value: '10 hr', note: 'n = 1,400, approximate' });
    expect(support.figures[4]).toEqual({ label: 'Quantile method', value: 'Hyndman-Fan type 7' });
    const value = behindKpi('customerEquity', portfolioFixture(), 'en-US');
    expect(value.figures[2]).toEqual({ label: 'Return on customer', value: '—', note: 'no equity at the period start' });
  });

  it('lists the cohort-form CLV per start year in the customer equity panel, or why there is none', () => {
    const p = portfolioFixture();
    p.value.clvCohorts = [
      { cohort: '2024', size: 4, years: 2, survival: [1, 0.75], margins: [5e5, 6e5], clv: { definition: 'clvCohort', value: 1_329_900, n: 4 } },
      { cohort: '2026', size: 30, years: 0, survival: [], margins: [], clv: { definition: 'clvCohort', value: null, n: 30, reason: 'no full year observed yet' } },
    ];
    expect(cohortClvRows(p, 'en-US')).toEqual([
      { label: 'CLV, 2024 cohort (cohort form)', value: '$13,299', note: 'n = 4 accounts · T = 2 years observed · survival 100%, 75%' },
      { label: 'CLV, 2026 cohort (cohort form)', value: '—', note: 'n = 30 accounts · no full year observed yet' },
    ]);
    expect(behindKpi('customerEquity', p, 'en-US').figures.map((f) => f.label)).toContain('CLV, 2024 cohort (cohort form)');
  });
});
