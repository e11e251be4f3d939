import { describe, expect, it } from 'vitest';
import { quantile } from './quantiles';
import { SKETCH_RELATIVE_ERROR, addToSketch, emptySketch, mergeSketch, sketchCount, sketchCountAtMost, sketchQuantile, slotOf, slotValue } from './sketch';
import { seeded } from '../../../tests/fixtures/testRandom';

const sketchOf = (values: number[]) => {
  const s = emptySketch();
  for (const v of values) addToSketch(s, v);
  return s;
};

describe('log-bucket sketch', () => {
  it('keeps every value within 1 % of itself', () => {
    expect(SKETCH_RELATIVE_ERROR).toBeLessThan(0.01);
    for (const x of [0.002, 0.5, 1, 5, 59.9, 60, 61, 1440, 10_000, 500_000]) {
      expect(Math.abs(slotValue(slotOf(x)) - x) / x).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR + 1e-12);
    }
    expect(slotValue(slotOf(0))).toBe(0);
  });

  it.each([0.5, 0.9])('p%s is within 1 %% of the exact quantile (type 7 and type 1) on skewed samples', (p) => {
    const random = seeded(7);
    for (const size of [1, 2, 10, 101, 5000]) {
      const values = Array.from({ length: size }, () => Math.exp(random() * 8) * (random() < 0.05 ? 0 : 1));
      const s = sketchOf(values);
      for (const method of ['linear', 'nearest-rank'] as const) {
        const exact = quantile(values, p, method).value!;
        const approx = sketchQuantile(s, p, method).value!;
        expect(Math.abs(approx - exact)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * exact + 1e-9);
      }
    }
  });

  it('the metrics.md response times: median 75 and p90 576 within 1 %', () => {
    const s = sketchOf([5, 12, 30, 45, 60, 90, 120, 240, 480, 1440]);
    expect(Math.abs(sketchQuantile(s, 0.5).value! - 75) / 75).toBeLessThan(0.01);
    expect(Math.abs(sketchQuantile(s, 0.9).value! - 576) / 576).toBeLessThan(0.01);
  });

  it('merging equals sketching the union; removing undoes it', () => {
    const a = sketchOf([1, 2, 3, 400]);
    const b = sketchOf([5, 6, 7000]);
    const merged = emptySketch();
    mergeSketch(merged, a);
    mergeSketch(merged, b);
    expect(merged).toEqual(sketchOf([1, 2, 3, 400, 5, 6, 7000]));
    mergeSketch(merged, b, -1);
    expect(merged).toEqual(a);
  });

  it('is null with a reason when empty, and counts values up to a limit', () => {
    expect(sketchQuantile(emptySketch(), 0.5)).toEqual({ value: null, n: 0, reason: 'no values' });
    const s = sketchOf([10, 30, 59, 61, 120]);
    expect(sketchCount(s)).toBe(5);
    expect(sketchCountAtMost(s, 60)).toBe(3);
  });
});
