import { describe, expect, it } from 'vitest';
import { csatFromCounts, csatFromScores } from './csat';

describe('CSAT top-2-box fixtures (metrics.md)', () => {
  it('5:42, 4:32, 3:10, 2:9, 1:14 -> 74 / 107 = 69.16 % (a popular tool shows 69)', () => {
    const r = csatFromCounts([14, 9, 10, 32, 42]);
    expect(r.n).toBe(107);
    expect(r.satisfied).toBe(74);
    expect(r.value).toBeCloseTo(69.16, 2);
    expect(Math.round(r.value!)).toBe(69);
    expect(r.low).toBeCloseTo(59.8713, 3);
    expect(r.high).toBeCloseTo(77.1184, 3);
  });
});

describe('CSAT from answers', () => {
  it.each([
    { scores: [5, 4, 3, 2, 1], value: 40, n: 5 },
    { scores: [5], value: 100, n: 1 },
    { scores: [1], value: 0, n: 1 },
    { scores: [5, 5, 4, 4], value: 100, n: 4 },
    { scores: [4, null, undefined, 2], value: 50, n: 2 },
    { scores: [4, 0, 6, 3.5], value: 100, n: 1 },
  ])('$scores -> $value % (n $n)', ({ scores, value, n }) => {
    const r = csatFromScores(scores);
    expect(r).toMatchObject({ value, n });
    expect(r.low!).toBeLessThanOrEqual(value);
    expect(r.high!).toBeGreaterThanOrEqual(value);
  });

  it.each([
    { name: 'no answers', r: () => csatFromScores([]), reason: 'no answers' },
    { name: 'only missing', r: () => csatFromScores([null, null]), reason: 'missing' },
    { name: 'bad counts', r: () => csatFromCounts([1, 2]), reason: 'expected 5' },
  ])('$name -> null', ({ r, reason }) => {
    const result = r();
    expect(result.value).toBeNull();
    expect(result.n).toBe(0);
    expect(result.reason).toContain(reason);
  });
});
