import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { accountRows, historyInSlices, loadHistory, type AccountHistory, type AccountRow, type ReadProgress } from './history';

/**
 * The churn history kept in step with writes (migration 0017), as `rollup_cohort_cell` is for the
 * dashboard: one row per account (not archived) holding its dated rows as the features read them,
 * rewritten by every write to the account or its activity in that write's transaction
 * (derived/hooks.ts → keepAccountHistory), dropped by a bulk write's full refresh and kept whole
 * again by the next training, which reads the raw rows then (keepHistories). A first training in
 * a fresh process then reads 20,000 small blobs instead of scanning three million rows of tickets,
 * answers and interactions. The account's own fields (segment, start,
 * churn day, size) are read live from `accounts`; only the dated columns are kept.
 *
 * Packing: one Float64 array, the five tables' row counts first, then each column in the order of
 * AccountHistory (NaN for a missing date survives the bytes), so a read is a copy and some views.
 */

/** Bumped when the packing changes: a workspace kept with another layout reads the raw rows until rebuilt. */
export const KEPT_LAYOUT = 1;

/** Columns per table, in AccountHistory's order. */
const SHAPE = [
  ['arr', ['on', 'value']],
  ['surveys', ['at', 'kind', 'score']],
  ['tickets', ['opened', 'firstResponse', 'resolved', 'urgent', 'csat']],
  ['touchpoints', ['at', 'sentiment']],
  ['deployments', ['started', 'planned', 'actual']],
] as const;
type Dated = Omit<AccountHistory, keyof AccountRow>;

/** An account's dated columns as one buffer. */
export function packHistory(h: AccountHistory): Buffer {
  const tables = SHAPE.map(([table, columns]) => columns.map((c) => (h[table] as Record<string, Float64Array>)[c]!));
  const counts = tables.map((columns) => columns[0]!.length);
  const out = new Float64Array(SHAPE.length + tables.reduce((s, columns, k) => s + columns.length * counts[k]!, 0));
  out.set(counts);
  let at = SHAPE.length;
  for (const columns of tables)
    for (const column of columns) {
      out.set(column, at);
      at += column.length;
    }
  return Buffer.from(out.buffer);
}

/** The account with its dated columns from a packed buffer (none: no rows). */
export function unpackHistory(account: AccountRow, data: Buffer | undefined): AccountHistory {
  // Copied into an aligned array of its own: SQLite's bytes need not start on an 8-byte boundary.
  const all = new Float64Array(data ? data.length / 8 : SHAPE.length);
  if (data) new Uint8Array(all.buffer).set(data);
  let at = SHAPE.length;
  const dated = {} as Record<string, Record<string, Float64Array>>;
  SHAPE.forEach(([table, columns], k) => {
    const n = all[k]!;
    dated[table] = {};
    for (const column of columns) {
      dated[table][column] = all.subarray(at, at + n);
      at += n;
    }
  });
  return { ...account, ...(dated as unknown as Dated) };
}

/** Rewrites one account's kept history from its rows (inside the caller's transaction), when it is kept; an archived or missing account's goes. */
export function keepAccountHistory(sqlite: Database.Database, accountId: number): void {
  // Not kept (dropped by a bulk write's refresh): nothing to move until the next training keeps it whole.
  if (!keptLayoutIsCurrent(sqlite)) return;
  const [history] = loadHistory(sqlite, accountId);
  if (history) stmt(sqlite, 'INSERT OR REPLACE INTO churn_history (account_id, data) VALUES (?, ?)').run(accountId, packHistory(history));
  else stmt(sqlite, 'DELETE FROM churn_history WHERE account_id = ?').run(accountId);
}

/** Every account's history just read from the rows, kept whole with this layout (inside the caller's transaction). */
export function keepHistories(sqlite: Database.Database, histories: readonly AccountHistory[], now: Date): void {
  stmt(sqlite, 'DELETE FROM churn_history').run();
  const insert = stmt(sqlite, 'INSERT INTO churn_history (account_id, data) VALUES (?, ?)');
  for (const h of histories) insert.run(h.id, packHistory(h));
  stmt(sqlite, 'INSERT OR REPLACE INTO churn_history_state (id, layout, built_at) VALUES (1, ?, ?)').run(KEPT_LAYOUT, now.toISOString());
}

/**
 * After a bulk write's full refresh: the kept history is dropped, not rebuilt. Rebuilding it there
 * read every dated row a second time (about 9 s and 530 MB at 20,000 accounts, over the rebuild's
 * 10 s and 500 MB limits); the next training reads the raw rows, as it must anyway after a bulk
 * write, and keeps what it read (churn/service.ts).
 */
export function forgetKeptHistory(sqlite: Database.Database): void {
  stmt(sqlite, 'DELETE FROM churn_history').run();
  stmt(sqlite, 'DELETE FROM churn_history_state').run();
}

/** A bulk write's refresh is owed (derived/refresh.ts's stale mark, read here by its key: derived imports this file). */
const refreshOwed = (sqlite: Database.Database): boolean => stmt(sqlite, "SELECT 1 FROM settings WHERE key = 'derivedStale'").get() !== undefined;

/**
 * The full refresh's part (call before it clears the stale mark): only a bulk write (an import, a
 * team pull, an erasure, the generator) writes dated rows behind the hooks, and each marks a refresh
 * owed in its own transaction; then the kept history is dropped (forgetKeptHistory). A refresh with
 * nothing owed (metrics.rebuild asked for, rollups of an older layout or clock on open) changed no
 * row: every write since the history was kept moved it in its own transaction, so it stays, and the
 * first training after such a rebuild reads one row per account instead of every dated row (a 20,000-
 * account workspace's raw read is seconds). Returns whether it was kept.
 */
export function keptHistoryAfterRefresh(sqlite: Database.Database): boolean {
  if (!refreshOwed(sqlite)) return true;
  forgetKeptHistory(sqlite);
  return false;
}

/** Built whole with this layout (writes since have kept it, except a bulk write whose refresh is owed). */
export const keptLayoutIsCurrent = (sqlite: Database.Database): boolean =>
  stmt<number>(sqlite, 'SELECT layout FROM churn_history_state WHERE id = 1').pluck().get() === KEPT_LAYOUT;

/**
 * Whether the kept history can be read: built with this layout, and no bulk write's refresh owed
 * (derived/refresh.ts's stale mark, a settings row read here by its key: derived imports this file).
 */
export function keptHistoryIsCurrent(sqlite: Database.Database): boolean {
  return keptLayoutIsCurrent(sqlite) && !refreshOwed(sqlite);
}

/** Accounts per step of a kept read (progress and a chance to cancel between them). */
const KEPT_SLICE = 2_000;

/** Every account's history from the kept rows, in steps of accounts; the caller checked keptHistoryIsCurrent. */
export function* keptInSlices(sqlite: Database.Database): Generator<ReadProgress, AccountHistory[]> {
  const accounts = accountRows(sqlite);
  const read = stmt<{ accountId: number; data: Buffer }>(
    sqlite,
    'SELECT account_id AS accountId, data FROM churn_history WHERE account_id >= ? AND account_id <= ? ORDER BY account_id',
  );
  const out: AccountHistory[] = [];
  for (let from = 0; from < accounts.length; from += KEPT_SLICE) {
    const slice = accounts.slice(from, from + KEPT_SLICE);
    const data = new Map(read.all(slice[0]!.id, slice.at(-1)!.id).map((r) => [r.accountId, r.data]));
    for (const a of slice) out.push(unpackHistory(a, data.get(a.id)));
    yield { done: Math.min(from + KEPT_SLICE, accounts.length), total: accounts.length };
  }
  return out;
}

/** The history's read: the kept rows when current, else the raw rows (a workspace not yet rebuilt, a refresh owed). */
export const historySteps = (sqlite: Database.Database): Generator<ReadProgress, AccountHistory[]> =>
  keptHistoryIsCurrent(sqlite) ? keptInSlices(sqlite) : historyInSlices(sqlite);
