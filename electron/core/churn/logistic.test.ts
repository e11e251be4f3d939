import { describe, expect, it } from 'vitest';
import { auc, brier, calibration, topDecileLift } from './evaluation';
import { contributions, fitLogistic, predict, solveSpd } from './logistic';

describe('solveSpd', () => {
  it('solves a 2×2 system by hand: [[4,2],[2,3]]·v = [2,1] gives v = [0.5, 0]', () => {
    const v = solveSpd(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(v[0]).toBeCloseTo(0.5, 12);
    expect(v[1]).toBeCloseTo(0, 12);
  });
});

describe('fitLogistic', () => {
  it('one binary feature, λ → 0: the coefficients are the two groups’ log-odds (hand-computed)', () => {
    // x = 0: 1 churner of 4 (odds 1/3); x = 1: 3 of 4 (odds 3). Unregularised MLE: β₀ + β·z reproduces both.
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const fit = fitLogistic({ x, n: 8, p: 1 }, y, 1e-9);
    expect(fit.converged).toBe(true);
    expect(predict(fit, [0])).toBeCloseTo(0.25, 6);
    expect(predict(fit, [1])).toBeCloseTo(0.75, 6);
    // On the standardised scale (mean 0.5, sd 0.5): β = (ln 3 − ln 1/3) × 0.5 = ln 3.
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(3), 5);
    expect(fit.intercept).toBeCloseTo(0, 6);
  });

  it('the penalty shrinks the slope toward 0 and a constant column gets none', () => {
    const x = Float64Array.from([0, 5, 0, 5, 0, 5, 0, 5, 1, 5, 1, 5, 1, 5, 1, 5]);
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const loose = fitLogistic({ x, n: 8, p: 2 }, y, 1e-6);
    const tight = fitLogistic({ x, n: 8, p: 2 }, y, 10);
    expect(Math.abs(tight.coefficients[0]!)).toBeLessThan(Math.abs(loose.coefficients[0]!));
    expect(loose.coefficients[1]).toBe(0);
    // Contributions are β·z: a row at the mean contributes nothing.
    expect(contributions(loose, [0.5, 5])).toEqual([0, 0]);
  });
});

describe('evaluation', () => {
  it('AUC by hand: 3 churners, 2 stayers, one tie', () => {
    // Pairs (churner, stayer): (0.9,0.1) (0.9,0.4) (0.4,0.1) (0.4,0.4 tie = ½) (0.2,0.1) (0.2,0.4 = 0) → 4.5 of 6.
    expect(auc([0.9, 0.4, 0.2, 0.1, 0.4], [1, 1, 1, 0, 0])).toBeCloseTo(4.5 / 6, 12);
    expect(auc([0.3, 0.2], [1, 1])).toBeNull();
  });

  it('Brier, lift and calibration by hand', () => {
    expect(brier([0.8, 0.2], [1, 0])).toBeCloseTo(0.04, 12);
    const scores = Array.from({ length: 20 }, (_, i) => (20 - i) / 20);
    const labels = scores.map((_, i) => (i < 2 || i === 10 ? 1 : 0));
    // Top 10 % = 2 accounts, both churners: rate 1 ÷ overall 3/20.
    expect(topDecileLift(scores, labels)).toBeCloseTo(20 / 3, 12);
    const table = calibration(scores, labels);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ decile: 1, n: 2, meanPredicted: (1 + 0.95) / 2, observedRate: 1 });
    expect(table[5]!.observedRate).toBe(0.5);
  });
});
