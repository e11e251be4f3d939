// The insert limit of this machine, measured in the same bench run as the figures held against it
// (issue 14): 1,000,000 prepared single-row INSERTs of 11 ticket columns, 10,000 rows per
// transaction, into a fresh migrated workspace (WAL, synchronous NORMAL, foreign keys on, every
// CHECK and index of the schema live) holding 1,000 accounts. It is the rate SQLite sustains for
// plain writes here today, so a bulk writer's rate divided by it reads the same on a quiet or a
// loaded machine. The values are built before the clock starts: only binding and SQLite are timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openWorkspace } from '../../electron/core/db/open';

export interface InsertLimit {
  rowsPerSecond: number;
  rows: number;
  seconds: number;
  /** One line for a figure's detail, saying what the reference is. */
  what: string;
}

const ROWS = 1_000_000;
const BATCH = 10_000;
const ACCOUNTS = 1_000;
const COLUMNS = ['account_id', 'external_id', 'subject', 'opened_at', 'resolved_at', 'channel', 'priority', 'status', 'csat', 'created_at', 'updated_at'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const CHANNELS = ['email', 'chat', 'phone', 'self_service'];

/**
 * `rows` prepared single-row INSERTs of 11 ticket columns in BATCH-row transactions, row i for
 * account `accountOf(i)`: the same shape as the import benchmark's CSV (opened one minute apart from
 * 1 January 2025, repeating every 500,000 rows; every fifth ticket unsolved). The values are built
 * before the clock starts: returns the seconds of the INSERTs alone.
 */
function insertTickets(sqlite: Database.Database, rows: number, accountOf: (i: number) => number, prefix: string): number {
  const base = Date.UTC(2025, 0, 1);
  const distinct = Math.min(rows, 500_000);
  const opened = Array.from({ length: distinct }, (_, i) => new Date(base + i * 60_000).toISOString());
  const solved = Array.from({ length: distinct }, (_, i) => new Date(base + i * 60_000 + 3_600_000).toISOString());
  const insert = sqlite.prepare(`INSERT INTO tickets (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const started = performance.now();
  for (let from = 1; from <= rows; from += BATCH) {
    sqlite.exec('BEGIN');
    for (let i = from; i < from + BATCH && i <= rows; i++) {
      const at = i % distinct;
      const open = i % 5 === 0;
      insert.run(
        accountOf(i),
        `${prefix}-${i}`,
        'Cannot log in, again',
        opened[at],
        open ? null : solved[at],
        CHANNELS[i % 4],
        PRIORITIES[i % 4],
        open ? 'open' : 'solved',
        i % 7 === 0 ? null : (i % 5) + 1,
        opened[at],
        open ? opened[at] : solved[at],
      );
    }
    sqlite.exec('COMMIT');
  }
  return (performance.now() - started) / 1000;
}

/** One fresh measurement (most callers want the shared one below). */
export async function measureInsertLimit(rows = ROWS): Promise<InsertLimit> {
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-bench-insert-'));
  const workspace = await openWorkspace(join(dir, 'limit.fulcrum'), { create: true });
  try {
    const { sqlite } = workspace;
    const stamp = '2025-01-01T00:00:00.000Z';
    const account = sqlite.prepare(
      `INSERT INTO accounts (id, name, segment, region, arr_minor, currency, lifecycle_stage, created_at, updated_at) VALUES (?, ?, 'smb', 'EMEA', 0, 'EUR', 'adoption', ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let id = 1; id <= ACCOUNTS; id++) account.run(id, `Account ${id}`, stamp, stamp);
    })();
    const seconds = insertTickets(sqlite, rows, (i) => (i % ACCOUNTS) + 1, 'T');
    const rowsPerSecond = Math.round(rows / seconds);
    return {
      rowsPerSecond,
      rows,
      seconds,
      what: `insert limit ${rowsPerSecond.toLocaleString('en-US')} rows/s: ${rows.toLocaleString('en-US')} prepared 11-column ticket INSERTs in ${BATCH.toLocaleString('en-US')}-row transactions (WAL, foreign keys on) in ${seconds.toFixed(1)} s`,
    };
  } finally {
    await workspace.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

let once: Promise<InsertLimit> | undefined;

/** The insert limit, measured on first use and shared by every benchmark of the run. */
export function insertLimit(rows = ROWS): Promise<InsertLimit> {
  once ??= measureInsertLimit(rows);
  return once;
}

/** -KiB: the page cache import.commit gives itself (import/service.ts), so both write with the same memory. */
const IMPORT_CACHE_KIB = -262_144;

/**
 * The insert limit into a workspace as it is (issue 14, session 10): `rows` of the same prepared
 * INSERTs, into `path` (a throwaway copy: they stay in it), row i for `accountIds[i % n]`, with the
 * import's page cache. Into a table of two million tickets and its five indexes SQLite writes slower
 * than into the empty one above; an import into that workspace cannot beat this rate.
 */
export async function measureInsertLimitInto(path: string, rows: number, accountIds: readonly number[]): Promise<InsertLimit> {
  const workspace = await openWorkspace(path, { backupBeforeMigrating: false });
  try {
    const { sqlite } = workspace;
    sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    const tickets = sqlite.prepare<unknown[], number>('SELECT max(id) FROM tickets').pluck().get() ?? 0;
    const seconds = insertTickets(sqlite, rows, (i) => accountIds[i % accountIds.length]!, 'LIMIT');
    const rowsPerSecond = Math.round(rows / seconds);
    return {
      rowsPerSecond,
      rows,
      seconds,
      what: `insert limit into a copy of the workspace ${rowsPerSecond.toLocaleString('en-US')} rows/s: ${rows.toLocaleString('en-US')} of the same INSERTs over its ${accountIds.length.toLocaleString('en-US')} accounts, into its ${tickets.toLocaleString('en-US')} tickets (${BATCH.toLocaleString('en-US')}-row transactions, the import's page cache) in ${seconds.toFixed(1)} s`,
    };
  } finally {
    await workspace.db.destroy();
  }
}
