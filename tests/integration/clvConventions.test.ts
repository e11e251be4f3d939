import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 16 through dispatch: the CLV survival convention and the acquisition cost chosen in
// settings change metrics.portfolio's CLV and name the definition in force; the value ratios come
// with the value-map figures. Hand-computed on four smb accounts started in 2024 (clock 2026-03-01):
// one churned in the last twelve months, so the segment's r = 3/4; m = ARR $1,000 × 50 % = $500.

let core: TestCore;
beforeAll(async () => {
  core = await testCore();
  let last = 0;
  for (const name of ['A', 'B', 'C', 'D']) {
    last = (await core.call('accounts.create', { name, segment: 'smb', contractStart: '2024-01-15', arrMinor: 100_000, grossMarginPct: 50, currency: 'USD' })).id;
  }
  await core.call('accounts.update', { id: last, churnedAt: '2025-10-01', lifecycleStage: 'churned' });
});
afterAll(() => core.close());

const period = { from: '2025-03-01', to: '2026-03-01' };

describe('CLV conventions in metrics.portfolio', () => {
  it('retained to year 1 (default): m · r / (1 + i − r) = 50,000 · 0.75 / 0.35 cents', async () => {
    const value = (await core.call('metrics.portfolio', period)).value;
    expect(value.clvMedian).toMatchObject({ definition: 'clv', n: 3 });
    expect(value.clvMedian.value).toBeCloseTo((50_000 * 0.75) / 0.35, 6);
    expect(value.customerEquity.value).toBeCloseTo((3 * 50_000 * 0.75) / 0.35, 6);
  });

  it('present in year 1 and an acquisition cost of $10: m / (1 + i − r) − 1,000 cents; equity leaves the acquisition cost out', async () => {
    await core.call('settings.update', { customerValue: { ...DEFAULT_SETTINGS.customerValue, survival: 'present', acquisitionCostMinor: 1_000 } });
    const value = (await core.call('metrics.portfolio', period)).value;
    expect(value.clvMedian).toMatchObject({ definition: 'clvPresent', n: 3 });
    expect(value.clvMedian.value).toBeCloseTo(50_000 / 0.35 - 1_000, 6);
    expect(value.customerEquity.value).toBeCloseTo((3 * 50_000) / 0.35, 6);
    for (const row of value.clvCohorts ?? []) expect(row.clv.definition).toBe('clvCohortPresent');
    const definitions = await core.call('metrics.definitions', {});
    expect(definitions.find((d) => d.id === 'clvPresent')?.formula).toContain('r^(t−1)');
    await core.call('settings.update', { customerValue: DEFAULT_SETTINGS.customerValue });
  });

  it('refuses a negative acquisition cost or weights that are both 0, naming the field', async () => {
    const negative = await core.fail('settings.update', { customerValue: { ...DEFAULT_SETTINGS.customerValue, acquisitionCostMinor: -1 } });
    expect(negative.message).toContain('customerValue.acquisitionCostMinor');
    const zero = await core.fail('settings.update', { customerValue: { ...DEFAULT_SETTINGS.customerValue, cvrWeights: { quality: 0, price: 0 } } });
    expect(zero.message).toContain('at least one weight must be above 0');
  });
});

describe('customer value added and the value ratio in metrics.portfolio', () => {
  it('CVA = Q / P and CVR = 0.8 · Q/100 + 0.2 · S/100 from the stored survey', async () => {
    await core.call('settings.update', {
      valueMap: {
        competitor: 'Marque B',
        rounding: 'none',
        quality: [{ name: 'service', weight: 100, ours: 9, theirs: 6 }],
        price: [{ name: 'price', weight: 100, ours: 8, theirs: 10 }],
      },
    });
    const cv = (await core.call('metrics.portfolio', period)).value.customerValue!;
    // Q = 150, S = 80, P = 100 · 100 / 80 = 125: CVA = 1.2; CVR = 0.8 · 1.5 + 0.2 · 0.8 = 1.36.
    expect(cv.customerValueAdded).toMatchObject({ definition: 'customerValueAdded' });
    expect(cv.customerValueAdded!.value).toBeCloseTo(1.2, 12);
    expect(cv.customerValueRatio).toMatchObject({ definition: 'customerValueRatio', qualityWeight: 80, priceWeight: 20 });
    expect(cv.customerValueRatio!.value).toBeCloseTo(1.36, 12);
  });
});
