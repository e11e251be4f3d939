import type Database from 'better-sqlite3';
import type { MetricsQuery, Portfolio } from '../../../shared/contract/metrics';
import { readSettings } from '../db/settings';
import { monthStart, previousMonths, resolveMonths, type Granularity, type MonthRange } from './period';
import { accountsOf, arrLevelsOf, arrStepsOf } from './inputs';
import { matches, rollupRows, sourceFor, type AccountFacts, type MetricsFilter } from './repo';
import { renewalFigure, revenueFigures, tenureFigure } from './retentionFigures';
import { cohortCurvesOf, customersAt, logoFiguresOf, spanCountsOf } from './cohortFigures';
import { cohortCounts } from './rollups/cohorts';
import { backlogAt, foldRollups, mergeMonths, timesSketch, topicsByName } from './rollups/read';
import { satisfactionFigures } from './satisfaction';
import { supportFigures } from './support';
import { figure } from './figure';
import { sketchQuantile } from './sketch';
import { valueFigures } from './valueFigures';

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
  const view = foldRollups(rollupRows(sqlite, source, range.to), range, previous.from);
  const current = mergeMonths(view, range.from, range.to);
  const before = mergeMonths(view, previous.from, previous.to);

  const all = accountsOf(sqlite);
  const accounts: AccountFacts[] = all.filter((a) => matches(a, filter));
  const scopeEmpty = accounts.length === 0;
  const steps = arrStepsOf(sqlite);
  // ARR levels at the three boundaries, kept per workspace state (inputs.ts): looked up for the
  // filtered accounts (every figure that reads them is of those); 0 for an account without history.
  const atBounds = arrLevelsOf(sqlite, [prevFrom, from, to]);
  const levels = new Map<number, number[]>();
  const previousLevels = new Map<number, number[]>();
  for (const { id } of accounts) {
    const [atPrev, atFrom, atTo] = atBounds.get(id) ?? [0, 0, 0];
    levels.set(id, [atFrom!, atTo!]);
    previousLevels.set(id, [atPrev!, atFrom!]);
  }

  // When accounts started and churned, summed from the stored cohort cells (the filtered accounts' own counts when no cell answers the filter).
  const spans = cohortCounts(sqlite, source) ?? spanCountsOf(accounts);
  const satisfaction = satisfactionFigures(current.counts);
  const previousSatisfaction = satisfactionFigures(before.counts);
  const logo = logoFiguresOf(spans, range.from, range.to);
  const revenue = revenueFigures(accounts, levels);
  const health = healthFigures(sqlite, accounts, today);

  return {
    scope,
    accounts: customersAt(spans, range.to),
    satisfaction,
    support: supportFigures(current, view, backlogAt(view, range.to), topicsByName(sqlite, current), settings, scopeEmpty),
    retention: {
      ...logo,
      ...revenue,
      renewalRate: renewalFigure(accounts, from, to, today),
      tenureMonths: tenureFigure(accounts, to),
      cohorts: cohortCurvesOf(spans, to),
    },
    value: valueFigures(accounts, all, steps, levels, { from, to }, settings, (dates) => arrLevelsOf(sqlite, dates)),
    health: { bands: health.bands, atRisk: health.atRisk, takenAt: health.takenAt },
    previous: {
      nps: withoutDistribution(previousSatisfaction.nps),
      csat: withoutDistribution(previousSatisfaction.csat),
      firstResponseMedian: figure('firstResponse', sketchQuantile(timesSketch(before, 'firstResponse'), 0.5), true),
      logoChurn: logoFiguresOf(spans, previous.from, range.from).logoChurn,
      netRevenueRetention: revenueFigures(accounts, previousLevels).netRevenueRetention,
    },
  };
}
