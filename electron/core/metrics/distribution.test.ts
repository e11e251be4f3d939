import { describe, expect, it } from 'vitest';
import { countBetween, distributionFromCounts, distributionOf, parseAnswer, sharesOf } from './distribution';

describe('parseAnswer: a missing answer is missing, never 0 (metrics.md)', () => {
  it.each([
    { raw: '', expected: null },
    { raw: '   ', expected: null },
    { raw: 'NA', expected: null },
    { raw: 'n/a', expected: null },
    { raw: 'N/A', expected: null },
    { raw: null, expected: null },
    { raw: undefined, expected: null },
    { raw: Number.NaN, expected: null },
    { raw: 'seven', expected: null },
    { raw: '0', expected: 0 },
    { raw: ' 7 ', expected: 7 },
    { raw: 9, expected: 9 },
    { raw: 0, expected: 0 },
  ])('$raw -> $expected', ({ raw, expected }) => {
    expect(parseAnswer(raw)).toBe(expected);
  });
});

describe('distributions', () => {
  it('counts answers per scale point and keeps missing and off-scale apart', () => {
    const d = distributionOf([1, 2, 2, 5, null, undefined, 6, 0, 2.5], 1, 5);
    expect(d).toEqual({ min: 1, max: 5, counts: [1, 2, 0, 0, 1], n: 4, missing: 2, invalid: 3 });
    expect(countBetween(d, 4, 5)).toBe(1);
    expect(countBetween(d, 0, 99)).toBe(4);
    expect(sharesOf(d)).toEqual([25, 50, 0, 0, 25]);
  });

  it.each([
    { counts: [1, 2, 3], ok: false },
    { counts: [1, 2, 3, 4, -1], ok: false },
    { counts: [1, 2, 3, 4, 0.5], ok: false },
    { counts: [0, 0, 0, 0, 0], ok: true },
  ])('fromCounts $counts valid: $ok', ({ counts, ok }) => {
    expect(distributionFromCounts(counts, 1, 5) !== null).toBe(ok);
  });

  it('empty base gives null shares, not NaN', () => {
    expect(sharesOf(distributionOf([], 1, 5))).toEqual([null, null, null, null, null]);
  });
});
