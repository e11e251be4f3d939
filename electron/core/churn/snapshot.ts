import type Database from 'better-sqlite3';
import { customValuesByAccount, listFields } from '../customFields/repo';
import { designOf, specFor, type RawFeature, type RawValue } from './design';
import { auc } from './evaluation';
import type { Job } from '../lib/jobs';
import { fitLogistic, predictAll } from './logistic';

/**
 * The snapshot evaluation (churn.crossValidate), for a workspace that is one picture of its
 * customers and whether they left (the Telco file), with no dated history to backtest on: the
 * account's own columns and every custom field as features, churned (ever) as the label, and
 * stratified random splits (each split keeps the churn rate of the whole in both parts). Honest only
 * because nothing in such a file is ordered in time; a workspace with history gets the backtest.
 */

export interface SnapshotData {
  features: RawFeature[];
  rows: RawValue[][];
  labels: number[];
}

/** Text fields with more distinct values than this are names or notes, not categories. */
const MAX_LEVELS = 50;

export function snapshotData(sqlite: Database.Database): SnapshotData {
  const accounts = sqlite
    .prepare<unknown[], { id: number; segment: string; industry: string | null; region: string | null; arrMinor: number; employeeCount: number | null; churned: number }>(
      `SELECT id, segment, industry, region, arr_minor AS arrMinor, employee_count AS employeeCount, churned_at IS NOT NULL AS churned
      FROM accounts WHERE archived_at IS NULL ORDER BY id`,
    )
    .all();
  const custom = customValuesByAccount(sqlite);
  const fields = listFields(sqlite, 'accounts').filter((f) => f.type === 'number' || f.type === 'bool' || f.type === 'choice' || f.type === 'text');
  const usable = fields.filter((f) => f.type !== 'text' || new Set(Object.values(custom).map((v) => v[f.name])).size <= MAX_LEVELS);
  const own: { feature: RawFeature; value: (a: (typeof accounts)[number]) => RawValue }[] = [
    { feature: { key: 'segment', label: 'segment', category: true }, value: (a) => a.segment },
    { feature: { key: 'industry', label: 'industry', category: true }, value: (a) => a.industry },
    { feature: { key: 'region', label: 'region', category: true }, value: (a) => a.region },
    { feature: { key: 'arr', label: 'ARR' }, value: (a) => a.arrMinor / 100 },
    { feature: { key: 'employees', label: 'employees' }, value: (a) => a.employeeCount },
  ];
  // Columns every account leaves empty or equal say nothing; they are left out.
  const informative = own.filter(({ value }) => new Set(accounts.map(value)).size > 1);
  const features: RawFeature[] = [
    ...informative.map((o) => o.feature),
    ...usable.map((f) => ({ key: `custom:${f.name}`, label: f.name, category: f.type === 'choice' || f.type === 'text' })),
  ];
  const rows = accounts.map((a) => [
    ...informative.map((o) => o.value(a)),
    ...usable.map((f) => {
      const v = custom[a.id]?.[f.name];
      return v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }),
  ]);
  return { features, rows, labels: accounts.map((a) => a.churned) };
}

/** mulberry32: a small seeded generator, so the same seed gives the same splits. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Test rows of one stratified split: `testShare` of each class, drawn by a Fisher-Yates shuffle. */
export function stratifiedTest(labels: readonly number[], testShare: number, random: () => number): Set<number> {
  const test = new Set<number>();
  for (const cls of [0, 1]) {
    const members = labels.flatMap((y, i) => (y === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    for (const i of members.slice(0, Math.round(members.length * testShare))) test.add(i);
  }
  return test;
}

/**
 * `job`: progress after each split (phase `splits`, done of splits) and a cancel between them; the
 * answer is the same with or without it (nothing is written either way).
 */
export async function crossValidate(data: SnapshotData, options: { splits: number; testShare: number; seed: number; lambda: number }, job?: Job) {
  const random = seeded(options.seed);
  const aucs: (number | null)[] = [];
  let lastSpec = specFor(data.features, data.rows, true);
  job?.progress(0, options.splits, 'splits');
  for (let s = 0; s < options.splits; s++) {
    await job?.step();
    const test = stratifiedTest(data.labels, options.testShare, random);
    const trainIdx = data.labels.map((_, i) => i).filter((i) => !test.has(i));
    const testIdx = [...test].sort((a, b) => a - b);
    const spec = specFor(
      data.features,
      trainIdx.map((i) => data.rows[i]!),
      true,
    );
    lastSpec = spec;
    const fit = fitLogistic(
      designOf(
        spec,
        trainIdx.map((i) => data.rows[i]!),
      ),
      trainIdx.map((i) => data.labels[i]!),
      options.lambda,
    );
    const scores = predictAll(
      fit,
      designOf(
        spec,
        testIdx.map((i) => data.rows[i]!),
      ),
    );
    aucs.push(
      auc(
        scores,
        testIdx.map((i) => data.labels[i]!),
      ),
    );
    job?.progress(s + 1, options.splits, 'splits');
  }
  const known = aucs.filter((a): a is number => a !== null);
  return {
    splits: options.splits,
    features: data.features.map((f) => f.label),
    restated: lastSpec.restatements.map((r) => ({ feature: data.features[r.feature]!.label, of: r.of.map((j) => data.features[j]!.label), r2: r.r2 })),
    auc: aucs,
    meanAuc: known.length === 0 ? null : known.reduce((s, a) => s + a, 0) / known.length,
  };
}
