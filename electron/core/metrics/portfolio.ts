import type Database from 'better-sqlite3';
import type { MetricsQuery, Portfolio } from '../../../shared/contract/metrics';
import { readSettings } from '../db/settings';
import { monthStart, previousMonths, resolveMonths, type Granularity, type MonthRange } from './period';
import { positionsFor } from './accountIndex';
import { accountIndexOf, dashboardInputs } from './inputs';
import { periodFigures } from './periodFacts';
import { rollupRows, sourceFor, type AccountFacts, type MetricsFilter } from './repo';
import { cohortCurvesOf, customersAt, logoFiguresOf, spanCountsOf } from './cohortFigures';
import { cohortCounts } from './rollups/cohorts';
import { foldPeriods, timesSketch, topicsByName } from './rollups/read';
import { satisfactionFigures } from './satisfaction';
import { supportFigures } from './support';
import { figure } from './figure';
import { sketchQuantile } from './sketch';

export interface ResolvedQuery {
  range: MonthRange;
  granularity: Granularity;
  filter: MetricsFilter;
  scope: Portfolio['scope'];
}

/** The period (whole months, see period.ts) and the filter of a query, as the result reports them. */
export function resolveQuery(query: Omit<MetricsQuery, 'granularity'> & { granularity?: Granularity }, now: Date): ResolvedQuery {
  const granularity = query.granularity ?? 'month';
  const range = resolveMonths(query, now, granularity);
  const filter: MetricsFilter = {};
  for (const key of ['segment', 'industry', 'region', 'owner', 'lifecycleStage'] as const) {
    const values = query[key];
    if (values && values.length > 0) filter[key] = [...values];
  }
  const scope = { from: monthStart(range.from), to: monthStart(range.to), granularity, filter: filter as Record<string, string[]> };
  return { range, granularity, filter, scope };
}

/**
 * The portfolio's health bands and at-risk list, computed by the health domain (health/figures.ts).
 * Health is built on metrics (it reads the rollups), so it is passed in, never imported here.
 */
export type HealthFiguresOf = (sqlite: Database.Database, accounts: readonly AccountFacts[], today: string) => Portfolio['health'];

const withoutDistribution = <T extends { distribution: unknown }>({ distribution: _, ...rest }: T) => rest;

/** The whole dashboard for a query: rollups for activity, the accounts table and ARR history for retention and value. */
export function portfolio(sqlite: Database.Database, query: MetricsQuery, now: Date, healthFigures: HealthFiguresOf): Portfolio {
  const settings = readSettings(sqlite);
  const { range, filter, scope } = resolveQuery(query, now);
  const previous = previousMonths(range);
  const [from, to, prevFrom] = [monthStart(range.from), monthStart(range.to), monthStart(previous.from)];
  const today = now.toISOString().slice(0, 10);

  const source = sourceFor(filter);
  const view = foldPeriods(rollupRows(sqlite, source, range.to), range, previous);
  const { current, before } = view;

  // The filtered accounts from the accounts indexed by value, and their per-account figures from
  // parts kept with the inputs per period (inputs.ts, accountIndex.ts, periodFacts.ts): no walk over every account.
  const index = accountIndexOf(sqlite);
  const kept = periodFigures(dashboardInputs(sqlite), index, positionsFor(index, filter), { prevFrom, from, to, today }, settings);
  const accounts = kept.accounts;
  const scopeEmpty = accounts.length === 0;

  // When accounts started and churned, summed from the stored cohort cells (the filtered accounts' own counts when no cell answers the filter).
  const spans = cohortCounts(sqlite, source) ?? spanCountsOf(accounts);
  const satisfaction = satisfactionFigures(current.counts);
  const previousSatisfaction = satisfactionFigures(before.counts);
  const logo = logoFiguresOf(spans, range.from, range.to);
  const health = healthFigures(sqlite, accounts, today);

  return {
    scope,
    accounts: customersAt(spans, range.to),
    satisfaction,
    support: supportFigures(current, view, view.backlog, topicsByName(sqlite, current), settings, scopeEmpty),
    retention: {
      ...logo,
      ...kept.revenue,
      renewalRate: kept.renewalRate,
      tenureMonths: kept.tenureMonths,
      cohorts: cohortCurvesOf(spans, to),
    },
    value: kept.value,
    health: { bands: health.bands, atRisk: health.atRisk, takenAt: health.takenAt },
    previous: {
      nps: withoutDistribution(previousSatisfaction.nps),
      csat: withoutDistribution(previousSatisfaction.csat),
      firstResponseMedian: figure('firstResponse', sketchQuantile(timesSketch(before, 'firstResponse'), 0.5), true),
      logoChurn: logoFiguresOf(spans, previous.from, range.from).logoChurn,
      netRevenueRetention: kept.previousRevenue.netRevenueRetention,
    },
  };
}
