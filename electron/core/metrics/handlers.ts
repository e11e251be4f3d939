import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { explainHealth, recomputeAllHealthInSteps } from '../health/service';
import { accountMetrics } from './account';
import { refreshDerived } from '../derived/refresh';
import { METRIC_DEFINITIONS } from './definitions';
import { exclusive } from '../db/exclusive';
import { portfolio } from './portfolio';
import { trend } from './trend';
import type { ChannelsOf, Handlers } from '../handlerTypes';

export const metricsHandlers = {
  'metrics.portfolio': (input: ParsedInput<'metrics.portfolio'>, ctx: Context) => exclusive(ctx, (sqlite) => portfolio(sqlite, input, ctx.now())),
  'metrics.account': (input: ParsedInput<'metrics.account'>, ctx: Context) => exclusive(ctx, (sqlite) => accountMetrics(sqlite, input, ctx.now())),
  'metrics.trend': (input: ParsedInput<'metrics.trend'>, ctx: Context) => exclusive(ctx, (sqlite) => trend(sqlite, input, ctx.now())),
  'metrics.definitions': () => METRIC_DEFINITIONS.map(({ id, name, formula, unit, source }) => ({ id, name, formula, unit, source })),
  'metrics.rebuild': async (_input: ParsedInput<'metrics.rebuild'>, ctx: Context) => {
    const summary = await exclusive(ctx, (sqlite) =>
      refreshDerived(sqlite, ctx.now(), (done, total) => ctx.emit({ name: 'metrics.progress', progress: { done, total } })),
    );
    ctx.emit({ name: 'health.changed' });
    return summary;
  },
  'health.explain': (input: ParsedInput<'health.explain'>, ctx: Context) => exclusive(ctx, (sqlite) => explainHealth(sqlite, input.id, ctx.now())),
  'health.recompute': async (_input: ParsedInput<'health.recompute'>, ctx: Context) => {
    const result = await exclusive(ctx, (sqlite) =>
      recomputeAllHealthInSteps(sqlite, ctx.now(), (done, total) => ctx.emit({ name: 'health.progress', progress: { done, total } })),
    );
    ctx.emit({ name: 'health.changed' });
    return result;
  },
} satisfies Handlers<ChannelsOf<'metrics' | 'health'>>;
