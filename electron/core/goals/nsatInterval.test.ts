import { describe, expect, it } from 'vitest';
import { nsatInterval } from './nsatInterval';

describe('nsatInterval', () => {
  it('is NPS’s normal approximation on the very satisfied and dissatisfied shares, by hand', () => {
    // 60 very satisfied, 20 somewhat, 10 + 10 dissatisfied of 100 (don't know and n/a left out):
    // NSAT = 60 − 20 + 100 = 140; var = (0.6 + 0.2 − 0.16) / 100 = 0.0064; half = 1.96 · 0.08 · 100 = 15.68.
    const interval = nsatInterval([60, 20, 10, 10, 7, 3])!;
    expect(interval.low).toBeCloseTo(124.32, 6);
    expect(interval.high).toBeCloseTo(155.68, 6);
  });
  it('stays on the 0..200 scale and has none without answers', () => {
    expect(nsatInterval([3, 0, 0, 0, 0, 0])).toEqual({ low: 200, high: 200 });
    expect(nsatInterval([1, 0, 0, 1, 0, 0])!.low).toBeGreaterThanOrEqual(0);
    expect(nsatInterval([0, 0, 0, 0, 4, 0])).toBeNull();
  });
});
