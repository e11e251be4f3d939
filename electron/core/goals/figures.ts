import type Database from 'better-sqlite3';
import type { GoalKpi } from '../../../shared/contract/goals';
import type { MetricsQuery, MetricValueDto } from '../../../shared/contract/metrics';
import { logoFiguresOf, spanCountsOf } from '../metrics/cohortFigures';
import { figure } from '../metrics/figure';
import { accountsOf, arrLevelsOf } from '../metrics/inputs';
import { monthStart, previousMonths } from '../metrics/period';
import { resolveQuery } from '../metrics/portfolio';
import { matches, rollupRows, sourceFor } from '../metrics/repo';
import { renewalFigure, revenueFigures } from '../metrics/retentionFigures';
import { cohortCounts } from '../metrics/rollups/cohorts';
import { foldRollups, mergeMonths, timesSketch } from '../metrics/rollups/read';
import { satisfactionFigures } from '../metrics/satisfaction';
import { sketchQuantile } from '../metrics/sketch';

export interface GoalFigures {
  figures: Record<GoalKpi, MetricValueDto>;
}

/**
 * The goals' eight figures for one period and scope, computed the way `metrics.portfolio` computes
 * them (metrics/portfolio.ts) from the same inputs, without the rest of the dashboard (health bands,
 * the at-risk list, value, cohorts, topics, the previous period): the whole dashboard per scope took
 * 1.8x the dashboard's own time for two scopes at 20,000 accounts. tests/integration/goalsIntervals.test.ts
 * holds each figure equal to the dashboard's.
 */
export function goalFigures(sqlite: Database.Database, query: MetricsQuery, now: Date): GoalFigures {
  const { range, filter } = resolveQuery(query, now);
  const previous = previousMonths(range);
  const [from, to, prevFrom] = [monthStart(range.from), monthStart(range.to), monthStart(previous.from)];
  const today = now.toISOString().slice(0, 10);
  const source = sourceFor(filter);
  const view = foldRollups(rollupRows(sqlite, source, range.to), range, previous.from);
  const current = mergeMonths(view, range.from, range.to);
  const accounts = accountsOf(sqlite).filter((a) => matches(a, filter));
  // The same three boundaries as the dashboard asks for, so both share the kept ARR levels (metrics/inputs.ts).
  const atBounds = arrLevelsOf(sqlite, [prevFrom, from, to]);
  const levels = new Map<number, number[]>();
  for (const { id } of accounts) {
    const [, atFrom, atTo] = atBounds.get(id) ?? [0, 0, 0];
    levels.set(id, [atFrom!, atTo!]);
  }
  const satisfaction = satisfactionFigures(current.counts);
  const revenue = revenueFigures(accounts, levels);
  return {
    figures: {
      nps: satisfaction.nps,
      csat: satisfaction.csat,
      nsat: satisfaction.nsat,
      first_response_median: figure('firstResponse', sketchQuantile(timesSketch(current, 'firstResponse'), 0.5), true),
      renewal_rate: renewalFigure(accounts, from, to, today),
      nrr: revenue.netRevenueRetention,
      grr: revenue.grossRevenueRetention,
      logo_churn: logoFiguresOf(cohortCounts(sqlite, source) ?? spanCountsOf(accounts), range.from, range.to).logoChurn,
    },
  };
}
