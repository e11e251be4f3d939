// Bulk writing for a freshly created workspace: prepared multi-row INSERTs, ~10,000-row
// transactions, and the bulk-load settings SQLite needs to do millions of rows in seconds.

import type Database from 'better-sqlite3';
import { COLUMNS, type Sink, type TableName } from './rows';

export interface BulkWriterOptions {
  /** Rows per transaction. */
  batchRows?: number;
  /** Rows bound to one INSERT statement: one native call per 50 rows instead of per row. */
  rowsPerStatement?: number;
  /** Called after every commit with the rows written so far. */
  onCommit?: (written: number) => void;
}

export interface BulkWriter {
  sink: Sink;
  /** Rows of one table, one after another in COLUMNS order (a batch from the generation thread). */
  insertFlat(table: TableName, values: readonly unknown[]): void;
  counts(): Record<TableName, number>;
  written(): number;
  /** Commits the rest, rebuilds the deferred indexes and restores the workspace's normal settings. */
  finish(): void;
}

/**
 * Indexes led by a time column: rows arrive account by account, so these would take random
 * inserts all over the b-tree; building them once at the end (a sort) is several times faster.
 * Indexes led by account_id stay live, because account-ordered rows append to them cheaply.
 */
const DEFERRED_INDEXES = ['tickets_time', 'tickets_status', 'touchpoints_time', 'survey_responses_kind_time'];

const quote = (name: string) => `"${name}"`;

export function createBulkWriter(sqlite: Database.Database, options: BulkWriterOptions = {}): BulkWriter {
  const batchRows = options.batchRows ?? 10_000;
  const perStatement = options.rowsPerStatement ?? 50;

  // The file is new and is deleted if generation fails, so durability during the load buys
  // nothing: no journal, no fsync, a large page cache. Constraints are verified after the load
  // instead of per row (the CHECKs alone cost a fifth of the time): foreign keys checked per
  // statement would force parents to be flushed before children, and the ids and values are
  // the generator's own. The tests and the benchmark run PRAGMA foreign_key_check and
  // integrity_check (which checks every CHECK and NOT NULL) on what it writes.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  const deferred = DEFERRED_INDEXES.flatMap((name) => {
    const row = sqlite.prepare<unknown[], { sql: string }>(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`).get(name);
    if (!row) return [];
    sqlite.exec(`DROP INDEX ${quote(name)}`);
    return [row.sql];
  });

  const counts = Object.fromEntries(Object.keys(COLUMNS).map((table) => [table, 0])) as Record<TableName, number>;
  const flushes: (() => void)[] = [];
  let written = 0;
  let inBatch = 0;

  const insertSql = (table: TableName, rows: number) => {
    const columns = COLUMNS[table];
    const one = `(${columns.map(() => '?').join(',')})`;
    return `INSERT INTO ${quote(table)} (${columns.join(',')}) VALUES ${Array(rows).fill(one).join(',')}`;
  };

  const commit = () => {
    for (const flush of flushes) flush();
    sqlite.exec('COMMIT');
    options.onCommit?.(written);
    inBatch = 0;
  };

  /** One table's inserter: rows collect in a reused array and go out perStatement at a time; a row is `width` values of `source` from `from`. */
  const inserter = (table: TableName) => {
    const width = COLUMNS[table].length;
    const values: unknown[] = new Array(width * perStatement);
    let rows = 0;
    let multi: Database.Statement | undefined;
    let single: Database.Statement | undefined;
    flushes.push(() => {
      if (rows === 0) return;
      single ??= sqlite.prepare(insertSql(table, 1));
      for (let row = 0; row < rows; row++) single.run(values.slice(row * width, (row + 1) * width));
      rows = 0;
    });
    return (source: readonly unknown[], from = 0) => {
      if (inBatch === 0 && !sqlite.inTransaction) sqlite.exec('BEGIN');
      const offset = rows * width;
      for (let i = 0; i < width; i++) values[offset + i] = source[from + i];
      counts[table]++;
      written++;
      if (++rows === perStatement) {
        multi ??= sqlite.prepare(insertSql(table, perStatement));
        multi.run(values);
        rows = 0;
      }
      if (++inBatch >= batchRows) commit();
    };
  };

  const inserters = Object.fromEntries((Object.keys(COLUMNS) as TableName[]).map((table) => [table, inserter(table)])) as Record<TableName, ReturnType<typeof inserter>>;
  const sink = Object.fromEntries((Object.keys(COLUMNS) as TableName[]).map((table) => [table, (row: readonly unknown[]) => inserters[table](row)])) as unknown as Sink;

  return {
    sink,
    insertFlat(table, values) {
      const insert = inserters[table];
      const width = COLUMNS[table].length;
      for (let from = 0; from < values.length; from += width) insert(values, from);
    },
    counts: () => ({ ...counts }),
    written: () => written,
    finish() {
      if (sqlite.inTransaction) commit();
      // Back to the workspace's own temporary storage (files) before the index builds: their sorts
      // spill there past the page cache, where in memory they took 0.4 GB more at 100,000 accounts.
      sqlite.pragma('temp_store = DEFAULT');
      for (const sql of deferred) sqlite.exec(sql);
      sqlite.pragma('ignore_check_constraints = OFF');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('journal_mode = WAL');
    },
  };
}
