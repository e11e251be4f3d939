import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CoreError } from '../errors';
import type { Context } from '../context';
import { markDerivedStale } from '../derived/refresh';
import { adoptLocal } from './adopt';
import { installCapture } from './capture';
import { COUNTER_SPAN } from './hlc';
import { GidMap, fromHub, type HubData } from './rows';
import { connectHub, hubError } from './server/connect';
import { inTeam, writeState } from './state';
import { rowKeyOf, sharedOrder, sharedRowsSql } from './tables';

/** Shared tables a new workspace already has rows in, from its migrations (0011's starter playbooks). */
const SEEDED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['playbooks']);

interface HubRow {
  gid: string;
  tbl: string;
  data: HubData;
  version: number;
}

/**
 * `team.join` (`fulcrum team join`): fills this new, empty workspace from the hub. The rows are read
 * in one REPEATABLE READ transaction with the log's seq, so pulling from that seq later misses
 * nothing; they are written parents first, each reference turned back into this laptop's own key.
 * Derived data is marked stale and rebuilt locally (it is never synced).
 */
export async function joinTeam(ctx: Context, server: string) {
  const { sqlite } = ctx;
  if (inTeam(sqlite)) throw new CoreError('CONFLICT', 'this workspace is already in a team');
  const order = sharedOrder(sqlite);
  for (const shape of order) {
    if (SEEDED_BY_MIGRATIONS.has(shape.table)) continue;
    if (sqlite.prepare(`${sharedRowsSql(shape.table)} LIMIT 1`).get()) {
      throw new CoreError('CONFLICT', `joining a team fills a new, empty workspace; this one already has ${shape.table}`);
    }
  }
  const clientId = randomUUID();
  const hub = connectHub(server);
  let snapshot: { teamId: string; seq: number; rows: HubRow[] };
  try {
    snapshot = await hub
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const meta = await sql<{ team_id: string; seq: number }>`SELECT team_id, seq FROM team.meta`.execute(trx);
        if (meta.rows.length === 0) throw new CoreError('NOT_FOUND', 'the server holds no team yet; create one with team init');
        const rows = await sql<HubRow>`SELECT gid, tbl, data, version FROM team.rows WHERE NOT deleted`.execute(trx);
        await sql`INSERT INTO team.clients (client_id) VALUES (${clientId})`.execute(trx);
        return { teamId: meta.rows[0]!.team_id, seq: meta.rows[0]!.seq, rows: rows.rows };
      });
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }

  const byTable = new Map<string, HubRow[]>();
  for (const row of snapshot.rows) {
    let list = byTable.get(row.tbl);
    if (!list) byTable.set(row.tbl, (list = []));
    list.push(row);
  }
  const gids = new GidMap();
  let written = 0;
  sqlite.transaction(() => {
    // The starter rows a new workspace was given (the same ones the team's creator uploaded) make way for the team's.
    for (const table of SEEDED_BY_MIGRATIONS) sqlite.prepare(`DELETE FROM "${table}"`).run();
    const putRow = sqlite.prepare<unknown[]>('INSERT INTO team_rows (tbl, row_key, gid, version) VALUES (?, ?, ?, ?)');
    for (const shape of order) {
      const statements = new Map<string, Database.Statement<unknown[]>>();
      for (const hubRow of byTable.get(shape.table) ?? []) {
        const row = fromHub(shape, hubRow.data, gids);
        // A row this new workspace already has by its natural key (a starter template, a setting) becomes the team's (adopt.ts).
        const adopted = adoptLocal(sqlite, shape, hubRow.gid, row, hubRow.version);
        if (adopted !== null) {
          gids.set(shape.table, adopted, hubRow.gid);
          written++;
          continue;
        }
        const columns = Object.keys(row);
        const signature = columns.join(',');
        let insert = statements.get(signature);
        if (!insert) {
          insert = sqlite.prepare<unknown[]>(`INSERT INTO "${shape.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
          statements.set(signature, insert);
        }
        const result = insert.run(...columns.map((c) => row[c]));
        const key = shape.rowid ? String(result.lastInsertRowid) : rowKeyOf(shape, row);
        gids.set(shape.table, key, hubRow.gid);
        putRow.run(shape.table, key, hubRow.gid, hubRow.version);
        written++;
      }
    }
    writeState(sqlite, {
      team_id: snapshot.teamId,
      client_id: clientId,
      role: 'member',
      hlc: ctx.now().getTime() * COUNTER_SPAN,
      offset_ms: 0,
      last_pulled_seq: snapshot.seq,
      joined_at: ctx.now().toISOString(),
    });
    markDerivedStale(sqlite, 'joined a team', ctx.now());
    installCapture(sqlite);
  })();
  return { teamId: snapshot.teamId, clientId, seq: snapshot.seq, tables: order.length, rows: written };
}
