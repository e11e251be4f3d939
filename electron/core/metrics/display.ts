import type Database from 'better-sqlite3';
import type { MetricValueDto, MetricsQuery } from '../../../shared/contract/metrics';
import type { Output } from '../../../shared/contract';
import { asOfText } from '../../../shared/format/format';
import { formatMetric, type MetricUnit } from '../../../shared/format/metric';
import { pastSlaText } from '../../../shared/format/requests';
import { readSettings } from '../db/settings';
import { accountMetrics } from './account';
import { METRIC_DEFINITIONS } from './definitions';
import { portfolio, type HealthFiguresOf } from './portfolio';

type Display = Output<'metrics.display'>;
/** The requests past the SLA now (leverage's programme figure; leverage sits above metrics, so the handler table passes it in). */
export type RequestsPastSlaOf = (sqlite: Database.Database, now: Date) => { count: number; slaDays: number };
interface Place {
  locale: string;
  timeZone: string;
  currency: string;
}

const UNITS: Record<string, MetricUnit> = {
  points: 'points',
  percent: 'percent',
  index: 'index',
  mean: 'mean',
  minutes: 'minutes',
  count: 'count',
  money: 'money',
  score: 'score',
};

/** A figure's unit is its definition's (metrics.definitions), so the text says what the definition means. */
export function unitOf(definition: string): MetricUnit {
  const unit = METRIC_DEFINITIONS.find((d) => d.id === definition)?.unit;
  const shown = unit === undefined ? undefined : UNITS[unit];
  if (!shown) throw new Error(`metric definition '${definition}' has no display unit`);
  return shown;
}

/** The figure's text through the screens' formatter, or null when there is none (never "0"). */
const shown = (metric: MetricValueDto, place: Place, compact = false) =>
  metric.value === null || !Number.isFinite(metric.value)
    ? null
    : formatMetric(metric.value, unitOf(metric.definition), { locale: place.locale, currency: place.currency, compact });

/**
 * What each figure reads as on the screens that show it: the account page's health, satisfaction and
 * support figures, and the dashboard's cards (compact) for a period. The values are the ones
 * metrics.account, health.explain and metrics.portfolio give; the words are shared/format's.
 */
export function display(
  sqlite: Database.Database,
  input: { locale: string; timeZone: string; accounts: readonly number[]; portfolio?: MetricsQuery; requests?: boolean },
  now: Date,
  from: { healthFigures: HealthFiguresOf; explainHealth: Parameters<typeof accountMetrics>[3]; requestsPastSla: RequestsPastSlaOf },
): Display {
  const place = { locale: input.locale, timeZone: input.timeZone, currency: readSettings(sqlite).currency };
  const accounts = input.accounts.map((id) => {
    const figures = accountMetrics(sqlite, { id }, now, from.explainHealth);
    const { health, satisfaction, support } = figures;
    return {
      accountId: id,
      healthScore: health.score === null ? null : formatMetric(health.score, unitOf('health'), { locale: place.locale }),
      healthAsOf: health.score === null ? null : asOfText(health.asOf, place.locale, place.timeZone),
      nps: shown(satisfaction.nps, place),
      csat: shown(satisfaction.csat, place),
      ces: shown(satisfaction.ces, place),
      firstResponseMedian: shown(support.firstResponse.median, place),
    };
  });
  let requests: Display['requests'] = null;
  if (input.requests) {
    const { count, slaDays } = from.requestsPastSla(sqlite, now);
    const text = pastSlaText(count, slaDays, place.locale);
    requests = { pastSla: text.count, pastSlaSummary: text.summary };
  }
  if (!input.portfolio) return { accounts, portfolio: null, requests };
  const p = portfolio(sqlite, input.portfolio, now, from.healthFigures);
  return {
    accounts,
    requests,
    portfolio: {
      nps: shown(p.satisfaction.nps, place, true),
      csat: shown(p.satisfaction.csat, place, true),
      nsat: shown(p.satisfaction.nsat, place, true),
      ces: shown(p.satisfaction.ces, place, true),
      firstResponseMedian: shown(p.support.firstResponse.median, place, true),
    },
  };
}
