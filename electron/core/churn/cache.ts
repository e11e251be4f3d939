import type Database from 'better-sqlite3';
import { cached, cachedAsync } from '../db/inputCache';
import type { Job } from '../lib/jobs';
import { runToEnd, type AccountHistory } from './history';
import { historySteps } from './kept';

/**
 * The dashboard asks for "what satisfaction is worth" on every open and every filter change. Both
 * the history it reads (the typed columns of every dated table) and its answers are kept while the
 * workspace's data is unchanged: db/inputCache.ts keys them by SQLite's own change counters
 * (`total_changes()` for this connection's writes, `data_version` for other connections'), so any
 * write at all, through the core or not, drops them. A second open is then a read of the map below.
 */

/**
 * The domains whose writes the history reads (their `<domain>.changed`): ARR changes are written by
 * account writes, imports (`metrics.changed`) and the derived refreshes (`metrics`, `health`). The
 * churn domain's own writes (a trained model) are not among them, so training no longer drops the
 * history it just read, and the dashboard's section after a training reads no table again.
 */
const HISTORY_DOMAINS = ['accounts', 'tickets', 'surveyResponses', 'touchpoints', 'deployments', 'metrics', 'health'];

/** Every account's dated history (the kept rows when current, kept.ts), read once per data state of the tables it comes from. */
export const cachedHistory = (sqlite: Database.Database): AccountHistory[] => cached(sqlite, 'churn.history', () => runToEnd(historySteps(sqlite)), HISTORY_DOMAINS);

/**
 * The same, read by a job: progress after each slice of rows (phase 'history'), a cancel between
 * them, and all of it inside one read transaction, so every table comes from the same state even if
 * another program commits meanwhile.
 */
export function historyAsJob(sqlite: Database.Database, job: Job): Promise<AccountHistory[]> {
  return cachedAsync(
    sqlite,
    'churn.history',
    async () => {
      const own = !sqlite.inTransaction;
      if (own) sqlite.prepare('BEGIN').run();
      try {
        // The kept rows (kept.ts) when current: one row per account instead of every dated row.
        const slices = historySteps(sqlite);
        for (let step = slices.next(); ; step = slices.next()) {
          if (step.done) return step.value;
          job.progress(step.value.done, step.value.total, 'history');
          await job.step();
        }
      } finally {
        if (own && sqlite.inTransaction) sqlite.prepare('COMMIT').run();
      }
    },
    HISTORY_DOMAINS,
  );
}

/** Answers kept per data state, per request (day, period, filters, identity); a few dozen at most. */
const KEEP = 32;

/** The kept answer for `key` in this data state, else `compute`'s (kept for the next open); `compute` may be a job's steps. */
export async function cachedResult<T>(sqlite: Database.Database, key: string, compute: () => Promise<T>): Promise<T> {
  // A new map whenever the data state moves: the answers of an older state go with it.
  const answers = cached(sqlite, 'churn.satisfactionRevenue', () => new Map<string, unknown>());
  if (answers.has(key)) return answers.get(key) as T;
  const value = await compute();
  if (answers.size >= KEEP) answers.delete(answers.keys().next().value!);
  answers.set(key, value);
  return value;
}
