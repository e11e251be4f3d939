import type Database from 'better-sqlite3';
import { monthSql, msSql, stmt } from '../../db/sql';
import { addTicket, addTouchpoint, finishBatch, newBatch, type Clock, type TicketRaw, type TouchpointRaw } from './build';
import { applyToCell, applyToCells, syncAccountKeys } from './cells';
import type { RollupRow } from './codec';
import { cellKey, cellsOf, storedKeys, type AccountKeys, type Cell } from './dimensions';
import { accountRows, deleteAccountRow, feedRawRows, putAccountRow, type StoredRow } from './repo';
import { addRow, emptySum, sameRow, storedRow, storedSum, type RowChange } from './segments';

/**
 * Brings one account's rollups in line with its raw rows and its keys, inside the caller's
 * transaction (the write that changed them). First its stored rows move to the cells of its
 * current keys (segment, region, owner… : a no-op unless one changed), then it rebuilds the
 * account's months with the same code as the full rebuild (a few hundred rows at most, about a
 * millisecond), writes the months that differ, and moves every cell it counts in by the difference.
 */
export function refreshAccountRollups(sqlite: Database.Database, accountId: number, clock: Clock): void {
  const keys = syncAccountKeys(sqlite, accountId);
  const batch = newBatch(clock);
  feedRawRows(sqlite, accountId, accountId, batch);
  const built = finishBatch(batch).get(accountId) ?? new Map<number, RollupRow>();
  const stored = new Map(accountRows(sqlite, accountId).map((row) => [row.month, row]));
  const ids = new Map<string, number>();

  const changes: RowChange[] = [];
  for (const month of new Set([...stored.keys(), ...built.keys()])) {
    const before = stored.get(month);
    const row = built.get(month);
    const after = row && storedRow(sqlite, month, row, ids);
    if (before && after && sameRow(before, after)) continue;
    if (after) putAccountRow(sqlite, accountId, after);
    else deleteAccountRow(sqlite, accountId, month);
    changes.push({ month, before, after });
  }
  applyToCells(sqlite, keys, changes);
}

/**
 * Moves an account's rows to the cells of its keys as they are now (segment, dimension values;
 * none when archived). Call after any write to the account itself, a new one included (its facet
 * values count from then on). `from` and `to` are not needed any more (the keys its rows are
 * summed under are stored, rollup_account_keys) and kept for callers that pass them.
 */
export function moveAccountRollups(sqlite: Database.Database, accountId: number, _from?: string | null, _to?: string | null): void {
  syncAccountKeys(sqlite, accountId);
}

// --- Rows added in bulk (an import), issue 14 -------------------------------------------------
//
// A ticket or touchpoint only ever adds to the account-months it falls in (counters, sketch slots,
// topic counts: all sums), so rows a bulk write inserted can be added to the stored rollups without
// reading the accounts' other rows: their own rollup rows are built with the rebuild's code (build.ts)
// and merged into the stored ones, and each cell (segment, dimension value) moves by their sum. Cost
// and memory follow the rows added, not the workspace (a full rebuild of 20,000 accounts reads two
// million tickets to add a hundred thousand). Survey answers are not additive (an advocate pair is a
// contact's LAST answers of a month), so they keep the per-account refresh above.

/** Tables whose inserted rows can be added to the rollups on their own. */
export const ADDITIVE_TABLES: ReadonlySet<string> = new Set(['tickets', 'touchpoints']);

// The columns of repo.ts's raw reads (build.ts's TicketRaw and TouchpointRaw), for a range of ids.
const ADDED: Record<string, string> = {
  tickets: `SELECT account_id, priority, channel, topic, csat, ${msSql('opened_at')}, ${msSql('first_response_at')}, ${msSql('resolved_at')}
    FROM tickets WHERE id > ? AND id <= ? AND archived_at IS NULL`,
  touchpoints: `SELECT account_id, ${monthSql('occurred_at')} FROM touchpoints WHERE id > ? AND id <= ? AND archived_at IS NULL`,
};

/** Ids read per step: bounds the rows being built (a step's account-months are written before the next). */
const IDS_PER_STEP = 100_000;

export interface AddedRows {
  rows: number;
  accountMonths: number;
  cellMonths: number;
  /** Accounts with an added row in `window`'s months (health's look-back: what it reads of the rollups moved for them only). */
  inWindow: Set<number>;
}

/**
 * Adds the rows of `table` with ids in (afterId, max id] to the rollups, inside the caller's
 * transaction, except those of accounts in `skip` (the caller refreshes them from all their rows).
 * The accounts' keys must be stored (syncAccountKeys) before: their rows' sums go to those cells.
 * `window`: first and last month (inclusive) whose accounts are reported in `inWindow`.
 */
export function addInsertedRows(
  sqlite: Database.Database,
  table: string,
  afterId: number,
  skip: ReadonlySet<number>,
  clock: Clock,
  window: readonly [number, number] = [0, -1],
): AddedRows {
  const select = ADDED[table];
  if (!select) throw new Error(`rows of ${table} are not additive to the rollups`);
  const lastId = stmt<number>(sqlite, `SELECT coalesce(max(id), 0) FROM "${table}"`).pluck().get()!;
  const read = stmt<unknown[]>(sqlite, select).raw(true);
  const keysOf = new Map<number, AccountKeys | null>();
  // Per cell, per month: the added rows' stored forms, summed once at the end.
  const byCell = new Map<string, { cell: Cell; months: Map<number, StoredRow[]> }>();
  const ids = new Map<string, number>();
  const added: AddedRows = { rows: 0, accountMonths: 0, cellMonths: 0, inWindow: new Set() };

  for (let from = afterId; from < lastId; from += IDS_PER_STEP) {
    const batch = newBatch(clock);
    // Read in full before any write: the connection runs one statement at a time.
    for (const row of read.iterate(from, Math.min(from + IDS_PER_STEP, lastId))) {
      if (skip.has(row[0] as number)) continue;
      if (table === 'tickets') addTicket(batch, row as TicketRaw);
      else addTouchpoint(batch, row as TouchpointRaw);
      added.rows++;
    }
    const built = finishBatch(batch);
    for (const accountId of [...built.keys()].sort((a, b) => a - b)) {
      let keys = keysOf.get(accountId);
      if (keys === undefined) keysOf.set(accountId, (keys = storedKeys(sqlite, accountId)));
      const cells = cellsOf(keys);
      const months = built.get(accountId)!;
      for (const month of [...months.keys()].sort((a, b) => a - b)) {
        const delta = storedRow(sqlite, month, months.get(month)!, ids);
        const stored = accountRow(sqlite, accountId, month);
        putAccountRow(sqlite, accountId, { month, data: stored ? mergeRows(stored, delta.data) : delta.data });
        added.accountMonths++;
        if (month >= window[0] && month <= window[1]) added.inWindow.add(accountId);
        for (const cell of cells) {
          const key = cellKey(cell);
          let entry = byCell.get(key);
          if (!entry) byCell.set(key, (entry = { cell, months: new Map() }));
          const list = entry.months.get(month);
          if (list) list.push(delta);
          else entry.months.set(month, [delta]);
        }
      }
    }
  }

  // Each cell-month moves by the sum of its accounts' added rows (applyToCell: stored + after).
  const sum = emptySum();
  for (const { cell, months } of byCell.values()) {
    const changes: RowChange[] = [];
    for (const [month, rows] of months) {
      sum.counts.fill(0);
      sum.times.fill(0);
      sum.topics.clear();
      for (const row of rows) addRow(sum, row);
      const after = storedSum(month, sum);
      if (after) changes.push({ month, after });
    }
    applyToCell(sqlite, cell, changes);
    added.cellMonths += changes.length;
  }
  return added;
}

const accountRow = (sqlite: Database.Database, accountId: number, month: number) =>
  stmt<Buffer>(sqlite, 'SELECT data FROM rollup_account_month WHERE account_id = ? AND month = ?').pluck().get(accountId, month);

// The BLOB's parts (codec.ts): counts of 5-byte records keyed by a u8, times of 7-byte records
// keyed by (u8 series, u16 slot), topics of 8-byte records keyed by a u32; each sorted by its key.
const COUNT_RECORD = 5;
const TIME_RECORD = 7;
const TOPIC_RECORD = 8;
const countKey = (data: Buffer, at: number) => data[at]!;
const timeKey = (data: Buffer, at: number) => data[at]! * 65_536 + data.readUInt16LE(at + 1);
const topicKey = (data: Buffer, at: number) => data.readUInt32LE(at);

/**
 * Two rows' BLOBs added, record by record (a sorted merge of each part): the BLOB encodeRow gives
 * for the sum of what the two were built from, byte for byte, without a dense sketch per row.
 */
export function mergeRows(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.allocUnsafe(a.length + b.length);
  const parts = (data: Buffer) => {
    const countsEnd = 8 + data.readUInt32LE(0);
    const timesEnd = countsEnd + data.readUInt32LE(4);
    return [8, countsEnd, timesEnd, data.length] as const;
  };
  const [a0, a1, a2, a3] = parts(a);
  const [b0, b1, b2, b3] = parts(b);
  let at = 8;
  const merge = (i: number, iEnd: number, j: number, jEnd: number, size: number, key: (data: Buffer, at: number) => number) => {
    const value = size - 4;
    while (i < iEnd || j < jEnd) {
      const ka = i < iEnd ? key(a, i) : Infinity;
      const kb = j < jEnd ? key(b, j) : Infinity;
      if (ka < kb) {
        a.copy(out, at, i, i + size);
        i += size;
      } else if (kb < ka) {
        b.copy(out, at, j, j + size);
        j += size;
      } else {
        a.copy(out, at, i, i + value);
        out.writeUInt32LE(a.readUInt32LE(i + value) + b.readUInt32LE(j + value), at + value);
        i += size;
        j += size;
      }
      at += size;
    }
  };
  merge(a0, a1, b0, b1, COUNT_RECORD, countKey);
  out.writeUInt32LE(at - 8, 0);
  const timesStart = at;
  merge(a1, a2, b1, b2, TIME_RECORD, timeKey);
  out.writeUInt32LE(at - timesStart, 4);
  merge(a2, a3, b2, b3, TOPIC_RECORD, topicKey);
  return out.subarray(0, at);
}
