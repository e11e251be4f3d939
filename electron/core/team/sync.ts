import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { CoreError } from '../errors';
import type { Context } from '../context';
import { markDerivedStale } from '../derived/refresh';
import { advancePast, formatHlc } from './hlc';
import { GidMap, fromHub, toHub, type HubData } from './rows';
import { connectHub, hubError } from './server/connect';
import { LATEST_HUB_VERSION } from './server/migrations';
import { readState, writeState } from './state';
import { rowKeyOf, sharedOrder, type TableShape } from './tables';

const BATCH = 500;
const PAGE = 1_000;

interface Change {
  seq: number;
  tbl: string;
  rowKey: string;
  gid: string;
  op: 'insert' | 'update' | 'delete';
  fields: string | null;
  hlc: number;
}

interface Mutation {
  id: number;
  gid: string;
  tbl: string;
  op: Change['op'];
  hlc: string;
  data?: HubData;
}

interface LogEntry {
  seq: number;
  gid: string;
  tbl: string;
  op: 'upsert' | 'delete';
  data: HubData;
  clocks: Record<string, string>;
  client_id: string | null;
}

/** Every global id the laptop knows, live or tombstoned (references are resolved through it). */
function loadGids(sqlite: Database.Database): GidMap {
  const gids = new GidMap();
  for (const r of sqlite.prepare('SELECT tbl, row_key AS key, gid FROM team_rows').iterate() as Iterable<{ tbl: string; key: string; gid: string }>) gids.set(r.tbl, r.key, r.gid);
  return gids;
}

/** The outbox's next batch as mutations: an insert carries the whole row, an update only its changed fields' current values. */
function nextBatch(sqlite: Database.Database, shapes: Map<string, TableShape>, clientId: string): Mutation[] {
  const changes = sqlite.prepare('SELECT seq, tbl, row_key AS rowKey, gid, op, fields, hlc FROM team_changes ORDER BY seq LIMIT ?').all(BATCH) as Change[];
  const gids = loadGids(sqlite);
  return changes.map((change) => {
    const mutation: Mutation = { id: change.seq, gid: change.gid, tbl: change.tbl, op: change.op, hlc: formatHlc(change.hlc, clientId) };
    const shape = shapes.get(change.tbl);
    if (change.op === 'delete' || !shape) return mutation;
    const where = shape.key.length === 1 ? `"${shape.key[0]}" = ?` : shape.key.map((k) => `"${k}" = ?`).join(' AND ');
    const keyValues = shape.key.length === 1 ? [change.rowKey] : (JSON.parse(change.rowKey) as unknown[]);
    const row = sqlite.prepare(`SELECT * FROM "${shape.table}" WHERE ${where}`).get(...keyValues) as Record<string, unknown> | undefined;
    // Deleted since: its delete follows in the outbox; this change carries nothing.
    if (!row) return { ...mutation, data: {} };
    const data = toHub(shape, row, gids);
    if (change.op === 'update' && change.fields) {
      const changed = new Set(change.fields.split(','));
      return { ...mutation, data: Object.fromEntries(Object.entries(data).filter(([k]) => changed.has(k))) };
    }
    return { ...mutation, data };
  });
}

/**
 * team.sync: pushes the outbox (batches with a batch id: a retry after a lost reply applies nothing
 * twice), then pulls the hub's change log from the cursor, each page in one SQLite transaction that
 * ends by storing the new cursor. Refused changes come back as `rejected` conflicts.
 */
export async function syncTeam(ctx: Context, server: string) {
  const { sqlite } = ctx;
  const state = readState(sqlite);
  if (!state.team_id || !state.client_id) throw new CoreError('CONFLICT', 'this workspace is not in a team');
  const clientId = state.client_id;
  const order = sharedOrder(sqlite);
  const shapes = new Map(order.map((s) => [s.table as string, s]));
  const hub = connectHub(server);
  let pushed = 0;
  let rejected = 0;
  let pulled = 0;
  try {
    // Members cannot migrate the hub (only its admin can): an older hub is named, not upgraded.
    const version = await sql<{ v: number }>`SELECT max(version) AS v FROM team.migrations`.execute(hub);
    if ((version.rows[0]?.v ?? 0) < LATEST_HUB_VERSION)
      throw new CoreError('CONFLICT', `the team server's schema is older than this Fulcrum's (${LATEST_HUB_VERSION}); its admin upgrades it by running team init against it`);
    for (;;) {
      const batch = nextBatch(sqlite, shapes, clientId);
      if (batch.length === 0) break;
      const batchId = randomUUID();
      const reply = await sql<{ result: { last_mutation_id: number; rejections: { id: number; gid: string; reason: string }[] } }>`
        SELECT team.push(${clientId}::uuid, ${batchId}::uuid, ${JSON.stringify(batch)}::jsonb) AS result`.execute(hub);
      const { last_mutation_id: last, rejections } = reply.rows[0]!.result;
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM team_changes WHERE seq <= ?').run(last);
        const conflict = sqlite.prepare(`INSERT INTO team_conflicts (tbl, gid, kind, local_value, created_at) VALUES (?, ?, 'rejected', ?, ?)`);
        // A row the hub refused to create stays on this laptop only, listed for its user (never silently dropped).
        const keepLocal = sqlite.prepare('UPDATE team_rows SET local_only = 1 WHERE gid = ?');
        for (const r of rejections) {
          const mutation = batch.find((m) => m.id === r.id);
          conflict.run(mutation?.tbl ?? '', r.gid, r.reason, ctx.now().toISOString());
          if (mutation?.op === 'insert') keepLocal.run(r.gid);
        }
      })();
      pushed += batch.filter((m) => m.id <= last).length;
      rejected += rejections.length;
    }

    let cursor = Number(state.last_pulled_seq ?? 0);
    for (;;) {
      const page = await sql<LogEntry>`SELECT seq, gid, tbl, op, data, clocks, client_id FROM team.change_log WHERE seq > ${cursor} ORDER BY seq LIMIT ${PAGE}`.execute(hub);
      if (page.rows.length === 0) break;
      cursor = page.rows.at(-1)!.seq;
      pulled += applyPage(ctx, shapes, clientId, page.rows, cursor);
    }
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
  if (pulled > 0) markDerivedStale(sqlite, 'pulled changes from the team', ctx.now());
  return { pushed, rejected, pulled, pending: sqlite.prepare('SELECT count(*) FROM team_changes').pluck().get() as number };
}

/** Applies one page of the hub's log with capture muted; the cursor is stored in the same transaction. */
function applyPage(ctx: Context, shapes: Map<string, TableShape>, clientId: string, entries: LogEntry[], cursor: number): number {
  const { sqlite } = ctx;
  let applied = 0;
  sqlite.transaction(() => {
    writeState(sqlite, { muted: 1 });
    const gids = loadGids(sqlite);
    let hlc = Number(readState(sqlite).hlc ?? 0);
    for (const entry of entries) {
      for (const clock of Object.values(entry.clocks)) hlc = advancePast(hlc, clock, ctx.now().getTime());
      // Its own changes come back as the hub merged them: applied like anyone's (the hub's value wins).
      const shape = shapes.get(entry.tbl);
      if (!shape) continue;
      const local = sqlite.prepare('SELECT row_key AS rowKey, deleted FROM team_rows WHERE gid = ?').get(entry.gid) as { rowKey: string; deleted: number } | undefined;
      const keyWhere = shape.key.length === 1 ? `"${shape.key[0]}" = ?` : shape.key.map((k) => `"${k}" = ?`).join(' AND ');
      const keyValues = (key: string) => (shape.key.length === 1 ? [key] : (JSON.parse(key) as unknown[]));
      if (entry.op === 'delete') {
        if (local && !local.deleted) {
          sqlite.prepare(`DELETE FROM "${shape.table}" WHERE ${keyWhere}`).run(...keyValues(local.rowKey));
          sqlite.prepare('UPDATE team_rows SET deleted = 1 WHERE gid = ?').run(entry.gid);
          applied++;
        }
        continue;
      }
      const row = fromHub(shape, entry.data, gids);
      if (local && !local.deleted) {
        const columns = Object.keys(row).filter((c) => !shape.key.includes(c) || shape.rowid);
        sqlite
          .prepare(`UPDATE "${shape.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${keyWhere}`)
          .run(...columns.map((c) => row[c]), ...keyValues(local.rowKey));
        sqlite.prepare('UPDATE team_rows SET version = version + 1 WHERE gid = ?').run(entry.gid);
      } else if (!local) {
        const columns = Object.keys(row);
        const result = sqlite
          .prepare(`INSERT INTO "${shape.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
          .run(...columns.map((c) => row[c]));
        const key = shape.rowid ? String(result.lastInsertRowid) : rowKeyOf(shape, row);
        sqlite.prepare('INSERT INTO team_rows (tbl, row_key, gid) VALUES (?, ?, ?)').run(shape.table, key, entry.gid);
        gids.set(shape.table, key, entry.gid);
      }
      applied++;
    }
    sqlite.prepare(`DELETE FROM team_state WHERE key = 'muted'`).run();
    writeState(sqlite, { hlc, last_pulled_seq: cursor });
  })();
  void clientId;
  return applied;
}
