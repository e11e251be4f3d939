import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { changesSince, markNow, type LogMark } from '../metrics/changeLog';
import { loadHealth } from './repo';

/**
 * Every account's current health score for the finder's gate, kept in step with writes: each
 * write through the core refreshes its accounts' snapshots and logs them (metrics/changeLog.ts), so
 * the next match rereads those few scores instead of all of them. A recompute, a rebuild, an import
 * or a settings change (`health.changed` without a log entry, or another domain's unlogged write)
 * rereads every score.
 */

/** Writes that change snapshots: the activity tables', deployments', accounts' (logged), and health's own (not: reread). */
const DOMAINS = ['tickets', 'surveyResponses', 'touchpoints', 'deployments', 'accounts', 'health'] as const;

const state = new WeakMap<Database.Database, { scores: Map<number, number | null>; mark: LogMark }>();

export function liveHealth(sqlite: Database.Database): Map<number, number | null> {
  const live = state.get(sqlite);
  const since = live && changesSince(sqlite, live.mark, DOMAINS);
  if (live && since) {
    for (const { accounts } of since.entries) {
      for (const id of accounts) {
        const row = stmt<{ score: number | null }>(sqlite, 'SELECT score FROM health_snapshots WHERE account_id = ? AND current = 1').get(id);
        if (row) live.scores.set(id, row.score);
        else live.scores.delete(id);
      }
    }
    live.mark = since.mark;
    return live.scores;
  }
  const mark = markNow(sqlite, DOMAINS);
  const scores = loadHealth(sqlite);
  state.set(sqlite, { scores, mark });
  return scores;
}
