import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, expectedPurchases, fitBgNbd, hyp2f1, probabilityAlive } from './bgnbd';
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood, spendSample } from './gammaGamma';

// The published fits on the CDNOW sample's summaries (tests/fixtures/cdnow/README.md): BG/NBD from
// Fader, Hardie & Lee (2005), Gamma-Gamma from Fader & Hardie's note.

const FIXTURES = join(__dirname, '../../../tests/fixtures/cdnow');
function csv(name: string): number[][] {
  const [, ...lines] = readFileSync(join(FIXTURES, name), 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => line.split(',').map(Number));
}
const within = (actual: number, expected: number, share: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(share);

describe('BG/NBD on the CDNOW summary', () => {
  const rows = csv('cdnow_customers_summary.csv');
  const data = { x: rows.map((r) => r[1]!), tx: rows.map((r) => r[2]!), T: rows.map((r) => r[3]!) };

  it('has 2,357 customers', () => expect(rows.length).toBe(2357));

  it('the log-likelihood at the published parameters is −9582.4', () => {
    expect(bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, data)).toBeCloseTo(-9582.4, 0);
  });

  it('maximum likelihood reproduces r 0.243, α 4.414, a 0.793, b 2.426 (0.5 %) and LL −9582.4 (±0.5)', () => {
    const fit = fitBgNbd(data);
    within(fit.params.r, 0.243, 0.005);
    within(fit.params.alpha, 4.414, 0.005);
    within(fit.params.a, 0.793, 0.005);
    within(fit.params.b, 2.426, 0.005);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.5);
    expect(fit.n).toBe(2357);
  });

  it('conditional expectations at the published parameters (paper, p. 279: x 2, t_x 30.43, T 38.86 → 1.23 in 39 weeks)', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    // The paper's worked example is a customer with these figures buying 1.226 times in weeks 40-78.
    expect(expectedPurchases(p, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 2);
    // x = 0: never dropped after a purchase, alive with probability 1.
    expect(probabilityAlive(p, 0, 0, 38.86)).toBe(1);
    // By hand: odds = a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) = 0.793/3.426 · (43.274/34.844)^2.243.
    const odds = (0.793 / 3.426) * (43.274 / 34.844) ** 2.243;
    expect(probabilityAlive(p, 2, 30.43, 38.86)).toBeCloseTo(1 / (1 + odds), 12);
    expect(expectedPurchases(p, 2, 30.43, 38.86, 0)).toBe(0);
  });

  it('2F1 by its series: 2F1(1, 1; 2; z) = −ln(1−z)/z', () => {
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
    expect(hyp2f1(1, 1, 2, 0.9)).toBeCloseTo(-Math.log(0.1) / 0.9, 10);
  });
});

describe('Gamma-Gamma on the CDNOW summary with transactions', () => {
  const rows = csv('cdnow_customers_summary_with_transactions.csv');
  const data = { x: rows.map((r) => r[1]!), zbar: rows.map((r) => r[4]!) };

  it('maximum likelihood over the customers with x > 0 reproduces p 6.25, q 3.74, γ 15.44 (0.5 %)', () => {
    const fit = fitGammaGamma(data);
    expect(fit.n).toBe(946);
    within(fit.params.p, 6.25, 0.005);
    within(fit.params.q, 3.74, 0.005);
    within(fit.params.gamma, 15.44, 0.005);
    // The maximum is at least as likely as the published (rounded) parameters.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, spendSample(data)));
  });

  it('expected spend, by hand: (γ + x z̄) p / (px + q − 1)', () => {
    const p = { p: 6.25, q: 3.74, gamma: 15.44 };
    expect(expectedSpend(p, 2, 22.35)).toBeCloseTo(((15.44 + 2 * 22.35) * 6.25) / (6.25 * 2 + 3.74 - 1), 12);
    expect(expectedSpend(p, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(expectedSpend({ ...p, q: 0.9 }, 0, 0)).toBeNull();
  });
});
