// Customer value through dispatch: the value-map survey kept in settings (validated per row),
// scored on metrics.portfolio; and the cohort-form CLV of each start-year cohort.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ValueMapSettings } from '../../shared/contract/settings';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

/** metrics.md, the luxury-car price profile, against one competitor. */
const LUXURY: ValueMapSettings = {
  competitor: 'Marque B',
  rounding: 'ratio-2dp',
  quality: [
    { name: 'performance', weight: 40, ours: 8, theirs: 8 },
    { name: 'dealer service', weight: 60, ours: 9, theirs: 6 },
  ],
  price: [
    { name: 'purchase price', weight: 60, ours: 9, theirs: 7 },
    { name: 'trade-in value', weight: 20, ours: 6, theirs: 6 },
    { name: 'resale value', weight: 10, ours: 9, theirs: 8 },
    { name: 'finance rate', weight: 10, ours: 7, theirs: 7 },
  ],
};

describe('customer value from the value-map survey', () => {
  it('is null with a reason until a survey is entered', async () => {
    const cv = (await core.call('metrics.portfolio', {})).value.customerValue!;
    expect(cv.relativeQuality).toMatchObject({ definition: 'valueMap', value: null, reason: expect.stringContaining('no value-map survey') });
    expect(cv.relativePrice.value).toBeNull();
    expect(cv.valueAdvantage).toMatchObject({ definition: 'valueAdvantage', value: null, reason: expect.any(String) });
    expect(cv.position).toBeNull();
    expect((await core.call('settings.get', {})).valueMap).toEqual(DEFAULT_SETTINGS.valueMap);
  });

  it('scores the stored survey: 118.7 with 2-decimal ratios (118.39 unrounded), relative price 84.2', async () => {
    await core.call('settings.update', { valueMap: LUXURY });
    const cv = (await core.call('metrics.portfolio', {})).value.customerValue!;
    expect(cv.competitor).toBe('Marque B');
    expect(cv.rounding).toBe('ratio-2dp');
    expect(cv.roundingLabel).toContain('2 decimals');
    expect(cv.priceSatisfaction.value).toBeCloseTo(118.7, 9);
    expect(cv.relativePrice.value!.toFixed(1)).toBe('84.2');
    // 40 · 1 + 60 · 1.5 = 130.
    expect(cv.relativeQuality).toMatchObject({ value: 130, n: 2 });
    expect(cv.valueAdvantage.value).toBeCloseTo(130 - 10_000 / 118.7, 9);
    expect(cv.position).toBe('better value');
    expect(cv.priceSatisfaction.contributions.map((c) => [c.name, c.ratio, +c.contribution.toFixed(2)])).toEqual([
      ['purchase price', 1.29, 77.4],
      ['trade-in value', 1, 20],
      ['resale value', 1.13, 11.3],
      ['finance rate', 1, 10],
    ]);

    await core.call('settings.update', { valueMap: { ...LUXURY, rounding: 'none' } });
    const unrounded = (await core.call('metrics.portfolio', {})).value.customerValue!;
    expect(unrounded.priceSatisfaction.value!.toFixed(2)).toBe('118.39');
    expect(unrounded.roundingLabel).toContain('unrounded');
  });

  it('does not touch the health model (no recompute) when only the survey changes', async () => {
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    await core.call('settings.update', { valueMap: LUXURY });
    expect(events).toEqual(['settings.changed']);
  });

  it('refuses a survey that cannot be scored, naming the row and field', async () => {
    const cases: [unknown, string][] = [
      [{ ...LUXURY, price: [{ ...LUXURY.price[0]!, theirs: 0 }] }, 'valueMap.price.0.theirs'],
      [{ ...LUXURY, quality: [LUXURY.quality[0]!, { ...LUXURY.quality[1]!, name: ' ' }] }, 'valueMap.quality.1.name'],
      [{ ...LUXURY, quality: [{ ...LUXURY.quality[0]!, weight: 120 }] }, 'valueMap.quality.0.weight'],
      [{ ...LUXURY, price: LUXURY.price.map((a) => ({ ...a, weight: 0 })) }, 'valueMap.price'],
      [{ ...LUXURY, competitor: '' }, 'valueMap.competitor'],
      [{ ...LUXURY, rounding: 'ratio-1dp' }, 'valueMap.rounding'],
    ];
    for (const [valueMap, path] of cases) {
      const error = await core.fail('settings.update', { valueMap });
      expect(error.code, path).toBe('BAD_INPUT');
      expect(
        error.issues?.map((i) => i.path),
        path,
      ).toContain(path);
    }
    expect((await core.call('settings.get', {})).valueMap).toEqual(DEFAULT_SETTINGS.valueMap);
  });
});

describe('CLV, cohort form per start year', () => {
  it('uses each cohort’s observed survival and margin per survivor, discounted at the settings rate', async () => {
    const base = { arrMinor: 1_000_000, grossMarginPct: 50, segment: 'smb' } as const;
    await core.call('accounts.create', { ...base, name: 'Stays', contractStart: '2023-03-01' });
    await core.call('accounts.create', { ...base, name: 'Leaves', contractStart: '2023-06-01', churnedAt: '2024-07-01', lifecycleStage: 'churned' });
    await core.call('accounts.create', { ...base, name: 'Young', contractStart: '2025-02-01', arrMinor: 4_000_000 });
    await core.call('accounts.create', { ...base, name: 'No margin', contractStart: '2023-02-01', grossMarginPct: undefined });
    await core.call('settings.update', { discountRate: 0.1 });

    const p = await core.call('metrics.portfolio', { from: '2025-01-01', to: '2025-12-31' });
    expect(p.value.clvCohorts!.map((r) => [r.cohort, r.size, r.years])).toEqual([
      ['2023', 2, 3],
      ['2025', 1, 1],
    ]);
    const [c2023, c2025] = p.value.clvCohorts!;
    expect(c2023!.survival).toEqual([1, 0.5, 0.5]);
    expect(c2023!.margins).toEqual([500_000, 500_000, 500_000]);
    expect(c2023!.clv).toMatchObject({ definition: 'clvCohort', n: 2 });
    expect(c2023!.clv.value).toBeCloseTo(500_000 / 1.1 + 250_000 / 1.21 + 250_000 / 1.331, 6);
    expect(c2025!.clv.value).toBeCloseTo(2_000_000 / 1.1, 6);

    // The cohorts follow the filter.
    const none = await core.call('metrics.portfolio', { from: '2025-01-01', to: '2025-12-31', segment: ['enterprise'] });
    expect(none.value.clvCohorts).toEqual([]);
  });
});
