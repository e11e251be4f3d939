import type Database from 'better-sqlite3';
import { cached } from '../db/inputCache';
import { loadHistory, type AccountHistory } from './history';

/**
 * The dashboard asks for "what satisfaction is worth" on every open and every filter change. Both
 * the history it reads (the typed columns of every dated table) and its answers are kept while the
 * workspace's data is unchanged: db/inputCache.ts keys them by SQLite's own change counters
 * (`total_changes()` for this connection's writes, `data_version` for other connections'), so any
 * write at all, through the core or not, drops them. A second open is then a read of the map below.
 */

/** Every account's dated history, read once per data state. */
export const cachedHistory = (sqlite: Database.Database): AccountHistory[] => cached(sqlite, 'churn.history', () => loadHistory(sqlite));

/** Answers kept per data state, per request (day, period, filters, identity); a few dozen at most. */
const KEEP = 32;

export function cachedResult<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  // A new map whenever the data state moves: the answers of an older state go with it.
  const answers = cached(sqlite, 'churn.satisfactionRevenue', () => new Map<string, unknown>());
  if (answers.has(key)) return answers.get(key) as T;
  const value = compute();
  if (answers.size >= KEEP) answers.delete(answers.keys().next().value!);
  answers.set(key, value);
  return value;
}
