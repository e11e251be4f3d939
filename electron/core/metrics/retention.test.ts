import { describe, expect, it } from 'vitest';
import { grossRevenueRetention, logoChurn, logoRetention, medianTenureDays, netRevenueRetention, renewalRate, revenueMovements, tenureDays, tenureYears } from './retention';

describe('retention fixtures (metrics.md)', () => {
  // The fixture gives no cohort size; 3 accounts is this test's choice.
  const fixture = { startArr: 1_000_000, churned: 80_000, contraction: 40_000, expansion: 150_000, accounts: 3 };

  it.each([
    { metric: 'GRR', fn: grossRevenueRetention, expected: 88 },
    { metric: 'NRR', fn: netRevenueRetention, expected: 103 },
  ])('start 1,000,000; churned 80,000; contraction 40,000; expansion 150,000 -> $metric $expected %', ({ fn, expected }) => {
    expect(fn(fixture)).toEqual({ value: expected, n: 3 });
  });

  it('the same from per-account start and end ARR; new customers are not in the cohort', () => {
    const m = revenueMovements([
      { startArr: 80_000, endArr: 0 }, // churned
      { startArr: 200_000, endArr: 160_000 }, // contraction 40,000
      { startArr: 720_000, endArr: 870_000 }, // expansion 150,000
      { startArr: 0, endArr: 500_000 }, // new customer: not in the cohort
    ]);
    expect(m).toEqual({ ...fixture, notInCohort: 1 });
    expect(grossRevenueRetention(m).value).toBe(88);
    expect(netRevenueRetention(m).value).toBe(103);
  });

  it.each([
    { metric: 'logo churn', fn: logoChurn, expected: 7 },
    { metric: 'logo retention', fn: logoRetention, expected: 93 },
  ])('200 customers at the start, 14 lost -> $metric $expected %', ({ fn, expected }) => {
    const r = fn(200, 14);
    expect(r).toMatchObject({ value: expected, n: 200 });
    expect(r.low!).toBeLessThan(expected);
    expect(r.high!).toBeGreaterThan(expected);
  });
});

describe('retention edges', () => {
  it.each([
    { name: 'no starting ARR', m: { startArr: 0, churned: 0, contraction: 0, expansion: 10, accounts: 0 }, reason: 'no ARR' },
    { name: 'losses above start', m: { startArr: 100, churned: 80, contraction: 40, expansion: 0, accounts: 2 }, reason: 'exceed' },
    { name: 'negative amount', m: { startArr: 100, churned: -1, contraction: 0, expansion: 0, accounts: 1 }, reason: '≥ 0' },
    { name: 'NaN amount', m: { startArr: Number.NaN, churned: 0, contraction: 0, expansion: 0, accounts: 1 }, reason: 'finite' },
  ])('$name -> null', ({ m, reason }) => {
    for (const fn of [grossRevenueRetention, netRevenueRetention]) {
      const r = fn(m);
      expect(r.value).toBeNull();
      expect(r.reason).toContain(reason);
    }
  });

  it('an empty cohort gives null, not 0', () => {
    expect(grossRevenueRetention(revenueMovements([])).value).toBeNull();
  });

  it.each([
    { fn: logoChurn, a: 0, b: 0, value: null },
    { fn: logoChurn, a: 10, b: 11, value: null },
    { fn: logoChurn, a: 10, b: 0, value: 0 },
    { fn: logoRetention, a: 1, b: 1, value: 0 },
    { fn: renewalRate, a: 18, b: 20, value: 90 },
    { fn: renewalRate, a: 0, b: 0, value: null },
    { fn: renewalRate, a: 1.5, b: 2, value: null },
  ])('%# counts ($a, $b) -> $value', ({ fn, a, b, value }) => {
    const r = fn(a, b);
    expect(r.value).toBe(value);
    if (value === null) expect(r.reason).toBeTruthy();
  });
});

describe('tenure', () => {
  it.each([
    { start: '2024-01-01T00:00:00Z', end: '2025-01-01T00:00:00Z', days: 366 },
    { start: '2024-03-01', end: '2024-03-31T23:59:59Z', days: 30 },
    { start: '2024-03-01', end: '2024-03-01', days: 0 },
    { start: '2025-01-01', end: '2024-01-01', days: null },
    { start: 'not a date', end: '2024-01-01', days: null },
  ])('$start -> $end: $days days', ({ start, end, days }) => {
    expect(tenureDays(start, end)).toBe(days);
  });

  it('years of 365.25 days', () => {
    expect(tenureYears('2020-01-01', '2024-01-01')).toBe(1461 / 365.25);
    expect(tenureYears('2024-01-01', '2020-01-01')).toBeNull();
  });

  it.each([
    { days: [100, 300, 200], value: 200, n: 3 },
    { days: [100, null, 200], value: 150, n: 2 },
    { days: [], value: null, n: 0 },
  ])('median tenure of $days -> $value', ({ days, value, n }) => {
    expect(medianTenureDays(days)).toMatchObject({ value, n });
  });
});
