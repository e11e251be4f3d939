import type Database from 'better-sqlite3';
import type { Context } from '../context';
import { stmt } from '../db/sql';
import { adoptLocal } from './adopt';
import { ackedText, dropPendingFields, parseAcked, pendingClocks, type Acked } from './agreement';
import { recordConflict } from './conflicts';
import { applyErasure } from './erasure';
import { advancePast } from './hlc';
import { hubClockOf, mergeRow } from './merge';
import { fromHub, toHub, type GidMap, type HubData } from './rows';
import { readState, writeState } from './state';
import { StoredGids } from './storedGids';
import { rowKeyOf, type TableShape } from './tables';
import { cascadeOf, childLinks, onDeleteOf, type ChildLink } from './tombstone';
import { settleUnique, uniqueColumns, type UniqueClash } from './unique';

/** One entry of the hub's change log: the row as the hub holds it after that write. */
export interface LogEntry {
  seq: number;
  gid: string;
  tbl: string;
  op: 'upsert' | 'delete' | 'erase';
  data: HubData;
  clocks: Record<string, string>;
  client_id: string | null;
  mutation_id: number | null;
}

interface Env {
  sqlite: Database.Database;
  shapes: Map<string, TableShape>;
  /** Global ids looked up in team_rows as entries name them (a map of every row per page cost O(workspace) a page). */
  gids: GidMap;
  links: Map<string, ChildLink[]>;
  uniques: Map<string, string[]>;
  clientId: string;
  now: string;
  /** References whose asks changed in this page (their budgets are checked after it). */
  touched: Set<string>;
}

interface LocalRow {
  rowKey: string;
  deleted: number;
  clocks: string;
  agreed: string;
}

const keyWhere = (shape: TableShape) => (shape.key.length === 1 ? `"${shape.key[0]}" = ?` : shape.key.map((k) => `"${k}" = ?`).join(' AND '));
const keyValues = (shape: TableShape, key: string) => (shape.key.length === 1 ? [key] : (JSON.parse(key) as unknown[]));
const json = (value: unknown) => JSON.stringify(value ?? null);
/** Whether a global id is a tombstone here, read from team_rows, which every write of the page keeps current (a key reused by SQLite too). */
const isTombstone = (sqlite: Database.Database, gid: string) => stmt(sqlite, 'SELECT deleted AS tombstone FROM team_rows WHERE gid = ?').pluck().get(gid) === 1;

/**
 * Applies one page of the hub's log with capture muted, merging per field into rows changed here
 * (merge.ts), keeping tombstones (tombstone.ts) and unique keys (unique.ts); the cursor is stored in
 * the same transaction, so a page is applied whole or not at all. Returns the entries applied and
 * the references whose asks changed.
 */
export function applyPage(ctx: Context, shapes: Map<string, TableShape>, entries: LogEntry[], cursor: number): { applied: number; touched: Set<string> } {
  const { sqlite } = ctx;
  let applied = 0;
  const touched = new Set<string>();
  sqlite.transaction(() => {
    writeState(sqlite, { muted: 1 });
    const state = readState(sqlite);
    const env: Env = {
      sqlite,
      shapes,
      gids: new StoredGids(sqlite),
      links: childLinks(sqlite, shapes.values()),
      uniques: uniqueColumns(sqlite, shapes.values()),
      clientId: state.client_id ?? '',
      now: ctx.now().toISOString(),
      touched,
    };
    let hlc = Number(state.hlc ?? 0);
    for (const entry of entries) {
      for (const clock of Object.values(entry.clocks)) hlc = advancePast(hlc, clock, ctx.now().getTime());
      if (applyEntry(env, entry)) applied++;
    }
    stmt(sqlite, `DELETE FROM team_state WHERE key = 'muted'`).run();
    writeState(sqlite, { hlc, last_pulled_seq: cursor });
  })();
  return { applied, touched };
}

function applyEntry(env: Env, entry: LogEntry): boolean {
  const { sqlite } = env;
  // An erased person (hub migration 0004, docs/privacy.md): erased here too, before any row is matched (team/erasure.ts).
  if (entry.op === 'erase') {
    // Its tombstones are in team_rows at once: a later row naming them is a tombstone or loses the link (isTombstone).
    return applyErasure(sqlite, env.shapes, entry.gid, entry.tbl, new Date(env.now));
  }
  const shape = env.shapes.get(entry.tbl);
  if (!shape) return false;
  const local = stmt(sqlite, 'SELECT row_key AS rowKey, deleted, clocks, agreed FROM team_rows WHERE gid = ?').get(entry.gid) as LocalRow | undefined;
  // A tombstone here stays one: a delete made here (pending or acknowledged) or pulled before wins.
  if (local?.deleted) {
    editOnTombstone(env, entry, local);
    return false;
  }
  if (shape.table === 'reference_requests' && typeof entry.data.reference_id === 'string') env.touched.add(entry.data.reference_id);
  if (entry.op === 'delete') {
    if (!local) return false;
    deleteHere(env, shape, entry.gid, local, entry.clocks._deleted ?? entry.clocks['*'] ?? '', entry.clocks);
    return true;
  }
  const data = { ...entry.data };
  const orphanOf = orphaned(env, shape, data);
  if (orphanOf !== null) {
    if (local) deleteHere(env, shape, entry.gid, local, '', entry.clocks);
    else {
      // A row made elsewhere under a parent deleted here and not yet agreed: this laptop saw both, it lists the row.
      const deleteHlc = deleteClockHere(env, orphanOf);
      if (deleteHlc !== undefined) {
        recordConflict(
          sqlite,
          {
            tbl: shape.table,
            gid: entry.gid,
            field: null,
            kind: 'superseded',
            localValue: null,
            remoteValue: json(entry.data),
            localHlc: deleteHlc,
            remoteHlc: entry.clocks['*'] ?? null,
          },
          env.now,
        );
      }
      stmt(sqlite, 'INSERT INTO team_rows (tbl, row_key, gid, deleted, agreed) VALUES (?, ?, ?, 1, ?)').run(shape.table, `tombstone:${entry.gid}`, entry.gid, json(entry.clocks));
    }
    return true;
  }
  if (!local) insertHere(env, shape, entry, data);
  else updateHere(env, shape, entry, data, local);
  return true;
}

/**
 * A parent reference to a row that is a tombstone here (or was never here): ON DELETE SET NULL
 * clears it; CASCADE makes the row a tombstone too (returns that parent's global id).
 */
function orphaned(env: Env, shape: TableShape, data: HubData): string | null {
  for (const [column, parent] of Object.entries(shape.parents)) {
    const gid = data[column];
    if (typeof gid !== 'string') continue;
    if (env.gids.key(gid) !== null && !isTombstone(env.sqlite, gid)) continue;
    if (onDeleteOf(env.links, parent, shape.table, column) === 'CASCADE') return gid;
    data[column] = null;
  }
  return null;
}

/** The clock of a delete made here that the hub has not echoed yet (pending, or acknowledged and unseen), if any. */
function deleteClockHere(env: Env, gid: string, mergedUpTo = 0): string | undefined {
  const acked = parseAcked(stmt(env.sqlite, 'SELECT clocks FROM team_rows WHERE gid = ?').pluck().get(gid) as string | undefined);
  return pendingClocks(env.sqlite, gid, env.clientId, mergedUpTo).get('_deleted') ?? (acked && acked.m > mergedUpTo ? acked.f._deleted : undefined);
}

function insertHere(env: Env, shape: TableShape, entry: LogEntry, data: HubData): void {
  const { sqlite } = env;
  const row = fromHub(shape, data, env.gids);
  // A row this laptop made on its own by the same natural key (a rule's, a team setting) becomes the team's (adopt.ts).
  const adopted = adoptLocal(sqlite, shape, entry.gid, row);
  if (adopted !== null) {
    env.gids.set(shape.table, adopted, entry.gid);
    stmt(sqlite, 'UPDATE team_rows SET agreed = ? WHERE gid = ?').run(json(entry.clocks), entry.gid);
    return;
  }
  const clashes = settleUnique(sqlite, shape, env.uniques.get(shape.table) ?? [], row, entry.gid, null);
  const columns = Object.keys(row);
  // Cached by text (stmt): compiling an insert per entry cost more than running it.
  const result = stmt(sqlite, `INSERT INTO "${shape.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...columns.map((c) => row[c]),
  );
  const key = shape.rowid ? String(result.lastInsertRowid) : rowKeyOf(shape, row);
  // SQLite may give the new row the key of a deleted one (the largest rowid is reused): that tombstone keeps its gid under a key of its own.
  stmt(sqlite, `UPDATE team_rows SET row_key = 'tombstone:' || gid, deleted = 1 WHERE tbl = ? AND row_key = ?`).run(shape.table, key);
  stmt(sqlite, 'INSERT INTO team_rows (tbl, row_key, gid, agreed) VALUES (?, ?, ?, ?)').run(shape.table, key, entry.gid, json(entry.clocks));
  env.gids.set(shape.table, key, entry.gid);
  recordClashes(env, shape, clashes);
}

/** This laptop's own fields changed since last agreed: acknowledged ones (until the hub's record of them comes back) and pending ones. */
/**
 * The hub's clocks this laptop last agreed to for a row. A row it never pulled since it came (a
 * workspace from before agreement was kept) agrees at least with the row's creation: every laptop
 * that holds a row has seen its insert, the hub's '*' clock.
 */
function agreedOf(text: string, remote: Record<string, string>): Record<string, string> {
  const agreed = JSON.parse(text) as Record<string, string>;
  return Object.keys(agreed).length > 0 ? agreed : { '*': remote['*'] ?? '' };
}

function changedHere(env: Env, gid: string, acked: Acked | null, mergedUpTo: number): Map<string, string> {
  const clocks = new Map<string, string>();
  if (acked && acked.m > mergedUpTo) for (const [field, clock] of Object.entries(acked.f)) clocks.set(field, clock);
  for (const [field, clock] of pendingClocks(env.sqlite, gid, env.clientId, mergedUpTo)) clocks.set(field, clock);
  return clocks;
}

function updateHere(env: Env, shape: TableShape, entry: LogEntry, data: HubData, local: LocalRow): void {
  const { sqlite } = env;
  const current = stmt(sqlite, `SELECT * FROM "${shape.table}" WHERE ${keyWhere(shape)}`).get(...keyValues(shape, local.rowKey)) as Record<string, unknown> | undefined;
  if (!current) {
    // Gone here already (taken by a cascade this laptop did not record): a tombstone.
    stmt(sqlite, `UPDATE team_rows SET deleted = 1, clocks = '{}' WHERE gid = ?`).run(entry.gid);
    return;
  }
  // The hub's record of this laptop's own mutation: everything up to it is merged there, by the same rule.
  const mergedUpTo = entry.client_id === env.clientId && entry.mutation_id !== null ? entry.mutation_id : 0;
  let acked = parseAcked(local.clocks);
  const mine = changedHere(env, entry.gid, acked, mergedUpTo);
  const result = mergeRow(toHub(shape, current, env.gids), data, entry.clocks, mine, agreedOf(local.agreed, entry.clocks));
  const row = fromHub(shape, result.merged, env.gids);
  const clashes = settleUnique(sqlite, shape, env.uniques.get(shape.table) ?? [], row, entry.gid, local.rowKey);
  // Keys stay, and references to tables that are not shared are this laptop's (the hub holds null).
  const columns = Object.keys(row).filter((c) => !shape.key.includes(c) && !shape.localRefs.includes(c) && json(row[c]) !== json(current[c]));
  if (columns.length > 0) {
    stmt(sqlite, `UPDATE "${shape.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${keyWhere(shape)}`).run(
      ...columns.map((c) => row[c]),
      ...keyValues(shape, local.rowKey),
    );
  }
  for (const c of result.conflicts) {
    recordConflict(
      sqlite,
      {
        tbl: shape.table,
        gid: entry.gid,
        field: c.field,
        kind: 'superseded',
        localValue: json(c.localValue),
        remoteValue: json(c.remoteValue),
        localHlc: c.localHlc,
        remoteHlc: c.remoteHlc,
      },
      env.now,
    );
  }
  dropPendingFields(sqlite, entry.gid, result.settled);
  if (acked && acked.m <= mergedUpTo) acked = null;
  else if (acked) for (const field of result.settled) delete acked.f[field];
  // The hub holds this row now (a rule's row this laptop kept local when its role could not push it), so it is shared content again.
  stmt(sqlite, 'UPDATE team_rows SET version = version + 1, agreed = ?, clocks = ?, local_only = 0 WHERE gid = ?').run(json(entry.clocks), ackedText(acked), entry.gid);
  recordClashes(env, shape, clashes);
}

/**
 * The delete wins: each field changed here since last agreed is listed as superseded (the whole row
 * when it was made here), the row and the rows it cascades to become tombstones, their pending
 * changes leave the outbox (nothing to push for a row that is gone).
 */
function deleteHere(env: Env, shape: TableShape, gid: string, local: LocalRow, remoteHlc: string, clocks: Record<string, string>): void {
  const { sqlite } = env;
  const doomed = [{ table: shape.table, key: local.rowKey, gid: gid as string | null }, ...cascadeOf(sqlite, env.links, env.shapes, shape.table, local.rowKey)];
  for (const row of doomed) {
    if (row.gid === null) continue;
    const rowShape = env.shapes.get(row.table)!;
    const current = stmt(sqlite, `SELECT * FROM "${row.table}" WHERE ${keyWhere(rowShape)}`).get(...keyValues(rowShape, row.key)) as Record<string, unknown> | undefined;
    const acked = parseAcked(stmt(sqlite, 'SELECT clocks FROM team_rows WHERE gid = ?').pluck().get(row.gid) as string | undefined);
    const mine = changedHere(env, row.gid, acked, 0);
    if (current && mine.size > 0) {
      const values = toHub(rowShape, current, env.gids);
      for (const [field, localHlc] of mine) {
        const localValue = field === '*' ? values : values[field];
        recordConflict(
          sqlite,
          { tbl: row.table, gid: row.gid, field: field === '*' ? null : field, kind: 'superseded', localValue: json(localValue), remoteValue: null, localHlc, remoteHlc },
          env.now,
        );
      }
    }
    stmt(sqlite, 'DELETE FROM team_changes WHERE gid = ?').run(row.gid);
    stmt(sqlite, `UPDATE team_rows SET deleted = 1, clocks = '{}' WHERE gid = ?`).run(row.gid);
  }
  stmt(sqlite, `DELETE FROM "${shape.table}" WHERE ${keyWhere(shape)}`).run(...keyValues(shape, local.rowKey));
  stmt(sqlite, 'UPDATE team_rows SET agreed = ? WHERE gid = ?').run(json(clocks), gid);
}

/**
 * A pulled edit of a row deleted here and not yet agreed: the delete wins (the hub never revives a
 * tombstone either), and each field the edit changed since this laptop last agreed is listed as superseded.
 */
function editOnTombstone(env: Env, entry: LogEntry, local: LocalRow): void {
  const { sqlite } = env;
  const mergedUpTo = entry.client_id === env.clientId && entry.mutation_id !== null ? entry.mutation_id : 0;
  const deleteHlc = deleteClockHere(env, entry.gid, mergedUpTo);
  if (deleteHlc !== undefined && entry.op === 'upsert') {
    const agreed = JSON.parse(local.agreed) as Record<string, string>;
    // A row this laptop has not pulled since it joined has no agreed clocks: an edit counts when it is later than the delete.
    const since = (field: string) => (Object.keys(agreed).length > 0 ? hubClockOf(agreed, field) : deleteHlc);
    for (const [field, remoteHlc] of Object.entries(entry.clocks)) {
      if (field === '*' || field === '_deleted' || remoteHlc <= since(field)) continue;
      recordConflict(
        sqlite,
        { tbl: entry.tbl, gid: entry.gid, field, kind: 'superseded', localValue: null, remoteValue: json(entry.data[field]), localHlc: deleteHlc, remoteHlc },
        env.now,
      );
    }
  }
  stmt(sqlite, 'UPDATE team_rows SET agreed = ?, clocks = ? WHERE gid = ?').run(json(entry.clocks), deleteHlc === undefined ? '{}' : local.clocks, entry.gid);
}

function recordClashes(env: Env, shape: TableShape, clashes: UniqueClash[]): void {
  for (const clash of clashes) {
    recordConflict(
      env.sqlite,
      {
        tbl: shape.table,
        gid: clash.loserGid,
        field: clash.column,
        kind: 'unique',
        localValue: json(clash.value),
        remoteValue: json(clash.renamed),
        localHlc: null,
        remoteHlc: null,
      },
      env.now,
    );
  }
}
