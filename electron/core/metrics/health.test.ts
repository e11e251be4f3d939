import { describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_FLOOR_PCT, type HealthComponentInput, healthBand, healthScore } from './health';
import { randomInt, seeded } from '../../../tests/fixtures/testRandom';

const components = (weights: number[], scores: (number | null)[]): HealthComponentInput[] => weights.map((weight, k) => ({ id: `c${k + 1}`, weight, score: scores[k] ?? null }));

describe('health score fixtures (metrics.md): Σ w·s / Σ w over the measures with data', () => {
  it.each([
    { weights: [20, 15, 22], scores: [47, 59, 21], numerator: 2287, denominator: 57, value: 40.12, coverage: 100, band: 'red' },
    {
      weights: [15, 5, 5, 33, 20, 17, 5],
      scores: [100, 50, 0, 100, 50, null, 100],
      numerator: 6550,
      denominator: 83,
      value: 78.92,
      coverage: 83,
      band: 'green',
    },
  ])('$numerator / $denominator = $value, coverage $coverage %', ({ weights, scores, numerator, denominator, value, coverage, band }) => {
    const r = healthScore(components(weights, scores));
    expect(r.value).toBeCloseTo(numerator / denominator, 12);
    expect(r.value!.toFixed(2)).toBe(value.toFixed(2));
    expect(r.coveragePct).toBeCloseTo(coverage, 12);
    expect(r.band).toBe(band);
    expect(r.n).toBe(scores.filter((s) => s !== null).length);
    // Each contribution w·s / Σw explains the score: they sum to it.
    const sum = r.contributions.reduce((s, c) => s + (c.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(r.value!, 12);
  });

  it('the missing measure is listed and has no contribution', () => {
    const r = healthScore(components([15, 5, 5, 33, 20, 17, 5], [100, 50, 0, 100, 50, null, 100]));
    expect(r.missing).toEqual(['c6']);
    expect(r.contributions[5]?.contribution).toBeNull();
    expect(r.contributions[0]?.contribution).toBeCloseTo(1500 / 83, 12);
  });
});

describe('health score coverage floor and bands', () => {
  it.each([
    { weights: [50, 50], scores: [80, null], floor: 60, value: null },
    { weights: [60, 40], scores: [80, null], floor: 60, value: 80 },
    { weights: [50, 50], scores: [80, null], floor: 50, value: 80 },
    { weights: [50, 50], scores: [null, null], floor: 0, value: null },
  ])('coverage of $scores with floor $floor -> $value', ({ weights, scores, floor, value }) => {
    const r = healthScore(components(weights, scores), { coverageFloorPct: floor });
    expect(r.value).toBe(value);
    if (value === null) {
      expect(r.reason).toContain('insufficient data');
      expect(r.band).toBeNull();
    }
  });

  it('the default floor is 60 % and the reason names it', () => {
    expect(DEFAULT_COVERAGE_FLOOR_PCT).toBe(60);
    expect(healthScore(components([45, 55], [90, null])).reason).toBe('insufficient data: coverage 45 % (< 60 %)');
  });

  it.each([
    { score: 0, band: 'red' },
    { score: 49.99, band: 'red' },
    { score: 50, band: 'amber' },
    { score: 69.99, band: 'amber' },
    { score: 70, band: 'green' },
    { score: 100, band: 'green' },
    { score: null, band: null },
  ])('band of $score -> $band', ({ score, band }) => {
    expect(healthBand(score)).toBe(band);
  });

  it('bands are configurable', () => {
    expect(healthScore(components([1], [65]), { bands: { redBelow: 40, amberBelow: 60 } }).band).toBe('green');
  });

  it.each([
    { name: 'no components', input: [], reason: 'no components' },
    { name: 'all weights 0', input: components([0, 0], [50, 50]), reason: 'weights are 0' },
    { name: 'score above 100', input: components([1], [101]), reason: '0-100' },
    { name: 'NaN score', input: components([1], [Number.NaN]), reason: '0-100' },
    { name: 'negative weight', input: components([-1], [50]), reason: 'weight' },
  ])('$name -> null', ({ input, reason }) => {
    const r = healthScore(input);
    expect(r.value).toBeNull();
    expect(r.reason).toContain(reason);
  });

  it('property: the score lies between the lowest and highest component score', () => {
    const rand = seeded(2008);
    for (let k = 0; k < 300; k += 1) {
      const size = randomInt(rand, 1, 8);
      const weights = Array.from({ length: size }, () => randomInt(rand, 0, 30));
      const scores = Array.from({ length: size }, () => (rand() < 0.2 ? null : randomInt(rand, 0, 100)));
      const r = healthScore(components(weights, scores), { coverageFloorPct: 0 });
      if (r.value === null) continue;
      const present = scores.filter((s, i) => s !== null && weights[i]! > 0) as number[];
      expect(r.value).toBeGreaterThanOrEqual(Math.min(...present) - 1e-9);
      expect(r.value).toBeLessThanOrEqual(Math.max(...present) + 1e-9);
      expect(Number.isFinite(r.coveragePct)).toBe(true);
    }
  });
});
