import type Database from 'better-sqlite3';
import { featureUnit, type AccountPrediction, type Backtest, type ChurnModel, type FeatureUnit } from '../../../shared/contract/churn';
import { readSettings } from '../db/settings';
import { stepText } from './units';
import type { Reason } from './reasons';
import type { DesignSpec } from './design';
import type { LogisticFit } from './logistic';
import type { ChurnOptions, LambdaSearch } from './model';

/**
 * Churn models and predictions, stored like health snapshots: a model row keeps its whole spec
 * (features, columns, fills, coefficients, options) so it can score again or be audited; training
 * makes the new model current and its predictions the current ones, and earlier models and their
 * predictions stay as history. A prediction names its model.
 */

export interface StoredSpec {
  options: ChurnOptions;
  design: DesignSpec;
  fit: LogisticFit;
  trainingRows: number;
  trainingChurners: number;
  trainedAsOf: string[];
  /** Absent when the options named λ (and in models trained before λ was chosen). */
  lambdaSearch?: LambdaSearch;
}

export interface NewPrediction {
  accountId: number;
  probability: number;
  reasons: Reason[];
}

export function saveModel(
  sqlite: Database.Database,
  model: { version: string; trainedAt: string; asOf: string; spec: StoredSpec; backtest: Backtest },
  predictions: NewPrediction[],
): number {
  const tx = sqlite.transaction(() => {
    sqlite.prepare('UPDATE churn_models SET current = 0 WHERE current = 1').run();
    sqlite.prepare('UPDATE churn_predictions SET current = 0 WHERE current = 1').run();
    // Retraining the same data and options gives the same version: the old row makes way.
    sqlite.prepare('DELETE FROM churn_models WHERE version = ?').run(model.version);
    const modelId = Number(
      sqlite
        .prepare('INSERT INTO churn_models (version, trained_at, as_of, spec, backtest, current) VALUES (?, ?, ?, ?, ?, 1)')
        .run(model.version, model.trainedAt, model.asOf, JSON.stringify(model.spec), JSON.stringify(model.backtest)).lastInsertRowid,
    );
    const insert = sqlite.prepare('INSERT INTO churn_predictions (model_id, account_id, as_of, probability, contributions, current) VALUES (?, ?, ?, ?, ?, 1)');
    for (const p of predictions) insert.run(modelId, p.accountId, model.asOf, p.probability, JSON.stringify(p.reasons));
    return modelId;
  });
  return tx();
}

interface ModelRow {
  id: number;
  version: string;
  trainedAt: string;
  asOf: string;
  spec: string;
  backtest: string;
}

export function currentModel(sqlite: Database.Database): ChurnModel | null {
  const row = sqlite
    .prepare<unknown[], ModelRow>('SELECT id, version, trained_at AS trainedAt, as_of AS asOf, spec, backtest FROM churn_models WHERE current = 1 ORDER BY id DESC LIMIT 1')
    .get();
  if (!row) return null;
  const spec = JSON.parse(row.spec) as StoredSpec;
  const predictions = sqlite.prepare<unknown[], number>('SELECT count(*) FROM churn_predictions WHERE model_id = ? AND current = 1').pluck().get(row.id)!;
  const { currency } = readSettings(sqlite);
  const coefficients = spec.design.columns
    .map((column, k) => {
      const feature = spec.design.features[column.source]!;
      // Units for value columns of features that have one (models stored before units have none: null).
      const measured = column.kind === 'value' && isFeatureUnit(feature.unit);
      return {
        column: column.name,
        label: labelOf(spec.design, column.source, column.kind, column.level),
        coefficient: spec.fit.coefficients[k]!,
        unit: measured ? (feature.unit as FeatureUnit) : null,
        step: measured ? stepText(feature, spec.fit.sds[k]!, currency) : null,
      };
    })
    .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
  return {
    id: row.id,
    version: row.version,
    trainedAt: row.trainedAt,
    asOf: row.asOf,
    // The λ the fit used: the option's, or the one cross-validation chose.
    options: { ...spec.options, lambda: spec.fit.lambda },
    trainingRows: spec.trainingRows,
    trainingChurners: spec.trainingChurners,
    coefficients,
    backtest: JSON.parse(row.backtest) as Backtest,
    predictions,
    ...(spec.lambdaSearch ? { lambdaSearch: spec.lambdaSearch } : {}),
  };
}

const isFeatureUnit = (unit: string | undefined) => unit !== undefined && featureUnit.safeParse(unit).success;

function labelOf(design: DesignSpec, source: number, kind: string, level?: string): string {
  const label = design.features[source]!.label;
  return kind === 'level' ? `${label}: ${level}` : kind === 'missing' ? `${label} missing` : label;
}

export function accountPrediction(sqlite: Database.Database, accountId: number): AccountPrediction | null {
  const row = sqlite
    .prepare<unknown[], { probability: number; asOf: string; modelId: number; modelVersion: string; contributions: string }>(
      `SELECT p.probability, p.as_of AS asOf, p.model_id AS modelId, m.version AS modelVersion, p.contributions
      FROM churn_predictions p JOIN churn_models m ON m.id = p.model_id WHERE p.account_id = ? AND p.current = 1 ORDER BY p.id DESC LIMIT 1`,
    )
    .get(accountId);
  if (!row) return null;
  return { accountId, probability: row.probability, asOf: row.asOf, modelId: row.modelId, modelVersion: row.modelVersion, reasons: JSON.parse(row.contributions) as Reason[] };
}

/** Every current prediction: account → probability (the revenue-at-risk bands). */
export function currentProbabilities(sqlite: Database.Database): Map<number, number> {
  return new Map(sqlite.prepare<unknown[], [number, number]>('SELECT account_id, probability FROM churn_predictions WHERE current = 1').raw(true).all());
}
