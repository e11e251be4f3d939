import { describe, expect, it } from 'vitest';
import { logAddExp, logGamma, nelderMead } from './optimize';

describe('logGamma', () => {
  it('matches ln((n−1)!) and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(21)).toBeCloseTo(Math.log(2432902008176640000), 9);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Reflection below ½: Γ(0.1) = 9.5135076986687...
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 12);
  });
});

describe('logAddExp', () => {
  it('adds in log space without overflow', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 2)).toBe(2);
  });
});

describe('nelderMead', () => {
  it('finds the minimum of Rosenbrock’s valley at (1, 1)', () => {
    const result = nelderMead(([x, y]) => (1 - x!) ** 2 + 100 * (y! - x! ** 2) ** 2, [-1.2, 1], { tolerance: 1e-14 });
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.value).toBeLessThan(1e-8);
  });

  it('treats a non-finite value as a wall and stays inside the valid region', () => {
    const result = nelderMead(([x]) => (x! <= 0 ? NaN : (Math.log(x!) - 2) ** 2), [1], { tolerance: 1e-14 });
    expect(result.x[0]).toBeCloseTo(Math.exp(2), 4);
  });

  it('a quadratic in four dimensions', () => {
    const target = [3, -1, 0.5, 2];
    const result = nelderMead((x) => x.reduce((s, v, k) => s + (k + 1) * (v - target[k]!) ** 2, 0), [0, 0, 0, 0], { tolerance: 1e-14 });
    result.x.forEach((v, k) => expect(v).toBeCloseTo(target[k]!, 4));
  });
});
