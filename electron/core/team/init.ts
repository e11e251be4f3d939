import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CoreError } from '../errors';
import type { Context } from '../context';
import { installCapture } from './capture';
import { withBulkCache } from './bulkCache';
import { formatHlc, COUNTER_SPAN } from './hlc';
import { toHub, type HubData } from './rows';
import { connectHub, hubError } from './server/connect';
import { migrateHub } from './server/migrate';
import { LATEST_HUB_VERSION } from './server/migrations';
import { inTeam, writeState } from './state';
import { naturalGid } from './natural';
import { StoredGids } from './storedGids';
import { rowKeyOf, sharedOrder, sharedRowsSql, type TableShape } from './tables';

const CHUNK = 2_000;

interface UploadRow {
  gid: string;
  tbl: string;
  owner: string | null;
  data: HubData;
}

/**
 * `team.create` (`fulcrum team init`): migrates the hub, then uploads every shared row in one server
 * transaction, page by page (bounded memory: `npm run bench -- teamSync`), recording the global ids on
 * the laptop as it goes in one SQLite transaction that commits after the hub's, with the team state and
 * the capture triggers. The hub commits first: if the laptop's write then failed, the hub holds the team and
 * `team join` makes a workspace from it (docs/team.md "Failure cases").
 */
export function createTeam(ctx: Context, server: string) {
  return withBulkCache(ctx.sqlite, () => uploadTeam(ctx, server));
}

async function uploadTeam(ctx: Context, server: string) {
  const { sqlite } = ctx;
  if (inTeam(sqlite)) throw new CoreError('CONFLICT', 'this workspace is already in a team');
  const order = sharedOrder(sqlite);
  const teamId = randomUUID();
  const clientId = randomUUID();
  const packed = ctx.now().getTime() * COUNTER_SPAN;
  const clocks = { '*': formatHlc(packed, clientId) };
  // Every row starts agreed with the hub at the init clock (merge: a later change on either side is "since").
  const agreed = JSON.stringify(clocks);
  const hub = connectHub(server);
  let seq: number;
  let uploaded = 0;
  try {
    await migrateHub(hub);
    // One SQLite transaction across the pages: a consistent snapshot (writers wait), and the global ids
    // recorded only if the hub commits. Memory holds one page; ids and owners are looked up in SQLite.
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('CREATE TEMP TABLE team_init_owners (gid TEXT PRIMARY KEY, owner TEXT) WITHOUT ROWID');
    // Found lookups remembered (bounded): each row asks for its parents' gids; nothing moves a gid during the upload.
    const gids = new StoredGids(sqlite, 100_000);
    const putGid = sqlite.prepare('INSERT INTO team_rows (tbl, row_key, gid, agreed) VALUES (?, ?, ?, ?)');
    const putOwner = sqlite.prepare('INSERT INTO temp.team_init_owners (gid, owner) VALUES (?, ?)');
    const ownerOf = sqlite.prepare<[string]>('SELECT owner FROM temp.team_init_owners WHERE gid = ?').pluck();
    seq = await hub.transaction().execute(async (trx) => {
      const existing = await sql<{ team_id: string }>`SELECT team_id FROM team.meta`.execute(trx);
      if (existing.rows.length > 0) throw new CoreError('CONFLICT', `the server already holds a team (${existing.rows[0]!.team_id}); join it with team join instead`);
      await sql`INSERT INTO team.meta (id, team_id) VALUES (1, ${teamId})`.execute(trx);
      // The log trigger bumps team.meta's counter row once per row: in one transaction each bump scans
      // the row's earlier versions, so an upload was quadratic (20,000 rows ~19 s, 2.5 million: days).
      // At init the admin owns the tables and nobody else writes yet: rows go in without it, and their
      // log entries follow in one statement, parents' tables first, with one bump of the counter.
      await sql`ALTER TABLE team.rows DISABLE TRIGGER rows_after`.execute(trx);
      // The per-row BEFORE triggers were two thirds of the hub's insert time (EXPLAIN ANALYZE of 20,000
      // rows: 6.2 s with them, 2.0 s without; docs/benchmarks.md) and change nothing in a new team's
      // upload: on insert rows_before sets version 1, updated_by and updated_at, which are the columns'
      // defaults (its guards bind updates), and rows_erased finds no erased person in a new team. Kept on
      // if the server holds erasures all the same. rows_owner stays (it fills the few owners left null).
      const erasures = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM team.erasures) AS any`.execute(trx);
      const quiet = erasures.rows[0]?.any ? ['rows_before'] : ['rows_before', 'rows_erased'];
      for (const trigger of quiet) await sql`ALTER TABLE team.rows DISABLE TRIGGER ${sql.id(trigger)}`.execute(trx);
      for (const shape of order) {
        for (const page of pages(sqlite, shape)) {
          const chunk: UploadRow[] = [];
          for (const row of page) {
            const key = rowKeyOf(shape, row);
            // A row every laptop may make on its own (a rule's, a team setting) has its natural key's gid (natural.ts).
            const gid = naturalGid(shape.table, row, (t, k) => gids.gid(t, k)) ?? randomUUID();
            putGid.run(shape.table, key, gid, agreed);
            // The owning CSM: an account's owner, handed down to the rows under it (docs/team.md "Roles").
            let owner: string | null = null;
            if (shape.table === 'accounts') owner = (row.owner as string | null) ?? null;
            else {
              for (const [column, parent] of Object.entries(shape.parents)) {
                const parentGid = gids.gid(parent, row[column]);
                const parentOwner = parentGid ? (ownerOf.get(parentGid) as string | null | undefined) : undefined;
                if (parentOwner) {
                  owner = parentOwner;
                  break;
                }
              }
            }
            putOwner.run(gid, owner);
            chunk.push({ gid, tbl: shape.table, owner, data: toHub(shape, row, gids) });
          }
          const json = JSON.stringify(chunk.map((r) => ({ ...r, clocks })));
          await sql`INSERT INTO team.rows (gid, tbl, owner, data, clocks)
            SELECT x.gid, x.tbl, x.owner, x.data, x.clocks FROM jsonb_to_recordset(${json}::jsonb) AS x(gid uuid, tbl text, owner text, data jsonb, clocks jsonb)`.execute(trx);
          uploaded += chunk.length;
        }
      }
      for (const trigger of ['rows_after', ...quiet]) await sql`ALTER TABLE team.rows ENABLE TRIGGER ${sql.id(trigger)}`.execute(trx);
      const tables = order.map((shape) => shape.table as string);
      await sql`INSERT INTO team.change_log (seq, gid, tbl, op, data, clocks, version, actor)
        SELECT m.seq + row_number() OVER (ORDER BY array_position(${tables}::text[], r.tbl), r.gid), r.gid, r.tbl, 'upsert', r.data, r.clocks, r.version, session_user
        FROM team.rows r CROSS JOIN team.meta m`.execute(trx);
      await sql`UPDATE team.meta SET seq = seq + ${uploaded}`.execute(trx);
      await sql`SELECT pg_notify('fulcrum_team', seq::text) FROM team.meta`.execute(trx);
      await sql`INSERT INTO team.clients (client_id) VALUES (${clientId})`.execute(trx);
      const meta = await sql<{ seq: number }>`SELECT seq FROM team.meta`.execute(trx);
      return meta.rows[0]!.seq;
    });
    sqlite.exec('DROP TABLE temp.team_init_owners');
    writeState(sqlite, { team_id: teamId, client_id: clientId, role: 'creator', hlc: packed, offset_ms: 0, last_pulled_seq: seq, joined_at: ctx.now().toISOString() });
    installCapture(sqlite);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
  return { teamId, clientId, hubSchemaVersion: LATEST_HUB_VERSION, seq, tables: order.length, rows: uploaded };
}

/** A shared table's rows, CHUNK at a time in key order (keyset paging: each page starts after the last key). */
function* pages(sqlite: Database.Database, shape: TableShape): Generator<Record<string, unknown>[]> {
  const base = sharedRowsSql(shape.table);
  const keys = shape.key.map((k) => `r."${k}"`).join(', ');
  const after = `(${keys}) > (${shape.key.map(() => '?').join(', ')})`;
  const first = sqlite.prepare(`${base} ORDER BY ${keys} LIMIT ${CHUNK}`);
  const next = sqlite.prepare(`${base}${base.includes(' WHERE ') ? ' AND' : ' WHERE'} ${after} ORDER BY ${keys} LIMIT ${CHUNK}`);
  let page = first.all() as Record<string, unknown>[];
  while (page.length > 0) {
    yield page;
    if (page.length < CHUNK) return;
    const last = page.at(-1)!;
    page = next.all(...shape.key.map((k) => last[k])) as Record<string, unknown>[];
  }
}
