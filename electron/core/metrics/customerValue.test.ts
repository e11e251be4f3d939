import { describe, expect, it } from 'vitest';
import type { ValueMapSettings } from '../../../shared/contract/settings';
import { customerValueFigures } from './customerValue';

/** metrics.md, "Customer value (value map after Gale)": the luxury-car price profile. */
const PRICE = [
  { name: 'purchase price', weight: 60, ours: 9, theirs: 7 },
  { name: 'trade-in value', weight: 20, ours: 6, theirs: 6 },
  { name: 'resale value', weight: 10, ours: 9, theirs: 8 },
  { name: 'finance rate', weight: 10, ours: 7, theirs: 7 },
];
const QUALITY = [
  { name: 'reliability', weight: 50, ours: 8, theirs: 8 },
  { name: 'service', weight: 50, ours: 9, theirs: 6 },
];
const survey = (patch: Partial<ValueMapSettings>): ValueMapSettings => ({ competitor: 'Marque B', rounding: 'ratio-2dp', quality: QUALITY, price: PRICE, ...patch });

describe('customer value from the value-map survey', () => {
  it.each([
    // quality = 50·1 + 50·1.5 = 125; price score 118.7 (2dp ratios) or 118.392857 (unrounded).
    { rounding: 'ratio-2dp', priceScore: 118.7, relPrice: '84.2', advantage: 125 - 10_000 / 118.7, position: 'better value' },
    { rounding: 'none', priceScore: 118.392857, relPrice: '84.5', advantage: 125 - 10_000 / 118.392857142857, position: 'better value' },
  ] as const)('$rounding: price score $priceScore, relative price $relPrice', ({ rounding, priceScore, relPrice, advantage, position }) => {
    const cv = customerValueFigures(survey({ rounding }));
    expect(cv.relativeQuality).toMatchObject({ definition: 'valueMap', value: 125, n: 2 });
    expect(cv.priceSatisfaction.value).toBeCloseTo(priceScore, 6);
    expect(cv.relativePrice.value!.toFixed(1)).toBe(relPrice);
    expect(cv.valueAdvantage).toMatchObject({ definition: 'valueAdvantage', n: 6 });
    expect(cv.valueAdvantage.value).toBeCloseTo(advantage, 6);
    expect(cv.position).toBe(position);
    expect(cv.rounding).toBe(rounding);
    expect(cv.roundingLabel).toMatch(rounding === 'none' ? /unrounded/ : /2 decimals/);
    expect(cv.priceSatisfaction.contributions.map((c) => c.name)).toEqual(PRICE.map((a) => a.name));
    expect(cv.priceSatisfaction.contributions[0]!.ratio).toBeCloseTo(rounding === 'none' ? 9 / 7 : 1.29, 12);
  });

  it.each([
    { quality: [{ name: 'q', weight: 100, ours: 6, theirs: 8 }], price: PRICE, position: 'worse value' },
    { quality: [{ name: 'q', weight: 100, ours: 1, theirs: 1 }], price: [{ name: 'p', weight: 100, ours: 1, theirs: 1 }], position: 'fair value' },
  ])('places the offer: $position', ({ position, quality, price }) => {
    expect(customerValueFigures(survey({ quality, price })).position).toBe(position);
  });

  it('is null with a reason, never 0, without a survey', () => {
    const cv = customerValueFigures({ competitor: '', rounding: 'none', quality: [], price: [] });
    for (const f of [cv.relativeQuality, cv.priceSatisfaction, cv.relativePrice, cv.valueAdvantage]) {
      expect(f.value).toBeNull();
      expect(f.reason).toContain('no value-map survey');
    }
    expect(cv.position).toBeNull();
    expect(cv.relativeQuality.contributions).toEqual([]);
  });

  it('with price attributes only: relative price, but no position', () => {
    const cv = customerValueFigures(survey({ quality: [] }));
    expect(cv.relativePrice.value!.toFixed(1)).toBe('84.2');
    expect(cv.valueAdvantage.value).toBeNull();
    expect(cv.valueAdvantage.reason).toContain('no quality attributes');
  });

  it('says when weights were rescaled to 100', () => {
    const cv = customerValueFigures(
      survey({
        quality: [
          { name: 'a', weight: 30, ours: 2, theirs: 1 },
          { name: 'b', weight: 30, ours: 1, theirs: 1 },
        ],
      }),
    );
    expect(cv.relativeQuality.value).toBeCloseTo(150, 9);
    expect(cv.relativeQuality.warning).toBe('weights sum to 60, rescaled to 100');
  });
});
