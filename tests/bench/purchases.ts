// Issue 16's purchase models: BG/NBD and Gamma-Gamma fitted by maximum likelihood on 25,000
// customers (electron/core/purchases/), and every customer scored (expected purchases, P(alive),
// three years of CLV), beside a plain pass over the same typed arrays (the per-customer logs of one
// likelihood evaluation: the floor of any fit's single step). The customers are simulated from the
// published CDNOW fits, so the fit also shows it recovers them.
import { fitBgNbd } from '../../electron/core/purchases/bgnbd';
import { fitGammaGamma } from '../../electron/core/purchases/gammaGamma';
import { scoreCustomer } from '../../electron/core/purchases/score';
import { summarize, type Benchmark, type Measurement } from './types';

const CUSTOMERS = 25_000;
const TRUE = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 };

/** A seeded generator (mulberry32) and the draws the models need. */
function random(seed: number) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia & Tsang (2000); shape below 1 by the boost U^(1/shape).
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return { uniform, gamma };
}

/** Customers born in the first 12 weeks of a 39-week calibration, buying and dropping out as BG/NBD says, spending as Gamma-Gamma says. */
function simulate() {
  const rnd = random(16);
  const x = new Float64Array(CUSTOMERS);
  const tx = new Float64Array(CUSTOMERS);
  const T = new Float64Array(CUSTOMERS);
  const zbar = new Float64Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) {
    T[i] = 39 - 12 * rnd.uniform();
    const lambda = rnd.gamma(TRUE.r, TRUE.alpha);
    const g1 = rnd.gamma(TRUE.a, 1);
    const p = g1 / (g1 + rnd.gamma(TRUE.b, 1));
    const nu = rnd.gamma(TRUE.q, TRUE.gamma);
    let t = 0;
    let spent = 0;
    for (;;) {
      t += -Math.log(1 - rnd.uniform()) / lambda;
      if (t > T[i]!) break;
      x[i]!++;
      tx[i] = t;
      spent += rnd.gamma(TRUE.p, nu);
      if (rnd.uniform() < p) break;
    }
    zbar[i] = x[i]! > 0 ? spent / x[i]! : 0;
  }
  return { x, tx, T, zbar };
}

/** One pass, timed warm (the median of 9): a single pass is under a millisecond and the first one includes compiling it. */
function plainPass(d: ReturnType<typeof simulate>): number {
  const times: number[] = [];
  for (let k = 0; k < 9; k++) {
    const began = performance.now();
    let sum = 0;
    for (let i = 0; i < CUSTOMERS; i++) sum += Math.log(TRUE.alpha + d.T[i]!) + Math.log(TRUE.alpha + d.tx[i]!) + Math.log(TRUE.b + d.x[i]!);
    if (Number.isNaN(sum)) throw new Error('unreachable');
    times.push(performance.now() - began);
  }
  return summarize(times).median;
}

export const purchasesBenchmark: Benchmark = {
  name: 'purchases',
  description: 'BG/NBD and Gamma-Gamma fitted on 25,000 customers, and every customer scored, beside a plain pass',
  async run(ctx) {
    const data = simulate();
    const fits: number[] = [];
    const scores: number[] = [];
    const plain: number[] = [];
    let fitted = { bg: fitBgNbd(data), gg: fitGammaGamma(data) };
    for (let run = 0; run < 3; run++) {
      let began = performance.now();
      fitted = { bg: fitBgNbd(data), gg: fitGammaGamma(data) };
      fits.push(performance.now() - began);
      began = performance.now();
      for (let i = 0; i < CUSTOMERS; i++) {
        scoreCustomer(
          fitted.bg.params,
          fitted.gg.params,
          { x: data.x[i]!, tx: data.tx[i]!, T: data.T[i]!, zbar: data.zbar[i]! },
          {
            horizonWeeks: 52,
            clvYears: 3,
            discount: 0.1,
            margin: 0.3,
            acquisitionCost: 0,
          },
        );
      }
      scores.push(performance.now() - began);
      plain.push(plainPass(data));
    }
    const { bg, gg } = fitted;
    ctx.log(
      `  recovered r ${bg.params.r.toFixed(3)} α ${bg.params.alpha.toFixed(3)} a ${bg.params.a.toFixed(3)} b ${bg.params.b.toFixed(3)}; p ${gg.params.p.toFixed(2)} q ${gg.params.q.toFixed(2)} γ ${gg.params.gamma.toFixed(2)}`,
    );
    const plainMs = summarize(plain).median;
    const measurements: Measurement[] = [
      {
        name: `purchase models fit: ${CUSTOMERS.toLocaleString('en-US')} customers (BG/NBD + Gamma-Gamma, Nelder-Mead)`,
        value: summarize(fits).median / 1000,
        unit: 's',
        limit: 5,
        better: 'lower',
        detail: `median of 3; ${bg.iterations} + ${gg.iterations} iterations; ${gg.n.toLocaleString('en-US')} customers with repeats`,
        reference: { value: plainMs / 1000, what: 'one plain pass of the per-customer logs over the same typed arrays' },
      },
      {
        name: `purchase models scoring: ${CUSTOMERS.toLocaleString('en-US')} customers (52-week purchases, P(alive), 3-year CLV)`,
        value: summarize(scores).median / 1000,
        unit: 's',
        limit: 5,
        better: 'lower',
        detail: 'median of 3; 36 monthly steps of the BG/NBD expectation per customer',
        reference: { value: plainMs / 1000, what: 'one plain pass of the per-customer logs over the same typed arrays' },
      },
    ];
    return measurements;
  },
};
