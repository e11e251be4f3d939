import type Database from 'better-sqlite3';
import type { MetricsQuery, TREND_METRICS } from '../../../shared/contract/metrics';
import { countFigure, figure } from './figure';
import { monthStart, periodsOf } from './period';
import { resolveQuery } from './portfolio';
import { accountsOf } from './inputs';
import { matches, rollupRows, sourceFor } from './repo';
import { logoFigures } from './retentionFigures';
import { backlogAt, foldRollups, mergeMonths, timesSketch } from './rollups/read';
import { satisfactionFigures } from './satisfaction';
import { sketchQuantile } from './sketch';
import { L } from './rollups/layout';

type TrendMetric = (typeof TREND_METRICS)[number];

/** One metric per month or quarter of the period, from the same rollups as the dashboard. */
export function trend(sqlite: Database.Database, query: MetricsQuery & { metric: TrendMetric }, now: Date) {
  const { range, granularity, filter, scope } = resolveQuery(query, now);
  const source = sourceFor(filter);
  const view = foldRollups(rollupRows(sqlite, source, range.to), range, range.from);
  const accounts = query.metric === 'logoChurn' ? accountsOf(sqlite).filter((a) => matches(a, filter)) : [];
  const points = periodsOf(range, granularity).map(({ label, from, to }) => {
    const acc = mergeMonths(view, from, to);
    const s = () => satisfactionFigures(acc.counts);
    const strip = ({ distribution: _, ...rest }: { distribution: number[] } & ReturnType<typeof figure>) => rest;
    const value = (() => {
      switch (query.metric) {
        case 'nps':
          return strip(s().nps);
        case 'csat':
          return strip(s().csat);
        case 'nsat':
          return strip(s().nsat);
        case 'ces':
          return strip(s().ces);
        case 'ticketVolume':
          return countFigure('ticketVolume', acc.counts[L.opened.start]!, false);
        case 'backlog':
          return countFigure('backlog', backlogAt(view, to), false);
        case 'firstResponseMedian':
          return figure('firstResponse', sketchQuantile(timesSketch(acc, 'firstResponse'), 0.5), true);
        case 'resolutionMedian':
          return figure('resolution', sketchQuantile(timesSketch(acc, 'resolution'), 0.5), true);
        case 'logoChurn':
          return logoFigures(accounts, monthStart(from), monthStart(to)).logoChurn;
      }
    })();
    return { period: label, value };
  });
  return { scope, metric: query.metric, points };
}
