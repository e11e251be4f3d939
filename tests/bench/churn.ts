// Issue 16's churn model: fitting 20,000 accounts × 50 features (Newton/IRLS, electron/core/churn/
// logistic.ts) and scoring them all, beside a plain pass over the same typed array (one dot product
// per row: the floor any scoring could reach); then churn.train through dispatch on the benchmark
// workspace (history read, features at five days, backtest, training, every prediction stored)
// beside the dashboard's own time (metrics.portfolio) in the same run.
import { copyFileSync } from 'node:fs';
import { createCore } from '../../electron/core';
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
    const now = new Date('2026-11-01T12:00:00Z');
    const core = await createCore({ dbPath: copy, now: () => now, dailyRefresh: false });
    try {
      let began = performance.now();
      const portfolio = await core.dispatch('metrics.portfolio', {});
      const dashboardMs = performance.now() - began;
      if (!portfolio.ok) throw new Error(portfolio.error.message);
      began = performance.now();
      const trained = await core.dispatch('churn.train', {});
      const trainMs = performance.now() - began;
      if (!trained.ok) throw new Error(trained.error.message);
      const model = trained.value as { trainingRows: number; predictions: number; backtest: { model: { auc: number | null } | null; health: { auc: number | null } | null } };
      began = performance.now();
      const worth = await core.dispatch('churn.satisfactionRevenue', {});
      const worthMs = performance.now() - began;
      if (!worth.ok) throw new Error(worth.error.message);
      // The dashboard's second open (nothing written since): the kept answer.
      began = performance.now();
      const again = await core.dispatch('churn.satisfactionRevenue', {});
      const againMs = performance.now() - began;
      if (!again.ok) throw new Error(again.error.message);
      // A filter change: the kept history, a new answer.
      began = performance.now();
      const filtered = await core.dispatch('churn.satisfactionRevenue', { lifecycleStage: ['renewal', 'growth'] });
      const filteredMs = performance.now() - began;
      if (!filtered.ok) throw new Error(filtered.error.message);
      measurements.push(
        {
          name: 'churn.train on the workspace (history, backtest, training, predictions stored)',
          value: trainMs / 1000,
          unit: 's',
          limit: 60,
          better: 'lower',
          detail: `${model.trainingRows.toLocaleString('en-US')} training rows, ${model.predictions.toLocaleString('en-US')} predictions; backtest AUC model ${model.backtest.model?.auc?.toFixed(3)}, rule health ${model.backtest.health?.auc?.toFixed(3)}`,
          reference: { value: dashboardMs / 1000, what: 'metrics.portfolio (the dashboard) in the same run' },
        },
        {
          name: 'churn.satisfactionRevenue on the workspace, first open (history read)',
          value: worthMs / 1000,
          unit: 's',
          limit: 30,
          better: 'lower',
          reference: { value: dashboardMs / 1000, what: 'metrics.portfolio (the dashboard) in the same run' },
        },
        {
          name: 'churn.satisfactionRevenue, second open (kept answer)',
          value: againMs,
          unit: 'ms',
          limit: 100,
          better: 'lower',
          reference: { value: dashboardMs, what: 'metrics.portfolio (the dashboard) in the same run' },
        },
        {
          name: 'churn.satisfactionRevenue, a filter change (lifecycle stage)',
          value: filteredMs / 1000,
          unit: 's',
          limit: 30,
          better: 'lower',
          reference: { value: dashboardMs / 1000, what: 'metrics.portfolio (the dashboard) in the same run' },
        },
      );
    } finally {
      await core.close();
    }
    return measurements;
  },
};
