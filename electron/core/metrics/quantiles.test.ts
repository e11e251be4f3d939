import { describe, expect, it } from 'vitest';
import { DEFAULT_QUANTILE_METHOD, QUANTILE_METHOD_LABELS, type QuantileMethod, median, p90, quantile, quantiles } from './quantiles';
import { randomInt, seeded } from '../../../tests/fixtures/testRandom';

const RESPONSE_MINUTES = [5, 12, 30, 45, 60, 90, 120, 240, 480, 1440];

describe('quantile fixtures (metrics.md): response times in minutes', () => {
  it.each([
    { method: 'linear', p: 0.5, expected: 75 },
    { method: 'linear', p: 0.9, expected: 576 },
    { method: 'nearest-rank', p: 0.5, expected: 60 },
    { method: 'nearest-rank', p: 0.9, expected: 480 },
  ] as { method: QuantileMethod; p: number; expected: number }[])('$method p$p -> $expected', ({ method, p, expected }) => {
    const r = quantile(RESPONSE_MINUTES, p, method);
    expect(r.value).toBeCloseTo(expected, 9);
    expect(r).toMatchObject({ n: 10, p, method, missing: 0 });
  });

  it('the order of the input does not matter', () => {
    const shuffled = [1440, 5, 90, 30, 480, 12, 240, 60, 120, 45];
    expect(median(shuffled).value).toBeCloseTo(75, 9);
    expect(p90(shuffled).value).toBeCloseTo(576, 9);
    expect(median(shuffled, 'nearest-rank').value).toBe(60);
    expect(p90(shuffled, 'nearest-rank').value).toBe(480);
  });

  it('the default is linear (Hyndman-Fan type 7), named for the UI', () => {
    expect(DEFAULT_QUANTILE_METHOD).toBe('linear');
    expect(QUANTILE_METHOD_LABELS[DEFAULT_QUANTILE_METHOD]).toContain('type 7');
    expect(quantiles(RESPONSE_MINUTES, [0.5, 0.9]).map((q) => q.value)).toEqual([75, expect.closeTo(576, 9)]);
  });
});

describe('quantiles', () => {
  it.each([
    // NumPy's default (linear) on [1, 2, 3, 4]: p25 = 1.75, p50 = 2.5, p75 = 3.25.
    { values: [1, 2, 3, 4], p: 0.25, linear: 1.75, nearest: 1 },
    { values: [1, 2, 3, 4], p: 0.5, linear: 2.5, nearest: 2 },
    { values: [1, 2, 3, 4], p: 0.75, linear: 3.25, nearest: 3 },
    { values: [1, 2, 3, 4], p: 0.3, linear: 1.9, nearest: 2 },
    { values: [1, 2, 3, 4], p: 0, linear: 1, nearest: 1 },
    { values: [1, 2, 3, 4], p: 1, linear: 4, nearest: 4 },
    { values: [42], p: 0.9, linear: 42, nearest: 42 },
    { values: [3, null, 1, undefined, Number.NaN, 2], p: 0.5, linear: 2, nearest: 2 },
    // 0.7 · 10 = 7.000000000000001 in floating point: still rank 7.
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0.7, linear: 7.3, nearest: 7 },
  ])('$values p$p -> linear $linear, nearest $nearest', ({ values, p, linear, nearest }) => {
    expect(quantile(values, p, 'linear').value).toBeCloseTo(linear, 9);
    expect(quantile(values, p, 'nearest-rank').value).toBe(nearest);
  });

  it.each([
    { values: [], p: 0.5, reason: 'no values' },
    { values: [null, Number.NaN], p: 0.5, reason: '2 missing' },
    { values: [1, 2], p: 1.5, reason: 'between 0 and 1' },
    { values: [1, 2], p: Number.NaN, reason: 'between 0 and 1' },
  ])('$values p$p -> null ($reason)', ({ values, p, reason }) => {
    const r = quantile(values, p);
    expect(r.value).toBeNull();
    expect(r.reason).toContain(reason);
    expect(quantiles(values, [p])[0]?.value).toBeNull();
  });

  it('property: monotone in p, within [min, max]; nearest rank is an observed value', () => {
    const rand = seeded(1996);
    const ps = Array.from({ length: 21 }, (_, k) => k / 20);
    for (let trial = 0; trial < 200; trial += 1) {
      const values = Array.from({ length: randomInt(rand, 1, 40) }, () => randomInt(rand, 0, 2000));
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      for (const method of ['linear', 'nearest-rank'] as const) {
        const qs = quantiles(values, ps, method).map((q) => q.value as number);
        qs.forEach((q, k) => {
          expect(q).toBeGreaterThanOrEqual(lo);
          expect(q).toBeLessThanOrEqual(hi);
          if (k > 0) expect(q).toBeGreaterThanOrEqual(qs[k - 1]! - 1e-9);
          if (method === 'nearest-rank') expect(values).toContain(q);
        });
      }
    }
  });
});
