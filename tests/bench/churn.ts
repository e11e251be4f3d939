// Issue 16's churn model: fitting 20,000 accounts × 50 features (Newton/IRLS, electron/core/churn/
// logistic.ts) and scoring them all, beside a plain pass over the same typed array (one dot product
// per row: the floor any scoring could reach); then churn.train and the satisfaction section through
// dispatch on the benchmark workspace, cold (history read) and with the history kept, beside the plain
// typed-array read and pass of the same run (plainPass.ts) and the dashboard's own time.
import { copyFileSync } from 'node:fs';
import { createCore, type Core } from '../../electron/core';
import { dashboardPass, loadRawArrays } from './plainPass';
import { fitLogistic, predictAll } from '../../electron/core/churn/logistic';
import { summarize, type Benchmark, type Measurement } from './types';

const ROWS = 20_000;
const FEATURES = 50;

/** A seeded design with a known model: the first five features drive churn, the rest are noise. */
function synthetic(): { x: Float64Array; y: Uint8Array } {
  let s = 16;
  const random = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const x = new Float64Array(ROWS * FEATURES);
  const y = new Uint8Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    let t = -1.5;
    for (let j = 0; j < FEATURES; j++) {
      const v = (random() + random() + random() - 1.5) * 2;
      x[i * FEATURES + j] = v;
      if (j < 5) t += 0.8 * v;
    }
    y[i] = random() < 1 / (1 + Math.exp(-t)) ? 1 : 0;
  }
  return { x, y };
}

function plainPass(x: Float64Array, weights: Float64Array): number {
  const began = performance.now();
  let sum = 0;
  for (let i = 0; i < ROWS; i++) {
    let t = 0;
    for (let j = 0; j < FEATURES; j++) t += x[i * FEATURES + j]! * weights[j]!;
    sum += t;
  }
  if (Number.isNaN(sum)) throw new Error('unreachable');
  return performance.now() - began;
}

export const churnBenchmark: Benchmark = {
  name: 'churn',
  description: 'churn model: fit and score 20,000 × 50, and churn.train on the workspace beside metrics.portfolio',
  async run(ctx) {
    const { x, y } = synthetic();
    const design = { x, n: ROWS, p: FEATURES };
    const fits: number[] = [];
    const scores: number[] = [];
    const plain: number[] = [];
    let iterations = 0;
    for (let run = 0; run < 3; run++) {
      let began = performance.now();
      const fit = fitLogistic(design, y, 1);
      fits.push(performance.now() - began);
      iterations = fit.iterations;
      began = performance.now();
      predictAll(fit, design);
      scores.push(performance.now() - began);
      plain.push(plainPass(x, Float64Array.from(fit.coefficients)));
    }
    const plainMs = summarize(plain).median;
    const measurements: Measurement[] = [
      {
        name: `churn fit: ${ROWS.toLocaleString('en-US')} accounts × ${FEATURES} features (IRLS)`,
        value: summarize(fits).median / 1000,
        unit: 's',
        limit: 5,
        better: 'lower',
        detail: `median of 3; ${iterations} Newton iterations`,
        reference: { value: plainMs / 1000, what: 'one plain dot-product pass over the same array' },
      },
      {
        name: `churn scoring: ${ROWS.toLocaleString('en-US')} accounts`,
        value: summarize(scores).median,
        unit: 'ms',
        limit: 1000,
        better: 'lower',
        reference: { value: plainMs, what: 'one plain dot-product pass over the same array' },
      },
    ];

    const { path } = await ctx.workspace();
    const copy = `${path}.churn`;
    copyFileSync(path, copy);
    // The reference of the same run (tests/bench/plainPass.ts): the workspace's tickets and answers read
    // into typed arrays, and one plain pass over them; the history read is the same kind of work.
    const raw = loadRawArrays(copy);
    const began = performance.now();
    dashboardPass(raw, 0, 1e9);
    const passMs = performance.now() - began;
    const plainS = raw.loadSeconds + passMs / 1000;
    const reference = { value: plainS, what: 'plain read of the tickets and answers into typed arrays plus one pass (plainPass.ts)' };
    const now = new Date('2026-11-01T12:00:00Z');
    const timed = async (core: Core, channel: string, input: object) => {
      const start = performance.now();
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return { value: result.value as never, s: (performance.now() - start) / 1000 };
    };
    let dashboardS: number;
    // A fresh core: the section's first open, nothing read yet.
    let core = await createCore({ dbPath: copy, now: () => now, dailyRefresh: false });
    let coldSection: number;
    try {
      dashboardS = (await timed(core, 'metrics.portfolio', {})).s;
      coldSection = (await timed(core, 'churn.satisfactionRevenue', {})).s;
    } finally {
      await core.close();
    }
    core = await createCore({ dbPath: copy, now: () => now, dailyRefresh: false });
    try {
      const trained = await timed(core, 'churn.train', {});
      const model = trained.value as {
        trainingRows: number;
        predictions: number;
        options: { lambda: number };
        backtest: { model: { auc: number | null } | null; reason?: string };
      };
      const after = await timed(core, 'churn.satisfactionRevenue', {});
      const again = await timed(core, 'churn.satisfactionRevenue', {});
      const filtered = await timed(core, 'churn.satisfactionRevenue', { lifecycleStage: ['renewal', 'growth'] });
      const retrained = await timed(core, 'churn.train', {});
      const detail = `dashboard (metrics.portfolio) ${dashboardS.toFixed(2)} s; plain read ${raw.loadSeconds.toFixed(2)} s, plain pass ${passMs.toFixed(1)} ms`;
      measurements.push(
        {
          name: 'churn.train, first call (history read, λ cross-validated, backtest, training, predictions stored)',
          value: trained.s,
          unit: 's',
          limit: 60,
          better: 'lower',
          detail: `${model.trainingRows.toLocaleString('en-US')} training rows, ${model.predictions.toLocaleString('en-US')} predictions, λ ${model.options.lambda}; backtest ${model.backtest.model ? `AUC ${model.backtest.model.auc?.toFixed(3)}` : `none (${model.backtest.reason})`}; ${detail}`,
          reference,
        },
        { name: 'churn.train again (history kept)', value: retrained.s, unit: 's', limit: 5, better: 'lower', detail, reference },
        { name: 'churn.satisfactionRevenue, first open in a fresh core (history read)', value: coldSection, unit: 's', limit: 30, better: 'lower', detail, reference },
        { name: 'churn.satisfactionRevenue, first open after training (history kept)', value: after.s, unit: 's', limit: 5, better: 'lower', detail, reference },
        {
          name: 'churn.satisfactionRevenue, second open (kept answer)',
          value: again.s * 1000,
          unit: 'ms',
          limit: 100,
          better: 'lower',
          detail,
          reference: { value: plainS * 1000, what: reference.what },
        },
        { name: 'churn.satisfactionRevenue, a filter change (lifecycle stage)', value: filtered.s, unit: 's', limit: 30, better: 'lower', detail, reference },
      );
    } finally {
      await core.close();
    }
    return measurements;
  },
};
