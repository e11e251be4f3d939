import { describe, expect, it } from 'vitest';
import { shareWithInterval, wilsonInterval } from './interval';
import { randomInt, seeded } from '../../../tests/fixtures/testRandom';

describe('Wilson score interval (Wilson 1927)', () => {
  it.each([
    // Reference values from the closed form with z = 1.96 (0/10 -> [0, 27.75 %] is the textbook case).
    { x: 74, n: 107, low: 59.8713, high: 77.1184 },
    { x: 8, n: 10, low: 49.0157, high: 94.3319 },
    { x: 0, n: 10, low: 0, high: 27.754 },
    { x: 10, n: 10, low: 72.246, high: 100 },
    { x: 1, n: 1, low: 20.6543, high: 100 },
  ])('$x of $n -> [$low, $high] %', ({ x, n, low, high }) => {
    const r = shareWithInterval(x, n);
    expect(r?.low).toBeCloseTo(low, 3);
    expect(r?.high).toBeCloseTo(high, 3);
  });

  it.each([
    { x: 0, n: 0 },
    { x: 3, n: 2 },
    { x: -1, n: 5 },
  ])('$x of $n -> null', ({ x, n }) => {
    expect(wilsonInterval(x, n)).toBeNull();
    expect(shareWithInterval(x, n)).toBeNull();
  });

  it('property: contains the share, stays in [0, 1]', () => {
    const rand = seeded(1927);
    for (let k = 0; k < 500; k += 1) {
      const n = randomInt(rand, 1, 500);
      const x = randomInt(rand, 0, n);
      const ci = wilsonInterval(x, n)!;
      expect(ci.low).toBeGreaterThanOrEqual(0);
      expect(ci.high).toBeLessThanOrEqual(1);
      expect(ci.low).toBeLessThanOrEqual(x / n + 1e-12);
      expect(ci.high).toBeGreaterThanOrEqual(x / n - 1e-12);
    }
  });
});
