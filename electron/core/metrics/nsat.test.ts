import { describe, expect, it } from 'vitest';
import { type NsatNonAnswer, nsatFromCounts, nsatFromResponses } from './nsat';

describe('NSAT fixtures (metrics.md): "don\'t know" and n/a excluded from the base', () => {
  it.each([
    {
      name: 'VS 85, SS 0, SD 0, VD 0, DK 15, NA 37',
      counts: { verySatisfied: 85, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0, dontKnow: 15, notApplicable: 37 },
      nsat: 200,
      n: 85,
    },
    {
      name: 'VS 0, SS 0, SD 57, VD 23, DK 9, NA 12',
      counts: { verySatisfied: 0, somewhatSatisfied: 0, somewhatDissatisfied: 57, veryDissatisfied: 23, dontKnow: 9, notApplicable: 12 },
      nsat: 0,
      n: 80,
    },
  ])('$name -> $nsat', ({ counts, nsat, n }) => {
    const r = nsatFromCounts(counts);
    expect(r).toMatchObject({ value: nsat, n });
    expect(r.excluded).toMatchObject({ dontKnow: counts.dontKnow, notApplicable: counts.notApplicable });
  });
});

describe('NSAT', () => {
  it.each([
    // VSAT 50 %, DSAT 25 % -> 125
    { counts: { verySatisfied: 2, somewhatSatisfied: 1, somewhatDissatisfied: 0, veryDissatisfied: 1 }, nsat: 125 },
    // Somewhat satisfied only: neither VSAT nor DSAT -> 100
    { counts: { verySatisfied: 0, somewhatSatisfied: 3, somewhatDissatisfied: 0, veryDissatisfied: 0 }, nsat: 100 },
    { counts: { verySatisfied: 1, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0 }, nsat: 200 },
  ])('%# -> $nsat', ({ counts, nsat }) => {
    expect(nsatFromCounts(counts).value).toBe(nsat);
  });

  it('from stored responses: score 1..4 or a non-answer', () => {
    const nonAnswer = (k: NsatNonAnswer) => ({ score: null, nonAnswer: k });
    const r = nsatFromResponses([{ score: 1 }, { score: 1 }, { score: 2 }, { score: 4 }, nonAnswer('dont_know'), nonAnswer('not_applicable'), { score: null }, { score: 5 }]);
    expect(r).toMatchObject({ value: 125, n: 4, vsatPct: 50, dsatPct: 25 });
    expect(r.excluded).toEqual({ dontKnow: 1, notApplicable: 1, missing: 2 });
    expect(r.distribution?.counts).toEqual([2, 1, 0, 1]);
  });

  it.each([
    { name: 'no answers', r: () => nsatFromResponses([]), reason: 'no answers' },
    {
      name: "only don't know / n/a",
      r: () => nsatFromCounts({ verySatisfied: 0, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0, dontKnow: 3 }),
      reason: "3 don't know",
    },
    {
      name: 'negative counts',
      r: () => nsatFromCounts({ verySatisfied: -1, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0 }),
      reason: 'whole numbers',
    },
  ])('$name -> null', ({ r, reason }) => {
    const result = r();
    expect(result).toMatchObject({ value: null, n: 0 });
    expect(result.reason).toContain(reason);
  });
});

describe('NSAT interval', () => {
  it('is NPS’s normal approximation on the very satisfied and dissatisfied shares, by hand', () => {
    // 60 very satisfied, 20 somewhat, 10 + 10 dissatisfied of 100 (don't know and n/a left out):
    // NSAT = 60 − 20 + 100 = 140; var = (0.6 + 0.2 − 0.16) / 100 = 0.0064; half = 1.96 · 0.08 · 100 = 15.68.
    const r = nsatFromCounts({ verySatisfied: 60, somewhatSatisfied: 20, somewhatDissatisfied: 10, veryDissatisfied: 10, dontKnow: 7, notApplicable: 3 });
    expect(r.value).toBe(140);
    expect(r.low).toBeCloseTo(124.32, 6);
    expect(r.high).toBeCloseTo(155.68, 6);
  });
  it('stays on the 0..200 scale and has none without answers', () => {
    expect(nsatFromCounts({ verySatisfied: 3, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0 })).toMatchObject({ low: 200, high: 200 });
    expect(nsatFromCounts({ verySatisfied: 1, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 1 }).low).toBeGreaterThanOrEqual(0);
    expect(nsatFromCounts({ verySatisfied: 0, somewhatSatisfied: 0, somewhatDissatisfied: 0, veryDissatisfied: 0, dontKnow: 4 }).low).toBeUndefined();
  });
});
