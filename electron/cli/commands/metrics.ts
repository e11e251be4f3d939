// `fulcrum metrics`: the portfolio dashboard's figures for a period and filter, through the core's
// own `metrics.portfolio` channel. With --json the output is the channel's result plus
// `satisfactionRevenue`, `churnModel` and `purchaseModel` (field names are the contracts', documented in the README).

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore } from '../../core';
import type { ChurnModel, SatisfactionRevenue } from '../../../shared/contract/churn';
import type { Portfolio } from '../../../shared/contract/metrics';
import type { PurchaseModel } from '../../../shared/contract/purchases';
import { CliError, dateOption, formatCount, requireString, UsageError, type Command, type Io, type OptionValues } from '../command';

const FILTERS = { segment: 'segment', industry: 'industry', region: 'region', owner: 'owner', stage: 'lifecycleStage' } as const;

const list = (value: OptionValues[string]) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : undefined);
const show = (f: { value: number | null; n: number; reason?: string }, unit = '') =>
  f.value === null ? `n/a (${f.reason ?? 'no data'})` : `${Math.round(f.value * 10) / 10}${unit} (n = ${formatCount(f.n)})`;

/** The metrics.portfolio query the period and filter options give (shared with `export --metrics`). */
export function metricsQueryFrom(values: OptionValues): Record<string, unknown> {
  const query: Record<string, unknown> = { from: dateOption(values, 'from'), to: dateOption(values, 'to') };
  if (values.granularity !== undefined) query.granularity = values.granularity;
  for (const [option, field] of Object.entries(FILTERS)) query[field] = list(values[option]);
  return query;
}

/** The options metricsQueryFrom reads. */
export const METRICS_QUERY_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  granularity: { type: 'string' },
  segment: { type: 'string', multiple: true },
  industry: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  owner: { type: 'string', multiple: true },
  stage: { type: 'string', multiple: true },
} as const;

function printSummary(p: Portfolio, io: Io): void {
  const filter = Object.entries(p.scope.filter)
    .map(([key, values]) => `${key} ${values.join(', ')}`)
    .join('; ');
  io.out(`Period     ${p.scope.from} to ${p.scope.to} (exclusive)${filter ? `; ${filter}` : ''}\n`);
  io.out(`Accounts   ${formatCount(p.accounts)} customers at the period end\n`);
  io.out(`NPS        ${show(p.satisfaction.nps)}\nCSAT       ${show(p.satisfaction.csat, ' %')}\n`);
  io.out(`Tickets    ${show(p.support.volume)}; backlog ${show(p.support.backlog)}\n`);
  io.out(`First resp ${show(p.support.firstResponse.median, ' min')} median (approximate, within 1 %)\n`);
  io.out(`Churn      ${show(p.retention.logoChurn, ' %')} logo; NRR ${show(p.retention.netRevenueRetention, ' %')}\n`);
  const b = p.health.bands;
  io.out(`Health     ${b.red} red, ${b.amber} amber, ${b.green} green, ${b.insufficient} insufficient data\n`);
}

/**
 * Issue 16's fields beside the portfolio's: `satisfactionRevenue` (churn.satisfactionRevenue for the
 * same period), `churnModel` (the current model's version, day and backtest, or null before training)
 * and `purchaseModel` (purchases.model with its defaults: the BG/NBD and Gamma-Gamma fits on the
 * purchase histories, the totals and the 20 customers of highest CLV; status 'empty' without purchases).
 */
async function churnFields(dispatch: Awaited<ReturnType<typeof createCore>>['dispatch'], portfolio: Portfolio) {
  const worth = await dispatch('churn.satisfactionRevenue', { from: portfolio.scope.from, to: portfolio.scope.to });
  const model = await dispatch('churn.model', {});
  const purchases = await dispatch('purchases.model', {});
  if (!worth.ok) throw new CliError(worth.error.message);
  if (!model.ok) throw new CliError(model.error.message);
  if (!purchases.ok) throw new CliError(purchases.error.message);
  const current = model.value as ChurnModel | null;
  return {
    satisfactionRevenue: worth.value as SatisfactionRevenue,
    churnModel: current && { version: current.version, asOf: current.asOf, trainedAt: current.trainedAt, backtest: current.backtest },
    purchaseModel: purchases.value as PurchaseModel,
  };
}

async function run(values: OptionValues, io: Io): Promise<number> {
  const dbPath = resolve(requireString(values, 'db'));
  if (!existsSync(dbPath)) throw new CliError(`no such file: ${dbPath}`);
  if (statSync(dbPath).isDirectory()) throw new CliError(`${dbPath} is a directory, not a workspace file`);
  if (statSync(dbPath).size === 0) throw new CliError(`${dbPath} is empty, not a Fulcrum workspace`);
  const today = dateOption(values, 'today');
  const query = metricsQueryFrom(values);

  const now = today ? new Date(`${today}T12:00:00Z`) : new Date();
  const core = await createCore({ dbPath, now: () => now, dailyRefresh: false });
  try {
    const result = await core.dispatch('metrics.portfolio', query);
    if (!result.ok) {
      if (result.error.code === 'BAD_INPUT') throw new UsageError(result.error.message);
      throw new CliError(result.error.message);
    }
    const portfolio = result.value as Portfolio;
    if (values.json) io.out(`${JSON.stringify({ ...portfolio, ...(await churnFields(core.dispatch, portfolio)) }, null, 2)}\n`);
    else printSummary(portfolio, io);
    return 0;
  } finally {
    await core.close();
  }
}

export const metricsCommand: Command = {
  name: 'metrics',
  summary: "print the portfolio dashboard's figures for a period and filter",
  usage: [
    'fulcrum metrics --db FILE [--from DATE] [--to DATE] [--granularity month|quarter]',
    '                [--segment S]... [--industry I]... [--region R]... [--owner O]... [--stage STAGE]... [--today DATE] [--json]',
    '',
    '  --db FILE          the workspace file',
    '  --from DATE        first day of the period (default: twelve months before --to); widened to whole months',
    '  --to DATE          day after the period (default: the first of next month)',
    '  --granularity G    month (default) or quarter',
    '  --segment S        only these segments (repeat for several); likewise --industry, --region, --owner',
    '  --stage STAGE      only accounts in these lifecycle stages (onboarding, adoption, growth, renewal, at_risk, churned)',
    "  --today DATE       the day to compute 'now' from (default: today), for reproducible output",
    "  --json             print metrics.portfolio's result as JSON (field names in the README)",
  ].join('\n'),
  options: {
    db: { type: 'string' },
    ...METRICS_QUERY_OPTIONS,
    today: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
