import type { Backtest } from '../../../shared/contract/churn';
import type { Settings } from '../../../shared/contract/settings';
import { designOf, specFor, type DesignSpec, type RawFeature, type RawValue } from './design';
import { evaluate } from './evaluation';
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

export const CHURN_MODEL_REVISION = 1;

export interface ChurnOptions {
  graceDays: number;
  lambda: number;
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

/** Customers of `day` whose label is known by `knownBy`, with their features as of `day`. */
export function examplesAt(histories: readonly AccountHistory[], day: string, graceDays: number, knownBy: string): Examples {
  const out: Examples = { accounts: [], raws: [], labels: [] };
  for (const a of histories) {
    if (!isCustomerAt(a, day)) continue;
    const label = labelAt(a, day, graceDays);
    if (label.end > knownBy) continue;
    out.accounts.push(a);
    out.raws.push(rawAt(a, day));
    out.labels.push(label.churned ? 1 : 0);
  }
  return out;
}

export interface Trained {
  spec: DesignSpec;
  fit: LogisticFit;
  asOfs: string[];
  rows: number;
  churners: number;
}

/**
 * Quarterly training days before `knownBy`, latest first. On each, only the customers whose next
 * renewal plus grace had passed by `knownBy` count (examplesAt): a quarter before it, those renewing
 * within the quarter; a year before it, nearly all. So a workspace with two years of history can
 * already be backtested, and no label is read before it was known.
 */
export const trainingDays = (knownBy: string, options: ChurnOptions) => Array.from({ length: options.trainingSnapshots }, (_, k) => addDays(knownBy, -91 * (k + 1)));

/** Trains on the customers of the training days; null (with why) without both classes. */
export function train(histories: readonly AccountHistory[], knownBy: string, options: ChurnOptions): Trained | { reason: string } {
  const asOfs = trainingDays(knownBy, options);
  const raws: RawValue[][] = [];
  const labels: number[] = [];
  for (const day of asOfs) {
    const examples = examplesAt(histories, day, options.graceDays, knownBy);
    raws.push(...examples.raws);
    labels.push(...examples.labels);
  }
  const churners = labels.reduce((s, y) => s + y, 0);
  if (raws.length < 20 || churners < 2 || churners > raws.length - 2)
    return { reason: `too little history before ${knownBy}: ${raws.length} customer-snapshots from ${asOfs.at(-1)} to ${asOfs[0]}, ${churners} churned` };
  const spec = specFor(TIME_FEATURES, raws);
  const fit = fitLogistic(designOf(spec, raws), labels, options.lambda);
  return { spec, fit, asOfs, rows: raws.length, churners };
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
