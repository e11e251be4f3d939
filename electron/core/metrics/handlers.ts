import type { Output, ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { accountMetrics } from './account';
import { METRIC_DEFINITIONS } from './definitions';
import { display, type RequestsPastSlaOf } from './display';
import { exclusive } from '../db/exclusive';
import { portfolio, type HealthFiguresOf } from './portfolio';
import { trend } from './trend';
import type { ChannelsOf, Handlers } from '../handlerTypes';

/**
 * What the metrics channels show or run from the domains built on metrics: health reads the rollups
 * and derived data rebuilds them, so metrics never imports either. The handler table
 * (electron/core/handlers.ts) passes them in; see docs/architecture.md.
 */
export interface FromAbove {
  /** health/figures.ts */
  healthFigures: HealthFiguresOf;
  /** health/service.ts */
  explainHealth: Parameters<typeof accountMetrics>[3];
  /** derived/refresh.ts: the rebuild as a cancellable job with progress (lib/jobs.ts) */
  refreshDerived: (ctx: Context) => Promise<Output<'metrics.rebuild'>>;
  /** leverage/figures.ts: the requests past the SLA, for metrics.display */
  requestsPastSla: RequestsPastSlaOf;
}

export const metricsHandlers = ({ healthFigures, explainHealth, refreshDerived, requestsPastSla }: FromAbove) =>
  ({
    'metrics.portfolio': (input: ParsedInput<'metrics.portfolio'>, ctx: Context) => exclusive(ctx, (sqlite) => portfolio(sqlite, input, ctx.now(), healthFigures)),
    'metrics.account': (input: ParsedInput<'metrics.account'>, ctx: Context) => exclusive(ctx, (sqlite) => accountMetrics(sqlite, input, ctx.now(), explainHealth)),
    'metrics.trend': (input: ParsedInput<'metrics.trend'>, ctx: Context) => exclusive(ctx, (sqlite) => trend(sqlite, input, ctx.now())),
    'metrics.display': (input: ParsedInput<'metrics.display'>, ctx: Context) =>
      exclusive(ctx, (sqlite) => display(sqlite, input, ctx.now(), { healthFigures, explainHealth, requestsPastSla })),
    'metrics.definitions': () => METRIC_DEFINITIONS.map(({ id, name, formula, unit, source }) => ({ id, name, formula, unit, source })),
    'metrics.rebuild': async (_input: ParsedInput<'metrics.rebuild'>, ctx: Context) => {
      const summary = await refreshDerived(ctx);
      ctx.emit({ name: 'health.changed' });
      return summary;
    },
  }) satisfies Handlers<ChannelsOf<'metrics'>>;
