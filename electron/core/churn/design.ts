import type { Design } from './logistic';

/**
 * From raw feature values (numbers, categories, missing) to the numeric matrix the regression
 * reads, with every choice made on the training rows only and kept in the spec, so scoring later
 * rows repeats it exactly:
 * - a number: its value, missing filled with the training mean, plus a "missing" indicator column
 *   when the training rows have any missing (absence can itself predict churn);
 * - a category: one 0/1 column per level seen in training but the most frequent (the reference);
 *   missing (an unknown segment) fills each level column with its training share and sets a
 *   "missing" column, when the training rows have some missing and some known;
 * - a number that restates two others as their product (R² ≥ 0.98 of x ≈ c·u·v, e.g. a total
 *   charged ≈ tenure × monthly charge) is replaced by its ratio to that product, x ÷ (c·u·v) − 1:
 *   only what it adds (price changes) stays, not a third copy of tenure and price.
 */

export type RawValue = number | string | null;

export interface RawFeature {
  key: string;
  label: string;
  /** What the value is measured in (features.ts FeatureUnit; older stored models: '%', 'hours' or none). */
  unit?: string;
  /** A score's scale. */
  range?: [number, number];
  /** The value is ln(1 + quantity). */
  log?: boolean;
  category?: boolean;
}

export interface Column {
  name: string;
  /** Index of the raw feature it comes from. */
  source: number;
  kind: 'value' | 'missing' | 'level';
  fill?: number;
  level?: string;
}

export interface Restatement {
  feature: number;
  of: [number, number];
  scale: number;
  r2: number;
}

export interface DesignSpec {
  features: RawFeature[];
  columns: Column[];
  restatements: Restatement[];
}

const isNum = (v: RawValue | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** x ≈ c·u·v through the origin: c = Σxw/Σw², R² = 1 − SSE/SST over rows where all three are known. */
function productFit(rows: readonly RawValue[][], x: number, u: number, v: number): { scale: number; r2: number } | null {
  let sxw = 0;
  let sww = 0;
  const pairs: [number, number][] = [];
  for (const row of rows) {
    const [a, b, c] = [row[x], row[u], row[v]];
    if (!isNum(a) || !isNum(b) || !isNum(c)) continue;
    const w = b * c;
    sxw += a * w;
    sww += w * w;
    pairs.push([a, w]);
  }
  if (pairs.length < 10 || sww === 0) return null;
  const scale = sxw / sww;
  const meanX = pairs.reduce((s, [a]) => s + a, 0) / pairs.length;
  let sse = 0;
  let sst = 0;
  for (const [a, w] of pairs) {
    sse += (a - scale * w) ** 2;
    sst += (a - meanX) ** 2;
  }
  return sst > 0 ? { scale, r2: 1 - sse / sst } : null;
}

export const RESTATEMENT_R2 = 0.98;

export function findRestatements(features: readonly RawFeature[], rows: readonly RawValue[][]): Restatement[] {
  const numeric = features.map((f, j) => (f.category ? -1 : j)).filter((j) => j >= 0);
  const found: Restatement[] = [];
  for (const x of numeric)
    for (const u of numeric)
      for (const v of numeric) {
        if (u >= v || x === u || x === v || found.some((r) => r.feature === x)) continue;
        const fit = productFit(rows, x, u, v);
        if (fit && fit.r2 >= RESTATEMENT_R2) found.push({ feature: x, of: [u, v], scale: fit.scale, r2: fit.r2 });
      }
  return found;
}

/** The row with each restated feature replaced by its ratio to the product it restates. */
function restate(row: readonly RawValue[], restatements: readonly Restatement[]): RawValue[] {
  if (restatements.length === 0) return row as RawValue[];
  const out = [...row];
  for (const { feature, of, scale } of restatements) {
    const [x, u, v] = [row[feature], row[of[0]], row[of[1]]];
    const w = isNum(u) && isNum(v) ? scale * u * v : 0;
    out[feature] = isNum(x) && w !== 0 ? x / w - 1 : null;
  }
  return out;
}

/** `restatements`: look for products (snapshot features from a file, a handful of numbers; the dated features are built without any). */
export function specFor(features: readonly RawFeature[], training: readonly RawValue[][], restatements = false): DesignSpec {
  const restated = restatements ? findRestatements(features, training) : [];
  return specWith(features, training, restated);
}

function specWith(features: readonly RawFeature[], training: readonly RawValue[][], restatements: Restatement[]): DesignSpec {
  const rows = training.map((row) => restate(row, restatements));
  const columns: Column[] = [];
  features.forEach((feature, j) => {
    if (feature.category) {
      const counts = new Map<string, number>();
      let known = 0;
      for (const row of rows) {
        const value = row[j] ?? null;
        if (value === null) continue;
        known++;
        counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
      }
      const levels = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      // A missing category (an unknown segment) is missing like a number: each level column filled with
      // that level's training share, plus a "missing" column. Left at 0 it read as the reference level.
      for (const [level, n] of levels.slice(1)) columns.push({ name: `${feature.key}=${level}`, source: j, kind: 'level', level, fill: n / known });
      if (known > 0 && known < rows.length) columns.push({ name: `${feature.key} missing`, source: j, kind: 'missing' });
      return;
    }
    // One pass, no array per feature (the profile's garbage at 20,000 rows × 27 features × 4 specs).
    let known = 0;
    let sum = 0;
    for (const row of rows) {
      const value = row[j];
      if (!isNum(value)) continue;
      known++;
      sum += value;
    }
    if (known === 0) return;
    columns.push({ name: feature.key, source: j, kind: 'value', fill: sum / known });
    if (known < rows.length) columns.push({ name: `${feature.key} missing`, source: j, kind: 'missing' });
  });
  return { features: [...features], columns, restatements };
}

export function designRow(spec: DesignSpec, raw: readonly RawValue[], out: Float64Array, offset = 0): void {
  const row = restate(raw, spec.restatements);
  const { columns, features } = spec;
  // A plain loop: called for every account on every training day, a closure per column showed in the profile.
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k]!;
    const value = row[column.source] ?? null;
    if (column.kind === 'level') out[offset + k] = value === null ? (column.fill ?? 0) : String(value) === column.level ? 1 : 0;
    else if (column.kind === 'missing') out[offset + k] = (features[column.source]!.category ? value !== null : isNum(value)) ? 0 : 1;
    else out[offset + k] = isNum(value) ? value : column.fill!;
  }
}

export function designOf(spec: DesignSpec, rows: readonly RawValue[][]): Design {
  const p = spec.columns.length;
  const x = new Float64Array(rows.length * p);
  rows.forEach((row, i) => designRow(spec, row, x, i * p));
  return { x, n: rows.length, p };
}
