import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { changesSince, markNow, type LogMark } from '../metrics/changeLog';
import { currentSnapshots, type SnapshotRow } from './snapshots';

/**
 * Every account's current snapshot for the dashboard's health bands and at-risk list and the
 * finder's health gate, kept in step with writes (issue 14): each write through
 * the core refreshes its accounts' snapshots and logs them (metrics/changeLog.ts), so the next
 * dashboard rereads those few rows instead of all of them (312 ms and 100,000 objects at 100,000
 * accounts, paid by the first dashboard after every ticket). A recompute, the daily refresh, a
 * settings change (`health.changed`), an import (`metrics.changed`) or any other domain's unlogged
 * write to these domains, another connection's commit or a restore rereads every snapshot.
 */
const DOMAINS = ['tickets', 'surveyResponses', 'touchpoints', 'deployments', 'accounts', 'health', 'metrics'] as const;

const state = new WeakMap<Database.Database, { snapshots: Map<number, SnapshotRow>; mark: LogMark }>();

export function liveSnapshots(sqlite: Database.Database): Map<number, SnapshotRow> {
  const live = state.get(sqlite);
  const since = live && changesSince(sqlite, live.mark, DOMAINS);
  if (live && since) {
    for (const id of new Set(since.entries.flatMap((entry) => entry.accounts))) {
      const row = stmt<SnapshotRow>(
        sqlite,
        `SELECT account_id AS accountId, taken_at AS takenAt, model_version AS modelVersion, score, band
        FROM health_snapshots WHERE account_id = ? AND current = 1`,
      ).get(id);
      if (row) live.snapshots.set(id, row);
      else live.snapshots.delete(id);
    }
    live.mark = since.mark;
    return live.snapshots;
  }
  const mark = markNow(sqlite, DOMAINS);
  const snapshots = currentSnapshots(sqlite);
  state.set(sqlite, { snapshots, mark });
  return snapshots;
}
