// Issue 16 on IBM's Telco churn file, imported through Fulcrum's own import with its columns kept as
// custom fields: the churn model's mean hold-out AUC over 20 stratified 70/30 splits is at least
// 0.84 and within 0.01 of a reference L2 logistic regression written here, independently (its own
// parsing, encoding and fitting by gradient ascent), on the same splits and columns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
// The splits only (which rows are held out), so both models see the same ones; no model code is shared.
import { seeded, stratifiedTest } from '../../electron/core/churn/snapshot';
import { testCore, type TestCore } from '../fixtures/core';
import { TELCO_CSV } from '../fixtures/telco';

let core: TestCore;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  const detected = await core.call('import.detect', { path: TELCO_CSV, into: 'accounts' });
  const mapped = new Set(['customerID', 'Contract', 'MonthlyCharges', 'Churn']);
  const customFields = detected.columns.filter((c) => !mapped.has(c.column)).map((c) => ({ column: c.column, type: c.keepAs! }));
  const mapping = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import/telco-accounts.mapping.json'), 'utf8')) as Record<string, unknown>;
  const result = await core.call('import.commit', { jobId: 'telco-churn', path: TELCO_CSV, into: 'accounts', mapping: { ...mapping, customFields } as never });
  expect(result.counts.inserts).toBe(7043);
}, 300_000);
afterAll(() => core.close());

/** The file as numbers: one-hot categories (first level in file order dropped), numbers as they are (blank TotalCharges → 0, tenure 0). */
function referenceTable(): { x: number[][]; y: number[] } {
  const [header, ...lines] = readFileSync(TELCO_CSV, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const cells = lines.map((line) => line.split(','));
  const numeric = new Set(['tenure', 'MonthlyCharges', 'TotalCharges', 'SeniorCitizen']);
  const columns: ((row: string[]) => number)[] = [];
  names.forEach((name, j) => {
    if (name === 'customerID' || name === 'Churn') return;
    if (numeric.has(name)) {
      columns.push((row) => Number(row[j]!.trim() || '0'));
      return;
    }
    const levels = [...new Set(cells.map((row) => row[j]!))];
    for (const level of levels.slice(1)) columns.push((row) => (row[j] === level ? 1 : 0));
  });
  return { x: cells.map((row) => columns.map((f) => f(row))), y: cells.map((row) => (row[names.indexOf('Churn')] === 'Yes' ? 1 : 0)) };
}

/** L2 logistic regression by gradient ascent with momentum on standardised columns; penalty (λ/2)‖β‖², intercept free. */
function referenceFit(x: number[][], y: number[], lambda: number) {
  const p = x[0]!.length;
  const mean = Array.from({ length: p }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / x.length);
  const sd = Array.from({ length: p }, (_, j) => Math.sqrt(x.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / x.length) || 1);
  const z = x.map((r) => r.map((v, j) => (v - mean[j]!) / sd[j]!));
  let w = new Array<number>(p + 1).fill(0);
  let velocity = new Array<number>(p + 1).fill(0);
  for (let step = 0; step < 600; step++) {
    const grad = new Array<number>(p + 1).fill(0);
    z.forEach((r, i) => {
      const t = w[0]! + r.reduce((s, v, j) => s + v * w[j + 1]!, 0);
      const residual = y[i]! - 1 / (1 + Math.exp(-t));
      grad[0]! += residual;
      r.forEach((v, j) => (grad[j + 1]! += residual * v));
    });
    for (let j = 1; j <= p; j++) grad[j]! -= lambda * w[j]!;
    velocity = velocity.map((v, k) => 0.9 * v + (2 / x.length) * grad[k]!);
    w = w.map((b, k) => b + velocity[k]!);
  }
  return (r: number[]) => w[0]! + r.reduce((s, v, j) => s + ((v - mean[j]!) / sd[j]!) * w[j + 1]!, 0);
}

/** AUC as the share of (churner, stayer) pairs ordered right, ties a half: the plain O(n₁n₀) count. */
function pairAuc(scores: number[], y: number[]): number {
  const pos = scores.filter((_, i) => y[i] === 1);
  const neg = scores.filter((_, i) => y[i] === 0);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

describe('the churn model on the Telco file', () => {
  it('mean hold-out AUC ≥ 0.84 over 20 stratified 70/30 splits, within 0.01 of the reference regression', async () => {
    const result = await core.call('churn.crossValidate', { splits: 20, testShare: 0.3, seed: 7 });
    expect(result.auc).toHaveLength(20);
    // TotalCharges restates tenure × MonthlyCharges: the model keeps only its ratio to that product.
    expect(result.restated).toEqual([expect.objectContaining({ feature: 'TotalCharges', of: expect.arrayContaining(['ARR', 'tenure']) as unknown })]);
    expect(result.restated[0]!.r2).toBeGreaterThan(0.98);
    expect(result.meanAuc).toBeGreaterThanOrEqual(0.84);

    const { x, y } = referenceTable();
    const random = seeded(7);
    const aucs: number[] = [];
    for (let s = 0; s < 20; s++) {
      const test = stratifiedTest(y, 0.3, random);
      const train = y.map((_, i) => i).filter((i) => !test.has(i));
      const score = referenceFit(
        train.map((i) => x[i]!),
        train.map((i) => y[i]!),
        1,
      );
      const held = [...test];
      aucs.push(
        pairAuc(
          held.map((i) => score(x[i]!)),
          held.map((i) => y[i]!),
        ),
      );
    }
    const reference = aucs.reduce((s, a) => s + a, 0) / aucs.length;
    // The figures docs/benchmarks.md records.
    console.info(`telco: model mean AUC ${result.meanAuc!.toFixed(4)}, reference ${reference.toFixed(4)} (20 splits, seed 7)`);
    expect(reference).toBeGreaterThan(0.83);
    expect(Math.abs(result.meanAuc! - reference), `model ${result.meanAuc!.toFixed(4)}, reference ${reference.toFixed(4)}`).toBeLessThanOrEqual(0.01);
  }, 600_000);
});
