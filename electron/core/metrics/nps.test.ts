import { describe, expect, it } from 'vitest';
import { parseAnswer } from './distribution';
import { npsFromCounts, npsFromGroups, npsFromScores } from './nps';
import { randomInt, seeded } from '../../../tests/fixtures/testRandom';

/** metrics.md, "NPS": every worked example. */
describe('NPS fixtures (metrics.md)', () => {
  it.each([
    { name: '30 % promoters, 20 % detractors', groups: { promoters: 30, passives: 50, detractors: 20 }, nps: 10 },
    { name: 'the same shares on n = 10', groups: { promoters: 3, passives: 5, detractors: 2 }, nps: 10 },
    { name: '70 promoters, 10 passives, 20 detractors', groups: { promoters: 70, passives: 10, detractors: 20 }, nps: 50 },
  ])('$name -> $nps', ({ groups, nps }) => {
    expect(npsFromGroups(groups).value).toBeCloseTo(nps, 10);
  });

  it.each([
    { scores: [9, 10, 6, 8], nps: 25, n: 4, promoterPct: 50, detractorPct: 25 },
    // Passives stay in the denominator.
    { scores: [9, 7], nps: 50, n: 2, promoterPct: 50, detractorPct: 0 },
    // Missing answers are missing, never 0 (a 0 would be a detractor).
    { scores: [9, 10, 6, 8, null, undefined, Number.NaN], nps: 25, n: 4, promoterPct: 50, detractorPct: 25 },
  ])('answers $scores -> $nps', ({ scores, nps, n, promoterPct, detractorPct }) => {
    const r = npsFromScores(scores);
    expect(r).toMatchObject({ value: nps, n, promoterPct, detractorPct });
  });

  it('no answers -> null with a reason, not 0', () => {
    expect(npsFromScores([])).toMatchObject({ value: null, n: 0, reason: 'no answers' });
    expect(npsFromGroups({ promoters: 0, passives: 0, detractors: 0 }).value).toBeNull();
    const onlyMissing = npsFromScores([null, undefined]);
    expect(onlyMissing.value).toBeNull();
    expect(onlyMissing.reason).toContain('2 missing');
  });

  it.each(['', 'NA', 'n/a', ' N/A ', 'na'])('imported answer %j is missing, never 0', (raw) => {
    expect(parseAnswer(raw)).toBeNull();
    expect(npsFromScores([parseAnswer(raw), 9])).toMatchObject({ value: 100, n: 1 });
  });

  it('counts per score give the same as answers', () => {
    const counts = [20, 0, 0, 0, 0, 0, 0, 0, 10, 0, 70];
    expect(npsFromCounts(counts)).toMatchObject({ value: 50, n: 100, promoters: 70, passives: 10, detractors: 20 });
    expect(npsFromCounts(counts).distribution?.counts).toEqual(counts);
  });
});

describe('NPS interval and edges', () => {
  it('95 % interval from var = (p + d − (p − d)²) / n', () => {
    // p = .7, d = .2, n = 100: var = (0.9 − 0.25) / 100 = 0.0065; 1.96 · sqrt(0.0065) · 100 = 15.8022
    const r = npsFromGroups({ promoters: 70, passives: 10, detractors: 20 });
    expect(r.low).toBeCloseTo(50 - 15.8022, 3);
    expect(r.high).toBeCloseTo(50 + 15.8022, 3);
    expect(r.warning).toBeUndefined();
  });

  it.each([
    { name: 'one promoter', scores: [10], value: 100, low: 100, high: 100 },
    { name: 'one detractor', scores: [0], value: -100, low: -100, high: -100 },
    { name: 'all promoters', scores: Array<number>(40).fill(9), value: 100, low: 100, high: 100 },
    { name: 'all passives', scores: [7, 8, 7, 8], value: 0, low: 0, high: 0 },
  ])('$name', ({ scores, value, low, high }) => {
    expect(npsFromScores(scores)).toMatchObject({ value, low, high });
  });

  it('clamps the interval to −100..100', () => {
    const r = npsFromGroups({ promoters: 9, passives: 0, detractors: 1 });
    expect(r.high).toBe(100);
    expect(r.low).toBeGreaterThan(-100);
  });

  it.each([
    { n: 1, warned: true },
    { n: 29, warned: true },
    { n: 30, warned: false },
  ])('warning below 30 answers (n = $n)', ({ n, warned }) => {
    const r = npsFromScores(Array<number>(n).fill(9));
    expect(r.warning !== undefined).toBe(warned);
  });

  it.each([{ name: 'off-scale and fractional answers', scores: [11, -1, 9.5], reason: 'off the scale' }])('$name are not counted', ({ scores, reason }) => {
    const r = npsFromScores(scores);
    expect(r.value).toBeNull();
    expect(r.reason).toContain(reason);
  });

  it.each([{ counts: [1, 2, 3] }, { counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1] }, { counts: [1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }])(
    'bad counts $counts give null',
    ({ counts }) => {
      expect(npsFromCounts(counts).value).toBeNull();
    },
  );

  it('property: the interval contains the estimate, stays in range, never NaN', () => {
    const rand = seeded(2003);
    for (let k = 0; k < 500; k += 1) {
      const scores = Array.from({ length: randomInt(rand, 1, 60) }, () => randomInt(rand, 0, 10));
      const r = npsFromScores(scores);
      expect(r.value).not.toBeNull();
      const { value, low, high } = r as { value: number; low: number; high: number };
      expect([value, low, high].every(Number.isFinite)).toBe(true);
      expect(low).toBeLessThanOrEqual(value + 1e-9);
      expect(high).toBeGreaterThanOrEqual(value - 1e-9);
      expect(low).toBeGreaterThanOrEqual(-100);
      expect(high).toBeLessThanOrEqual(100);
      expect(r.promoters + r.passives + r.detractors).toBe(r.n);
    }
  });
});
