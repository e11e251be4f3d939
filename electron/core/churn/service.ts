import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChurnModel } from '../../../shared/contract/churn';
import { readSettings } from '../db/settings';
import { CoreError } from '../errors';
import { designRow } from './design';
import { cachedHistory } from './cache';
import { isCustomerAt } from './history';
import { CHURN_MODEL_REVISION, rawAt, runBacktest, train, type ChurnOptions } from './model';
import { reasonsFor } from './reasons';
import { currentModel, saveModel, type NewPrediction } from './store';

/**
 * churn.train: the backtest first (so the stored model carries its proof), then the same recipe on
 * everything known today, scoring every current customer as of today. Runs in the core's thread
 * (a worker or utility process, never the UI's loop); 20,000 accounts take seconds (bench).
 */
export function trainChurnModel(sqlite: Database.Database, options: ChurnOptions, now: Date): ChurnModel {
  const today = now.toISOString().slice(0, 10);
  const histories = cachedHistory(sqlite);
  const settings = readSettings(sqlite);
  const backtest = runBacktest(histories, today, options, settings);
  const trained = train(histories, today, options);
  if ('reason' in trained) throw new CoreError('CONFLICT', `cannot train a churn model: ${trained.reason}`);
  const predictions: NewPrediction[] = [];
  const row = new Float64Array(trained.spec.columns.length);
  for (const a of histories) {
    // Current customers, with what was known before today.
    if (a.churnedAt !== null || !isCustomerAt(a, today)) continue;
    const raw = rawAt(a, today);
    designRow(trained.spec, raw, row);
    const reasons = reasonsFor(trained.spec, trained.fit, raw, row);
    let t = trained.fit.intercept;
    for (let k = 0; k < row.length; k++) t += (trained.fit.coefficients[k]! * (row[k]! - trained.fit.means[k]!)) / trained.fit.sds[k]!;
    predictions.push({ accountId: a.id, probability: 1 / (1 + Math.exp(-t)), reasons });
  }
  const basis = JSON.stringify({ revision: CHURN_MODEL_REVISION, options, today, coefficients: trained.fit.coefficients.map((c) => c.toPrecision(8)) });
  const version = `c${CHURN_MODEL_REVISION}-${createHash('sha256').update(basis).digest('hex').slice(0, 10)}`;
  saveModel(
    sqlite,
    {
      version,
      trainedAt: now.toISOString(),
      asOf: today,
      spec: { options, design: trained.spec, fit: trained.fit, trainingRows: trained.rows, trainingChurners: trained.churners, trainedAsOf: trained.asOfs },
      backtest,
    },
    predictions,
  );
  return currentModel(sqlite)!;
}
