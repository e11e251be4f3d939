// A portfolio as metrics.portfolio returns it, for the dashboard's unit tests.
import type { MetricValueDto, Portfolio } from '../../../../shared/contract/metrics';

export const mv = (definition: string, value: number | null, n: number, extra: Partial<MetricValueDto> = {}): MetricValueDto => ({
  definition,
  value,
  n,
  ...(value === null && !extra.reason ? { reason: 'no answers in the period' } : {}),
  ...extra,
});

export function portfolioFixture(overrides: Partial<Portfolio> = {}): Portfolio {
  return {
    scope: { from: '2025-03-01', to: '2026-03-01', granularity: 'month', filter: {} },
    accounts: 150,
    satisfaction: {
      nps: { ...mv('nps', 32, 214, { low: 24.5, high: 39.5 }), distribution: [5, 3, 4, 6, 7, 8, 9, 20, 25, 60, 67] },
      csat: { ...mv('csat', 84.25, 400, { low: 80.4, high: 87.5 }), distribution: [10, 20, 33, 137, 200] },
      nsat: { ...mv('nsat', 131, 120), distribution: [60, 30, 15, 10, 3, 2] },
      ces: { ...mv('ces', 5.4, 25, { warning: 'fewer than 30 answers' }), distribution: [1, 1, 2, 3, 6, 7, 5] },
      advocates: { n: 100, champions: 40, moralSupporters: 20, captives: 25, rebels: 15 },
    },
    support: {
      volume: mv('ticketVolume', 1520, 1520),
      backlog: mv('backlog', 48, 1520),
      quantileMethod: 'Hyndman-Fan type 7',
      firstResponse: { median: mv('quantile', 135, 1400, { approximate: true }), p90: mv('quantile', 600, 1400, { approximate: true }) },
      resolution: { median: mv('quantile', 2880, 1300, { approximate: true }), p90: mv('quantile', 9000, 1300, { approximate: true }) },
      sla: [
        { priority: 'low', targetHours: 24, attainment: mv('sla', 97, 300) },
        { priority: 'urgent', targetHours: 1, attainment: mv('sla', 81.5, 40) },
        { priority: 'normal', targetHours: 8, attainment: mv('sla', 92, 900) },
        { priority: 'high', targetHours: 4, attainment: mv('sla', null, 0, { reason: 'no tickets' }) },
      ],
      topics: [
        { topic: 'Login', count: 400, share: 40, cumulativeShare: 40 },
        { topic: 'Billing', count: 300, share: 30, cumulativeShare: 70 },
        { topic: 'Reports', count: 200, share: 20, cumulativeShare: 90 },
        { topic: 'API', count: 100, share: 10, cumulativeShare: 100 },
      ],
      byChannel: [
        { channel: 'email', volume: 900, csat: mv('csat', 82, 240, { low: 76.6, high: 86.4 }) },
        { channel: 'chat', volume: 500, csat: mv('csat', 88, 150) },
        { channel: 'phone', volume: 120, csat: mv('csat', null, 0) },
        { channel: 'webinar', volume: 0, csat: mv('csat', null, 0) },
      ],
      bySegment: [],
    },
    retention: {
      logoChurn: mv('logoChurn', 6.2, 140, { low: 3.4, high: 11 }),
      logoRetention: mv('logoChurn', 93.8, 140),
      grossRevenueRetention: mv('grr', 91.3, 140),
      netRevenueRetention: mv('nrr', 104.6, 140),
      renewalRate: mv('renewalRate', 88, 50),
      tenureMonths: mv('tenure', 26.5, 150),
      cohorts: [
        { cohort: '2024-Q3', size: 12, retention: [100, 91.7, 83.3, 83.3] },
        { cohort: '2024-Q4', size: 10, retention: [100, 90, 90] },
        { cohort: '2025-Q1', size: 0, retention: [] },
      ],
    },
    value: {
      currency: 'USD',
      customerEquity: mv('customerEquity', 1_234_567_800, 140),
      clvMedian: mv('clv', 5_600_000, 140),
      returnOnCustomer: mv('roc', null, 0, { reason: 'no equity at the period start' }),
    },
    health: {
      bands: { red: 12, amber: 30, green: 95, insufficient: 13 },
      atRisk: [
        {
          accountId: 7,
          name: 'Borealis Freight',
          segment: 'enterprise',
          owner: 'Dana Whitfield',
          arrMinor: 12_000_000,
          currency: 'USD',
          renewalDate: '2026-04-30',
          score: 38.2,
          band: 'red',
          asOf: '2026-03-01T06:00:00.000Z',
          reasons: ['NPS −40 (< 0)', 'last touchpoint 95 days ago (> 60)', 'renewal in 40 days'],
        },
        {
          accountId: 3,
          name: 'Acme Corp',
          segment: 'smb',
          owner: null,
          arrMinor: 2_500_000,
          currency: 'EUR',
          renewalDate: null,
          score: 55,
          band: 'amber',
          asOf: '2026-03-01T06:00:00.000Z',
          reasons: [],
        },
        {
          accountId: 9,
          name: 'Zenith',
          segment: 'mid_market',
          owner: 'Kevin Zhang',
          arrMinor: 6_000_000,
          currency: 'USD',
          renewalDate: '2026-09-01',
          score: null,
          band: 'insufficient',
          asOf: '2026-03-01T06:00:00.000Z',
          reasons: ['no survey answers'],
        },
      ],
    },
    previous: {
      nps: mv('nps', 28, 190),
      csat: mv('csat', 86.5, 380),
      firstResponseMedian: mv('quantile', 150, 1300),
      logoChurn: mv('logoChurn', 6.2, 130),
      netRevenueRetention: mv('nrr', null, 0, { reason: 'no revenue at the start' }),
    },
    ...overrides,
  };
}
