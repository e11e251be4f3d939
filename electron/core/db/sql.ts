import type Database from 'better-sqlite3';

/**
 * Prepared statements, cached per connection. The rollup code talks to better-sqlite3 directly
 * rather than through Kysely: it streams millions of rows in a rebuild, binds BLOBs, and runs
 * synchronously inside the transaction of the write that triggered it.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The cached statement for `text`. `Row` is what one result is, stated once at the query: an object
 * of the selected columns, or after `.pluck()` the one value, or after `.raw()` the array of values.
 */
export function stmt<Row = unknown>(sqlite: Database.Database, text: string): Database.Statement<unknown[], Row> {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map<string, Database.Statement>()));
  let s = statements.get(text);
  if (!s) statements.set(text, (s = sqlite.prepare(text)));
  // The one place a statement is given its row type: SQLite does not know it, the query's author does.
  return s as Database.Statement<unknown[], Row>;
}

/** Runs `fn` in a transaction, or inside the one already open (a write's). */
export function inTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.inTransaction ? fn() : sqlite.transaction(fn)();
}

/** year · 12 + month − 1 of an ISO text column, computed by SQLite. */
export const monthSql = (column: string) => `(CAST(substr(${column}, 1, 4) AS INTEGER) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER) - 1)`;
/** ms since the epoch of an ISO instant column (julianday is exact to well under a millisecond here). */
export const msSql = (column: string) => `round((julianday(${column}) - 2440587.5) * 86400000.0)`;
