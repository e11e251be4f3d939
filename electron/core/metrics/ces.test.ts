import { describe, expect, it } from 'vitest';
import { cesFromCounts, cesFromScores } from './ces';

describe('CES fixtures (metrics.md)', () => {
  it('{7, 6, 6, 5, 7, 4, 2, 6, 5, 7} -> mean 5.5, share >= 5 is 80 %', () => {
    const r = cesFromScores([7, 6, 6, 5, 7, 4, 2, 6, 5, 7]);
    expect(r.value).toBeCloseTo(5.5, 12);
    expect(r.n).toBe(10);
    expect(r.easyShare.value).toBeCloseTo(80, 12);
    expect(r.easyShare.low).toBeCloseTo(49.0157, 3);
    expect(r.easyShare.high).toBeCloseTo(94.3319, 3);
    expect(r.distribution?.counts).toEqual([0, 1, 0, 1, 2, 3, 3]);
  });
});

describe('CES', () => {
  it.each([
    { scores: [4], mean: 4, easy: 0, sd: null },
    { scores: [7, 7, 7], mean: 7, easy: 100, sd: 0 },
    { scores: [1, 7], mean: 4, easy: 50, sd: Math.sqrt(18) },
    { scores: [5, null, undefined, 8, 0], mean: 5, easy: 100, sd: null },
  ])('$scores -> mean $mean, easy $easy %', ({ scores, mean, easy, sd }) => {
    const r = cesFromScores(scores);
    expect(r.value).toBeCloseTo(mean, 12);
    expect(r.easyShare.value).toBeCloseTo(easy, 12);
    if (sd === null) expect(r.sd).toBeNull();
    else expect(r.sd).toBeCloseTo(sd, 12);
  });

  it('counts give the same as answers', () => {
    expect(cesFromCounts([0, 1, 0, 1, 2, 3, 3]).value).toBeCloseTo(5.5, 12);
  });

  it.each([
    { name: 'no answers', r: () => cesFromScores([]) },
    { name: 'only missing', r: () => cesFromScores([null]) },
    { name: 'bad counts', r: () => cesFromCounts([1]) },
  ])('$name -> null, with a null easy share', ({ r }) => {
    const result = r();
    expect(result).toMatchObject({ value: null, n: 0, sd: null });
    expect(result.easyShare.value).toBeNull();
    expect(result.reason).toBeTruthy();
  });
});
