import { describe, expect, it } from 'vitest';
import { DEFAULT_RATIO_ROUNDING, RATIO_ROUNDING_LABELS, type RatioRounding, relativePrice, relativeScore, roundHalfUp2, valueMapPosition } from './valueMap';

/** metrics.md, "Customer value (value map after Gale)": the luxury-car price profile. */
const PRICE_PROFILE = [
  { name: 'purchase price', weight: 60, ours: 9, theirs: 7 },
  { name: 'trade-in value', weight: 20, ours: 6, theirs: 6 },
  { name: 'resale value', weight: 10, ours: 9, theirs: 8 },
  { name: 'finance rate', weight: 10, ours: 7, theirs: 7 },
];

describe('value map fixtures (metrics.md)', () => {
  it.each([
    { rounding: 'ratio-2dp', score: 118.7, ratios: [1.29, 1, 1.13, 1] },
    { rounding: 'none', score: 118.392857, ratios: [9 / 7, 1, 1.125, 1] },
  ] as { rounding: RatioRounding; score: number; ratios: number[] }[])('$rounding -> $score', ({ rounding, score, ratios }) => {
    const r = relativeScore(PRICE_PROFILE, rounding);
    expect(r.value).toBeCloseTo(score, 6);
    expect(r).toMatchObject({ n: 4, rounding });
    expect(r.contributions.map((c) => c.ratio)).toEqual(ratios.map((x) => expect.closeTo(x, 12)));
    expect(r.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(r.value!, 12);
    expect(r.warning).toBeUndefined();
  });

  it('displayed to 2 decimals: 118.70 (rounded ratios) and 118.39 (unrounded)', () => {
    expect(relativeScore(PRICE_PROFILE, 'ratio-2dp').value!.toFixed(2)).toBe('118.70');
    expect(relativeScore(PRICE_PROFILE, 'none').value!.toFixed(2)).toBe('118.39');
  });

  it('relative price = 100 / 118.7 = 84.2 (competitor = 100)', () => {
    const score = relativeScore(PRICE_PROFILE, 'ratio-2dp');
    expect(relativePrice(score).value!.toFixed(1)).toBe('84.2');
    expect(relativePrice(118.7).value).toBeCloseTo(84.246, 3);
  });

  it('the default rule is unrounded, and each rule has a label', () => {
    expect(DEFAULT_RATIO_ROUNDING).toBe('none');
    expect(relativeScore(PRICE_PROFILE).value).toBeCloseTo(118.392857, 6);
    expect(RATIO_ROUNDING_LABELS['ratio-2dp']).toContain('2 decimals');
  });
});

describe('value map', () => {
  it.each([
    { x: 9 / 7, rounded: 1.29 },
    { x: 1.125, rounded: 1.13 },
    { x: 1.005, rounded: 1.01 },
    { x: 1, rounded: 1 },
    { x: 0.994999, rounded: 0.99 },
    { x: 1e-7, rounded: 0 },
  ])('roundHalfUp2($x) = $rounded', ({ x, rounded }) => {
    expect(roundHalfUp2(x)).toBe(rounded);
  });

  it('parity scores 100', () => {
    expect(relativeScore([{ name: 'quality', weight: 100, ours: 7, theirs: 7 }]).value).toBe(100);
  });

  it('weights not summing to 100 are rescaled, with a warning', () => {
    const r = relativeScore([
      { name: 'a', weight: 3, ours: 8, theirs: 4 },
      { name: 'b', weight: 1, ours: 4, theirs: 4 },
    ]);
    expect(r.value).toBeCloseTo(175, 12);
    expect(r.warning).toContain('rescaled');
  });

  it.each([
    { attrs: [], reason: 'no attributes' },
    { attrs: [{ name: 'a', weight: 100, ours: 8, theirs: 0 }], reason: 'above 0' },
    { attrs: [{ name: 'a', weight: -1, ours: 8, theirs: 4 }], reason: '≥ 0' },
    { attrs: [{ name: 'a', weight: 0, ours: 8, theirs: 4 }], reason: 'sum to 0' },
  ])('%# -> null ($reason)', ({ attrs, reason }) => {
    const r = relativeScore(attrs);
    expect(r.value).toBeNull();
    expect(r.reason).toContain(reason);
  });

  it.each([
    { score: 0, value: null },
    { score: { value: null, n: 0, reason: 'no attributes' }, value: null },
    { score: 100, value: 100 },
  ])('relative price of $score -> $value', ({ score, value }) => {
    expect(relativePrice(score).value).toBe(value);
  });

  it.each([
    { quality: 110, price: 84.2, position: 'better value' },
    { quality: 90, price: 105, position: 'worse value' },
    { quality: 100, price: 100, position: 'fair value' },
  ])('quality $quality, price $price -> $position', ({ quality, price, position }) => {
    expect(valueMapPosition(quality, price)?.position).toBe(position);
  });
});
