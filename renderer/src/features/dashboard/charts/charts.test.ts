import { describe, expect, it } from 'vitest';
import { mv } from '../portfolio.fixture';
import { cohortName, cohortsOption } from './cohorts';
import { channelRows, csatByChannelOption } from './csatByChannel';
import { healthDistributionOption } from './healthDistribution';
import { npsTrendOption, npsTrendSummary } from './npsTrend';
import { supportTimesOption } from './supportTimes';
import { periodName } from './theme';
import { topicsOption } from './topics';

// The options are plain objects; tests read them as such.
const series = (option: unknown) => (option as { series: Record<string, any>[] }).series;
const axis = (option: unknown, name: 'xAxis' | 'yAxis') => (option as Record<string, any>)[name];
const tooltip = (option: unknown) => (option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;

const trend = [
  { period: '2026-01', value: mv('nps', 30, 120, { low: 20, high: 40 }) },
  { period: '2026-02', value: mv('nps', null, 0) },
  { period: '2026-03', value: mv('nps', -10.26, 12, { low: -45, high: 25, warning: 'fewer than 30 answers' }) },
];

describe('NPS trend', () => {
  it('draws the value line and the interval band stacked from low to high, with gaps for missing periods', () => {
    const option = npsTrendOption(trend, 'en-US');
    expect(axis(option, 'xAxis').data).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    const [low, band, nps] = series(option);
    expect(low).toMatchObject({ name: 'low', stack: 'interval', stackStrategy: 'all', data: [20, '-', -45] });
    expect(band).toMatchObject({ name: '95% interval', stack: 'interval', stackStrategy: 'all', data: [20, '-', 70] });
    expect(band!.areaStyle).toBeDefined();
    expect(nps!.name).toBe('NPS');
    expect(nps!.data[0]).toMatchObject({ value: 30, symbol: 'circle' });
    expect(nps!.data[1]).toBe('-');
    // Few answers: drawn hollow in amber.
    expect(nps!.data[2]).toMatchObject({ value: -10.3, symbol: 'emptyCircle' });
    expect(nps!.markLine.data).toEqual([{ yAxis: 0 }]);
    expect(nps!.connectNulls).toBe(false);
    // Round steps covering every value and interval.
    expect(axis(option, 'yAxis')).toMatchObject({ min: -60, max: 40, interval: 20 });
  });

  it('explains a point in its tooltip, and a missing one', () => {
    const format = tooltip(npsTrendOption(trend, 'en-US'));
    expect(format([{ dataIndex: 0 }])).toContain('NPS 30 (95% CI 20 to 40)<br/>n = 120 answers');
    expect(format([{ dataIndex: 1 }])).toContain('No NPS: no answers in the period');
    expect(format([{ dataIndex: 2 }])).toContain('fewer than 30 answers');
  });

  it('sums itself up for screen readers', () => {
    expect(npsTrendSummary(trend, 'en-US')).toBe('NPS trend from Jan 2026 (30) to Mar 2026 (-10).');
    expect(npsTrendSummary([{ period: '2026-01', value: mv('nps', null, 0) }])).toBe('NPS trend: no answers in this period.');
  });
});

describe('CSAT by channel', () => {
  const rows = [
    { channel: 'email', volume: 900, csat: mv('csat', 82.04, 240) },
    { channel: 'chat', volume: 500, csat: mv('csat', 88, 150, { warning: 'few' }) },
    { channel: 'phone', volume: 1200, csat: mv('csat', null, 0) },
    { channel: 'webinar', volume: 0, csat: mv('csat', null, 0) },
  ];

  it('has a bar per channel in use, busiest first; no bar and a word for a channel without answers', () => {
    expect(channelRows(rows).map((r) => r.channel)).toEqual(['phone', 'email', 'chat']);
    const option = csatByChannelOption(rows, 'en-US');
    expect(axis(option, 'yAxis').data).toEqual(['Phone (no answers)', 'Email', 'Chat']);
    expect(series(option)[0]!.data).toEqual(['-', { value: 82, itemStyle: { color: '#2554c7' } }, { value: 88, itemStyle: { color: '#8fa6e0' } }]);
    expect(axis(option, 'xAxis')).toMatchObject({ min: 0, max: 100 });
  });

  it('labels bars with value and n', () => {
    const option = csatByChannelOption(rows, 'en-US');
    const label = series(option)[0]!.label.formatter as (p: unknown) => string;
    expect(label({ dataIndex: 1 })).toBe('82% · n 240');
    expect(label({ dataIndex: 0 })).toBe('');
  });
});

describe('support times against SLA', () => {
  const points = [
    { period: '2026-01', value: mv('quantile', 90, 300) },
    { period: '2026-02', value: mv('quantile', null, 0, { reason: 'no tickets' }) },
    { period: '2026-03', value: mv('quantile', 330, 280, { approximate: true }) },
  ];
  const targets = {
    urgent: { firstResponseHours: 1, resolutionHours: 8 },
    high: { firstResponseHours: 4, resolutionHours: 24 },
    normal: { firstResponseHours: 8, resolutionHours: 72 },
    low: { firstResponseHours: 24, resolutionHours: 168 },
  };

  it('draws the median in hours with one SLA line per priority, most urgent first', () => {
    const option = supportTimesOption('firstResponse', points, targets, 'en-US');
    const [line] = series(option);
    expect(line).toMatchObject({ name: 'Median first response', data: [1.5, '-', 5.5] });
    expect(line!.markLine.data.map((d: { name: string; yAxis: number }) => [d.name, d.yAxis])).toEqual([
      ['Urgent SLA', 1],
      ['High SLA', 4],
      ['Normal SLA', 8],
      ['Low SLA', 24],
    ]);
    expect(line!.markLine.data[0].label.formatter).toBe('Urgent 1 hr');
    expect(axis(option, 'yAxis')).toMatchObject({ type: 'log', min: 0.1, max: 100 });
    expect([0.1, 1, 10, 100].map((h) => axis(option, 'yAxis').axisLabel.formatter(h))).toEqual(['6 min', '1 hr', '10 hr', '100 hr']);
  });

  it('uses the resolution targets for resolution times', () => {
    const option = supportTimesOption('resolution', points, targets, 'en-US');
    expect(series(option)[0]!.markLine.data.map((d: { yAxis: number }) => d.yAxis)).toEqual([8, 24, 72, 168]);
    expect(tooltip(option)([{ dataIndex: 2 }])).toContain('Median resolution 5.5 hr (approximate)');
  });
});

describe('top topics Pareto', () => {
  it('has bars of counts, most first, and the cumulative share on a 0-100 axis with the 80% line', () => {
    const option = topicsOption(
      [
        { topic: 'Billing', count: 300, share: 30, cumulativeShare: 70 },
        { topic: 'Login', count: 400, share: 40, cumulativeShare: 40 },
        { topic: 'API', count: 100, share: 10, cumulativeShare: 100 },
      ],
      'en-US',
    );
    expect(axis(option, 'xAxis').data).toEqual(['Login', 'Billing', 'API']);
    const [bars, line] = series(option);
    expect(bars).toMatchObject({ type: 'bar', data: [400, 300, 100] });
    expect(line).toMatchObject({ type: 'line', yAxisIndex: 1, data: [40, 70, 100] });
    expect(line!.markLine.data).toEqual([{ yAxis: 80 }]);
    expect(axis(option, 'yAxis')[1]).toMatchObject({ min: 0, max: 100 });
  });
});

describe('cohort retention', () => {
  it('draws one curve per cohort with accounts, quarters not reached yet left out', () => {
    const option = cohortsOption(
      [
        { cohort: '2024-Q4', size: 10, retention: [100, 90, 90] },
        { cohort: '2024-Q3', size: 12, retention: [100, 91.67, 83.33, null] },
        { cohort: '2025-Q1', size: 0, retention: [] },
      ],
      'en-US',
    );
    expect(series(option).map((s) => [s.name, s.data])).toEqual([
      ['Q3 2024', [100, 91.7, 83.3, '-']],
      ['Q4 2024', [100, 90, 90]],
    ]);
    expect(axis(option, 'xAxis').data).toEqual(['Start', '+1Q', '+2Q', '+3Q']);
    expect(cohortName('2025-04')).toBe('Q2 2025');
  });
});

describe('health distribution', () => {
  it('has one bar per band in the band’s colour, labelled with count and share', () => {
    const option = healthDistributionOption({ red: 12, amber: 30, green: 95, insufficient: 13 }, 'en-US');
    expect(axis(option, 'xAxis').data).toEqual(['Red', 'Amber', 'Green', 'Insufficient data']);
    const [bars] = series(option);
    expect(bars!.data.map((d: { value: number; itemStyle: { color: string } }) => [d.value, d.itemStyle.color])).toEqual([
      [12, '#d64545'],
      [30, '#e5a000'],
      [95, '#2e9e5b'],
      [13, '#a7b0bd'],
    ]);
    expect((bars!.label.formatter as (p: unknown) => string)({ dataIndex: 2 })).toBe('95 (63%)');
  });
});

describe('period names', () => {
  it('reads months and quarters in any of the shapes the core may send', () => {
    expect(periodName('2026-03', 'en-US')).toBe('Mar 2026');
    expect(periodName('2026-03-01', 'en-US')).toBe('Mar 2026');
    expect(periodName('2026-Q1')).toBe('Q1 2026');
    expect(periodName('2026Q4')).toBe('Q4 2026');
  });
});
