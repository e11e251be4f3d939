import type { Backtest } from '../../../shared/contract/churn';
import type { Settings } from '../../../shared/contract/settings';
import { designOf, specFor, type DesignSpec, type RawFeature, type RawValue } from './design';
import { auc, evaluate } from './evaluation';
import { BASE_FEATURES, featuresAt } from './features';
import { healthRiskAt } from './healthAt';
import { addDays, isCustomerAt, labelAt, type AccountHistory } from './history';
import { fitLogistic, predictAll, type LogisticFit } from './logistic';

/**
 * Training and the backtest, by time only. A label is churn by the next renewal plus `graceDays`;
 * it is known once that day has passed. So a model that is to be judged on the customers of a
 * cut-off day C is trained only on customers of earlier days whose labels were known by C, and
 * their features come from rows dated before their own day: nothing after C reaches the model, and
 * the accounts scored after C never lend their outcome to training. Random splits across time
 * would let a model learn from the future it is tested on.
 */

/** 2: λ chosen by cross-validation by time; an unknown segment read as missing, not as the most frequent one. */
export const CHURN_MODEL_REVISION = 2;

export interface ChurnOptions {
  graceDays: number;
  /** The L2 strength; absent, it is chosen by cross-validation by time (lambdaSearch). */
  lambda?: number;
  trainingSnapshots: number;
}

export const TIME_FEATURES: readonly RawFeature[] = [...BASE_FEATURES, { key: 'segment', label: 'segment', category: true }];

export const rawAt = (a: AccountHistory, day: string): RawValue[] => [...featuresAt(a, day), a.segment];

/** The longest a label can take to be known: a year to the next renewal, plus the grace days. */
export const labelSpan = (options: ChurnOptions) => 366 + options.graceDays + 1;

export interface Examples {
  accounts: AccountHistory[];
  raws: RawValue[][];
  labels: number[];
}

/** The customers of `day` whose label is known by `known`, with their features as of `day`, labels and the days those are known. */
interface Snapshot extends Examples {
  ends: string[];
}

function snapshotAt(histories: readonly AccountHistory[], day: string, graceDays: number, known: string): Snapshot {
  const out: Snapshot = { accounts: [], raws: [], labels: [], ends: [] };
  for (const a of histories) {
    if (!isCustomerAt(a, day)) continue;
    const label = labelAt(a, day, graceDays);
    // Features only where the label can serve (the folds' "known by" days all come before `known`).
    if (label.end > known) continue;
    out.accounts.push(a);
    out.raws.push(rawAt(a, day));
    out.labels.push(label.churned ? 1 : 0);
    out.ends.push(label.end);
  }
  return out;
}

/** The snapshot's customers whose label is known by `knownBy`. */
function knownBy(snapshot: Snapshot, day: string): Examples {
  const out: Examples = { accounts: [], raws: [], labels: [] };
  snapshot.ends.forEach((end, i) => {
    if (end > day) return;
    out.accounts.push(snapshot.accounts[i]!);
    out.raws.push(snapshot.raws[i]!);
    out.labels.push(snapshot.labels[i]!);
  });
  return out;
}

/** Customers of `day` whose label is known by `knownBy`, with their features as of `day`. */
export const examplesAt = (histories: readonly AccountHistory[], day: string, graceDays: number, known: string): Examples => snapshotAt(histories, day, graceDays, known);

/** The λ grid (the penalty on standardised coefficients), weakest to strongest. */
export const LAMBDA_GRID = [0.1, 1, 10, 100, 1000] as const;
/** Without a fold to validate on (too short a history), λ stays the former fixed value. */
export const FALLBACK_LAMBDA = 1;

export interface LambdaScore {
  lambda: number;
  /** Mean log-loss over every validation row of every fold (lower is better): what chooses λ. */
  logLoss: number | null;
  /** Mean hold-out AUC over the folds, for reference. */
  auc: number | null;
}

export interface LambdaSearch {
  chosen: number;
  grid: LambdaScore[];
  /** Each fold: validated on the customers of one training day, trained on the earlier ones with labels known by it. */
  folds: { validatedOn: string; trainedOn: string[]; trainingRows: number; validationRows: number }[];
  reason?: string;
}

export interface Trained {
  spec: DesignSpec;
  fit: LogisticFit;
  asOfs: string[];
  rows: number;
  churners: number;
  lambdaSearch?: LambdaSearch;
}

/**
 * Quarterly training days before `knownBy`, latest first. On each, only the customers whose next
 * renewal plus grace had passed by `knownBy` count (examplesAt): a quarter before it, those renewing
 * within the quarter; a year before it, nearly all. So a workspace with two years of history can
 * already be backtested, and no label is read before it was known.
 */
export const trainingDays = (knownBy: string, options: ChurnOptions) => Array.from({ length: options.trainingSnapshots }, (_, k) => addDays(knownBy, -91 * (k + 1)));

const usable = (labels: readonly number[]) => {
  const churners = labels.reduce((s, y) => s + y, 0);
  return labels.length >= 20 && churners >= 2 && churners <= labels.length - 2;
};

function logLoss(probabilities: ArrayLike<number>, labels: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[i]!));
    sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return sum;
}

/**
 * λ by cross-validation by time inside the training window, never across it at random: each fold
 * validates on the customers of one training day (labels known by `known`, as in training) with a
 * model trained only on the earlier training days and only on labels known by that day, so no fold
 * learns from its own future. λ is the grid's value with the lowest pooled validation log-loss (the
 * penalty's job is calibrated probabilities as much as ranking); ties keep the weaker penalty.
 */
export function chooseLambda(snapshots: readonly Snapshot[], days: readonly string[], known: string): { search: LambdaSearch; starts: Map<number, WarmStart> } {
  const folds: LambdaSearch['folds'] = [];
  // Each λ's fit on the latest usable fold (the most training days, the nearest to the final fit): where the final fit starts.
  const starts = new Map<number, WarmStart>();
  const sums = LAMBDA_GRID.map(() => ({ loss: 0, n: 0, auc: 0, aucs: 0 }));
  for (let f = 0; f < days.length - 1; f++) {
    const validation = knownBy(snapshots[f]!, known);
    const raws: RawValue[][] = [];
    const labels: number[] = [];
    for (let g = f + 1; g < days.length; g++) {
      const earlier = knownBy(snapshots[g]!, days[f]!);
      raws.push(...earlier.raws);
      labels.push(...earlier.labels);
    }
    if (!usable(labels) || validation.labels.length === 0) continue;
    folds.push({ validatedOn: days[f]!, trainedOn: days.slice(f + 1), trainingRows: labels.length, validationRows: validation.labels.length });
    const spec = specFor(TIME_FEATURES, raws);
    const design = designOf(spec, raws);
    const held = designOf(spec, validation.raws);
    // Strongest penalty first, each fit starting from the previous one's answer.
    let previous: LogisticFit | undefined;
    [...LAMBDA_GRID.keys()].reverse().forEach((k) => {
      const lambda = LAMBDA_GRID[k]!;
      previous = fitLogistic(design, labels, lambda, 50, previous);
      if (!starts.has(lambda)) starts.set(lambda, { spec, fit: previous });
      const probabilities = predictAll(previous, held);
      sums[k]!.loss += logLoss(probabilities, validation.labels);
      sums[k]!.n += validation.labels.length;
      const a = auc(probabilities, validation.labels);
      if (a !== null) {
        sums[k]!.auc += a;
        sums[k]!.aucs++;
      }
    });
  }
  const grid = LAMBDA_GRID.map((lambda, k) => ({ lambda, logLoss: sums[k]!.n ? sums[k]!.loss / sums[k]!.n : null, auc: sums[k]!.aucs ? sums[k]!.auc / sums[k]!.aucs : null }));
  if (folds.length === 0) return { search: { chosen: FALLBACK_LAMBDA, grid, folds, reason: `no fold with enough earlier history to validate on: λ ${FALLBACK_LAMBDA}` }, starts };
  let best = grid[0]!;
  for (const score of grid) if (score.logLoss! < best.logLoss!) best = score;
  return { search: { chosen: best.lambda, grid, folds }, starts };
}

interface WarmStart {
  spec: DesignSpec;
  fit: LogisticFit;
}

/**
 * A fold's answer as the final fit's first guess, column by column by name (the final spec may have a
 * "missing" column a fold had not): Newton then starts near the optimum and needs a step or two
 * fewer. Only the start moves; the objective is strictly concave, so the answer is the same.
 */
function startFor(spec: DesignSpec, from: WarmStart | undefined): Pick<LogisticFit, 'intercept' | 'coefficients'> | undefined {
  if (!from) return undefined;
  const byName = new Map(from.spec.columns.map((c, k) => [c.name, from.fit.coefficients[k]!]));
  return { intercept: from.fit.intercept, coefficients: spec.columns.map((c) => byName.get(c.name) ?? 0) };
}

/** Trains on the customers of the training days; null (with why) without both classes. λ: the option's, else chosen by chooseLambda. */
export function train(histories: readonly AccountHistory[], known: string, options: ChurnOptions): Trained | { reason: string } {
  const asOfs = trainingDays(known, options);
  const snapshots = asOfs.map((day) => snapshotAt(histories, day, options.graceDays, known));
  const raws: RawValue[][] = [];
  const labels: number[] = [];
  for (const snapshot of snapshots) {
    const examples = knownBy(snapshot, known);
    raws.push(...examples.raws);
    labels.push(...examples.labels);
  }
  const churners = labels.reduce((s, y) => s + y, 0);
  if (!usable(labels)) return { reason: `too little history before ${known}: ${raws.length} customer-snapshots from ${asOfs.at(-1)} to ${asOfs[0]}, ${churners} churned` };
  const searched = options.lambda === undefined ? chooseLambda(snapshots, asOfs, known) : undefined;
  const lambdaSearch = searched?.search;
  const spec = specFor(TIME_FEATURES, raws);
  const lambda = options.lambda ?? lambdaSearch!.chosen;
  const fit = fitLogistic(designOf(spec, raws), labels, lambda, 50, startFor(spec, searched?.starts.get(lambda)));
  return { spec, fit, asOfs, rows: raws.length, churners, ...(lambdaSearch ? { lambdaSearch } : {}) };
}

/** Scores the customers of `cutOff` with a model trained on what was known by it, beside the rule health score. */
export function runBacktest(histories: readonly AccountHistory[], today: string, options: ChurnOptions, settings: Settings): Backtest {
  const cutOff = addDays(today, -labelSpan(options));
  const trained = train(histories, cutOff, options);
  const empty = { trainedAsOf: trainingDays(cutOff, options), trainingRows: 0, cutOff, model: null, health: null, healthUnscored: 0 };
  if ('reason' in trained) return { ...empty, reason: trained.reason };
  const test = examplesAt(histories, cutOff, options.graceDays, today);
  if (test.labels.length === 0) return { ...empty, trainingRows: trained.rows, reason: `no customer on ${cutOff} to test on` };
  const probabilities = predictAll(trained.fit, designOf(trained.spec, test.raws));
  let unscored = 0;
  const risks = test.accounts.map((a) => {
    const { risk } = healthRiskAt(a, cutOff, settings);
    if (risk === null) unscored++;
    return risk ?? 50;
  });
  return {
    trainedAsOf: trained.asOfs,
    trainingRows: trained.rows,
    cutOff,
    model: evaluate(probabilities, test.labels),
    health: evaluate(risks, test.labels, false),
    healthUnscored: unscored,
  };
}
