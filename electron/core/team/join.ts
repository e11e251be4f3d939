import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CoreError } from '../errors';
import type { Context } from '../context';
import { markDerivedStale } from '../derived/refresh';
import { adoptLocal } from './adopt';
import { installCapture } from './capture';
import { withBulkCache } from './bulkCache';
import { COUNTER_SPAN } from './hlc';
import { fromHub, type HubData } from './rows';
import { connectHub, hubError } from './server/connect';
import { inTeam, writeState } from './state';
import { StoredGids } from './storedGids';
import { childLinks, underMissingParent } from './tombstone';
import { settleUnique, uniqueColumns } from './unique';
import { rowKeyOf, sharedOrder, sharedRowsSql } from './tables';

/** Shared tables a new workspace already has rows in, from its migrations (0011's starter playbooks). */
const SEEDED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['playbooks']);
/** Rows fetched from the hub at a time: the join's memory is one page, whatever the team's size. */
const PAGE = 2_000;
/** Global ids remembered as rows name their parents (an account is named by each of its rows): bounded memory still. */
const REMEMBERED = 100_000;

interface HubRow {
  gid: string;
  tbl: string;
  data: HubData;
  version: number;
  /** The hub's field clocks: what this laptop agrees with the hub on from the start (merge). */
  clocks: Record<string, string>;
}

/**
 * `team.join` (`fulcrum team join`): fills this new, empty workspace from the hub. The rows are read
 * in one REPEATABLE READ transaction with the log's seq, so pulling from that seq later misses
 * nothing; they are written parents first, each reference turned back into this laptop's own key.
 * Derived data is marked stale and rebuilt locally (it is never synced). Read and written page by page
 * (bounded memory, `npm run bench -- teamSync`).
 */
export function joinTeam(ctx: Context, server: string) {
  return withBulkCache(ctx.sqlite, () => fillFromTeam(ctx, server));
}

async function fillFromTeam(ctx: Context, server: string) {
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
  // Global ids looked up in team_rows as rows name their parents, never every row in memory.
  const gids = new StoredGids(sqlite, REMEMBERED);
  let written = 0;
  let snapshot: { teamId: string; seq: number };
  // One SQLite transaction across the pages (the join lands whole or not at all); SQLite spills to
  // disk, so memory holds one page. The hub's REPEATABLE READ snapshot stays open meanwhile.
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    snapshot = await hub
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const meta = await sql<{ team_id: string; seq: number }>`SELECT team_id, seq FROM team.meta`.execute(trx);
        if (meta.rows.length === 0) throw new CoreError('NOT_FOUND', 'the server holds no team yet; create one with team init');
        await sql`INSERT INTO team.clients (client_id) VALUES (${clientId})`.execute(trx);
        // The starter rows a new workspace was given (the same ones the team's creator uploaded) make way for the team's.
        for (const table of SEEDED_BY_MIGRATIONS) sqlite.prepare(`DELETE FROM "${table}"`).run();
        const putRow = sqlite.prepare<unknown[]>('INSERT INTO team_rows (tbl, row_key, gid, version, agreed) VALUES (?, ?, ?, ?, ?)');
        const uniques = uniqueColumns(sqlite, order);
        const links = childLinks(sqlite, order);
        for (const shape of order) {
          // A cursor reads each table once, page by page (the hub indexes rows by table, not by table and gid).
          await sql`DECLARE team_join NO SCROLL CURSOR FOR SELECT gid, tbl, data, version, clocks FROM team.rows WHERE tbl = ${sql.lit(shape.table)} AND NOT deleted`.execute(trx);
          const statements = new Map<string, Database.Statement<unknown[]>>();
          for (;;) {
            const page = await sql<HubRow>`FETCH ${sql.raw(String(PAGE))} FROM team_join`.execute(trx);
            if (page.rows.length === 0) break;
            for (const hubRow of page.rows) {
              const row = fromHub(shape, hubRow.data, gids);
              // A row this new workspace already has by its natural key (a starter template, a setting) becomes the team's (adopt.ts).
              if (adoptLocal(sqlite, shape, hubRow.gid, row, hubRow.version) !== null) {
                gids.forget();
                written++;
                continue;
              }
              // A row pushed under a parent deleted on the hub afterwards: a tombstone, as a pull makes it (tombstone.ts).
              if (underMissingParent(links, shape, hubRow.data, (gid) => gids.key(gid) !== null)) continue;
              const columns = Object.keys(row);
              const signature = columns.join(',');
              let insert = statements.get(signature);
              if (!insert) {
                insert = sqlite.prepare<unknown[]>(`INSERT INTO "${shape.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
                statements.set(signature, insert);
              }
              let result: Database.RunResult;
              try {
                result = insert.run(...columns.map((c) => row[c]));
              } catch (error) {
                // Two laptops' rows with one unique key (made offline) are both on the hub: settled as every pull settles them (unique.ts).
                // Only when the insert meets the other row (SQLite undoes the failed statement alone): a lookup per row cost the join ~15%.
                if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
                if (settleUnique(sqlite, shape, uniques.get(shape.table) ?? [], row, hubRow.gid, null).length === 0) throw error;
                result = insert.run(...columns.map((c) => row[c]));
              }
              const key = shape.rowid ? String(result.lastInsertRowid) : rowKeyOf(shape, row);
              putRow.run(shape.table, key, hubRow.gid, hubRow.version, JSON.stringify(hubRow.clocks));
              written++;
            }
          }
          await sql`CLOSE team_join`.execute(trx);
        }
        return { teamId: meta.rows[0]!.team_id, seq: meta.rows[0]!.seq };
      });
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
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
  return { teamId: snapshot.teamId, clientId, seq: snapshot.seq, tables: order.length, rows: written };
}
