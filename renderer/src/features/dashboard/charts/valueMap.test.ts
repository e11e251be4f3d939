import { describe, expect, it } from 'vitest';
import { behindValueMap } from '../definition';
import { formatIndex, valueMapOption, valueMapRange, valueMapSummary, type CustomerValue } from './valueMap';

const mv = (definition: string, value: number | null, n: number, extra = {}) => ({
  definition,
  value,
  n,
  ...(value === null ? { reason: 'no value-map survey entered' } : {}),
  ...extra,
});
const contribution = { name: 'purchase price', weight: 60, ours: 9, theirs: 7, ratio: 1.29, contribution: 77.4 };
const cv = (quality: number | null, price: number | null): CustomerValue => ({
  competitor: 'Marque B',
  rounding: 'ratio-2dp',
  roundingLabel: 'ratios rounded to 2 decimals (half up) before weighting',
  relativeQuality: { ...mv('valueMap', quality, 2), contributions: [] },
  priceSatisfaction: { ...mv('valueMap', price === null ? null : 10_000 / price, 4), contributions: [contribution] },
  relativePrice: mv('valueMap', price, 4),
  valueAdvantage: mv('valueAdvantage', quality !== null && price !== null ? quality - price : null, 6),
  position: quality === null || price === null ? null : quality > price ? 'better value' : quality < price ? 'worse value' : 'fair value',
});

const series = (option: unknown) => (option as { series: Record<string, any>[] }).series;

describe('value map chart', () => {
  it('puts us at (relative price, relative quality), the competitor at parity, and the fair-value diagonal through (100, 100)', () => {
    const option = valueMapOption(cv(130, 84.246), 'en-US')!;
    const [line, points] = series(option);
    expect(line!.data).toEqual([
      [70, 70],
      [140, 140],
    ]);
    expect(points!.data.map((d: { name: string; value: number[] }) => [d.name, d.value])).toEqual([
      ['Us', [84.246, 130]],
      ['Marque B', [100, 100]],
    ]);
    expect((option as any).xAxis.name).toBe('Relative price');
  });

  it.each([
    { point: { price: 100, quality: 100 }, range: [80, 120] },
    { point: { price: 84.2, quality: 130 }, range: [70, 140] },
    { point: { price: 150, quality: 60 }, range: [50, 160] },
  ])('axes hold parity and the point: $range', ({ point, range }) => {
    expect(valueMapRange(point)).toEqual(range);
  });

  it('reads as one line, or says why there is no point', () => {
    expect(valueMapSummary(cv(130, 84.246), 'en-US')).toBe('Better value: quality 130.0 vs price 84.2 (+45.8)');
    expect(valueMapOption(cv(null, 84.2))).toBeUndefined();
    expect(valueMapSummary(cv(null, null))).toBe('no value-map survey entered');
    expect(formatIndex(118.7, 'de-DE')).toBe('118,7');
  });

  it('explains each attribute’s part in its definition panel', () => {
    const behind = behindValueMap(cv(130, 84.246), 'en-US');
    const rows = Object.fromEntries(behind.figures.map((f) => [f.label, f.value]));
    expect(rows['Relative price']).toBe('84.2');
    expect(rows['Rounding rule']).toContain('2 decimals');
    expect(rows['Price: purchase price (weight 60)']).toBe('1.29 → 77.4');
  });
});
