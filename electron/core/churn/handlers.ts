import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { addMonths } from '../../../shared/dates';
import { readSettings } from '../db/settings';
import { CoreError, notFound } from '../errors';
import { runJob } from '../lib/jobs';
import { cachedResult, historyAsJob } from './cache';
import { loadHistory } from './history';
import { rawAt, TIME_FEATURES } from './model';
import { satisfactionRevenue } from './renewals';
import { scopedAccountIds } from './scope';
import { trainChurnModel } from './service';
import { quantityOf, valueText } from './units';
import type { FeatureUnit } from '../../../shared/contract/churn';
import { crossValidate, snapshotData } from './snapshot';
import { accountPrediction, currentModel } from './store';

export const churnHandlers = {
  // A job (jobs.progress: the history in rows, then backtest, training, scoring; jobs.cancel) holding the connection throughout.
  'churn.train': async (input: ParsedInput<'churn.train'>, ctx: Context) => {
    const model = await runJob(ctx, 'churn.train', 'the previous model and its predictions are kept', async (job) => {
      // exclusive holds the connection until the job's promise settles (its value is that promise: awaited here).
      const trained = await exclusive(ctx, (sqlite) => trainChurnModel(sqlite, input, ctx.now(), job));
      return trained;
    });
    ctx.emit({ name: 'churn.changed' });
    return model;
  },
  'churn.model': (_input: ParsedInput<'churn.model'>, ctx: Context) => exclusive(ctx, (sqlite) => currentModel(sqlite)),
  'churn.account': (input: ParsedInput<'churn.account'>, ctx: Context) => exclusive(ctx, (sqlite) => accountPrediction(sqlite, input.id)),
  'churn.features': (input: ParsedInput<'churn.features'>, ctx: Context) =>
    exclusive(ctx, (sqlite) => {
      const history = loadHistory(sqlite, input.id)[0];
      if (!history) throw notFound('account', input.id);
      const raw = rawAt(history, input.asOf);
      const { currency } = readSettings(sqlite);
      return TIME_FEATURES.map((f, j) => {
        const value = raw[j] ?? null;
        const unit = f.category ? 'category' : (f.unit as FeatureUnit);
        return { key: f.key, label: f.label, value, unit, range: f.range ?? null, quantity: quantityOf(f, value), currency, text: valueText(f, value, currency) };
      });
    }),
  // A job too: a first open reads the whole history (progress in rows, cancel between slices); a kept answer returns at once.
  'churn.satisfactionRevenue': (input: ParsedInput<'churn.satisfactionRevenue'>, ctx: Context) =>
    runJob(ctx, 'churn.satisfactionRevenue', 'nothing was changed', async (job) => {
      const answer = await exclusive(ctx, (sqlite) => {
        const today = ctx.now().toISOString().slice(0, 10);
        const { from: givenFrom, to: givenTo, horizonDays, ...scope } = input;
        const to = givenTo ?? today;
        const from = givenFrom ?? addMonths(to, -24);
        if (from >= to) throw new CoreError('BAD_INPUT', `from (${from}) must be before to (${to})`);
        const identity = scope.mine ? ctx.identity.get() : null;
        return cachedResult(sqlite, JSON.stringify([today, from, to, horizonDays, scope, identity]), async () => {
          const ids = scopedAccountIds(sqlite, scope, identity);
          const histories = await historyAsJob(sqlite, job);
          job.progress(0, 1, 'renewals');
          await job.step();
          return satisfactionRevenue(sqlite, ids ? histories.filter((h) => ids.has(h.id)) : histories, { from, to, horizonDays }, today, readSettings(sqlite), ids);
        });
      });
      return answer;
    }),
  // A job (jobs.progress: phase splits, done of splits; jobs.cancel between splits). Only the read holds the connection: the fits run on its copy, so other calls go on between splits.
  'churn.crossValidate': (input: ParsedInput<'churn.crossValidate'>, ctx: Context) =>
    runJob(ctx, 'churn.crossValidate', 'nothing was changed', async (job) => {
      const data = await exclusive(ctx, (sqlite) => snapshotData(sqlite));
      return crossValidate(data, input, job);
    }),
} satisfies Handlers<ChannelsOf<'churn'>>;
