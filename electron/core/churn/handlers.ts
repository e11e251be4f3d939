import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { addMonths } from '../../../shared/dates';
import { readSettings } from '../db/settings';
import { CoreError, notFound } from '../errors';
import { cachedHistory, cachedResult } from './cache';
import { loadHistory } from './history';
import { rawAt, TIME_FEATURES } from './model';
import { satisfactionRevenue } from './renewals';
import { scopedAccountIds } from './scope';
import { trainChurnModel } from './service';
import { crossValidate, snapshotData } from './snapshot';
import { accountPrediction, currentModel } from './store';

export const churnHandlers = {
  'churn.train': async (input: ParsedInput<'churn.train'>, ctx: Context) => {
    const model = await exclusive(ctx, (sqlite) => trainChurnModel(sqlite, input, ctx.now()));
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
      return TIME_FEATURES.map((f, j) => ({ key: f.key, label: f.label, value: raw[j] ?? null }));
    }),
  'churn.satisfactionRevenue': (input: ParsedInput<'churn.satisfactionRevenue'>, ctx: Context) =>
    exclusive(ctx, (sqlite) => {
      const today = ctx.now().toISOString().slice(0, 10);
      const { from: givenFrom, to: givenTo, horizonDays, ...scope } = input;
      const to = givenTo ?? today;
      const from = givenFrom ?? addMonths(to, -24);
      if (from >= to) throw new CoreError('BAD_INPUT', `from (${from}) must be before to (${to})`);
      const identity = scope.mine ? ctx.identity.get() : null;
      return cachedResult(sqlite, JSON.stringify([today, from, to, horizonDays, scope, identity]), () => {
        const ids = scopedAccountIds(sqlite, scope, identity);
        const histories = cachedHistory(sqlite);
        return satisfactionRevenue(sqlite, ids ? histories.filter((h) => ids.has(h.id)) : histories, { from, to, horizonDays }, today, readSettings(sqlite), ids);
      });
    }),
  'churn.crossValidate': (input: ParsedInput<'churn.crossValidate'>, ctx: Context) => exclusive(ctx, (sqlite) => crossValidate(snapshotData(sqlite), input)),
} satisfies Handlers<ChannelsOf<'churn'>>;
