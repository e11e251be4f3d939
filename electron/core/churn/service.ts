import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChurnModel } from '../../../shared/contract/churn';
import { readSettings } from '../db/settings';
import { CoreError } from '../errors';
import type { Job } from '../lib/jobs';
import { historyAsJob } from './cache';
import { keepHistories, keptLayoutIsCurrent } from './kept';
import { CHURN_MODEL_REVISION, runBacktest, train, type ChurnOptions } from './model';
import { scoreCustomers } from './scoring';
import { currentModel, saveModel } from './store';

/**
 * churn.train as a job: the history (kept per data state, read in slices with progress), the
 * backtest first (so the stored model carries its proof), then the same recipe on everything known
 * today, scoring every current customer as of today. It runs in the core's thread (a worker or
 * utility process, never the UI's loop), reports each phase and stops between them when cancelled;
 * nothing is written before the last phase, one transaction, so a cancel keeps the previous model.
 */
export async function trainChurnModel(sqlite: Database.Database, options: ChurnOptions, now: Date, job: Job): Promise<ChurnModel> {
  const today = now.toISOString().slice(0, 10);
  const histories = await historyAsJob(sqlite, job);
  const settings = readSettings(sqlite);
  job.progress(0, 3, 'backtest');
  await job.step();
  const backtest = runBacktest(histories, today, options, settings);
  job.progress(1, 3, 'training');
  await job.step();
  const trained = train(histories, today, options);
  if ('reason' in trained) throw new CoreError('CONFLICT', `cannot train a churn model: ${trained.reason}`);
  job.progress(2, 3, 'scoring');
  await job.step();
  const predictions = scoreCustomers(histories, trained, today, settings.currency);
  job.progress(3, 3, 'scoring');
  await job.step();
  const basis = JSON.stringify({ revision: CHURN_MODEL_REVISION, options, today, coefficients: trained.fit.coefficients.map((c) => c.toPrecision(8)) });
  const version = `c${CHURN_MODEL_REVISION}-${createHash('sha256').update(basis).digest('hex').slice(0, 10)}`;
  saveModel(
    sqlite,
    {
      version,
      trainedAt: now.toISOString(),
      asOf: today,
      spec: {
        options,
        design: trained.spec,
        fit: trained.fit,
        trainingRows: trained.rows,
        trainingChurners: trained.churners,
        trainedAsOf: trained.asOfs,
        ...(trained.lambdaSearch ? { lambdaSearch: trained.lambdaSearch } : {}),
      },
      backtest,
    },
    predictions,
  );
  // Read from the rows (after a bulk write, or a workspace from before 0017): kept now, so the next first read is one row per account.
  if (!keptLayoutIsCurrent(sqlite)) sqlite.transaction(() => keepHistories(sqlite, histories, now))();
  return currentModel(sqlite)!;
}
