import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CoreError } from '../errors';
import type { Context } from '../context';
import { installCapture } from './capture';
import { formatHlc, COUNTER_SPAN } from './hlc';
import { GidMap, toHub, type HubData } from './rows';
import { connectHub, hubError } from './server/connect';
import { migrateHub } from './server/migrate';
import { LATEST_HUB_VERSION } from './server/migrations';
import { inTeam, writeState } from './state';
import { naturalGid } from './natural';
import { rowKeyOf, sharedOrder, sharedRowsSql } from './tables';

const CHUNK = 2_000;

interface UploadRow {
  gid: string;
  tbl: string;
  owner: string | null;
  data: HubData;
}

/**
 * `team.create` (`fulcrum team init`): migrates the hub, then uploads every shared row in one server
 * transaction, then records the global ids and the team on the laptop and installs the capture
 * triggers. The hub commits first: if the laptop's write then failed, the hub holds the team and
 * `team join` makes a workspace from it (docs/team.md "Failure cases").
 */
export async function createTeam(ctx: Context, server: string) {
  const { sqlite } = ctx;
  if (inTeam(sqlite)) throw new CoreError('CONFLICT', 'this workspace is already in a team');
  const order = sharedOrder(sqlite);
  const gids = new GidMap();
  const owners = new Map<string, string | null>();
  const rows: UploadRow[] = [];
  // One read transaction: a consistent snapshot of every shared table.
  sqlite.transaction(() => {
    for (const shape of order) {
      for (const row of sqlite.prepare(sharedRowsSql(shape.table)).iterate() as Iterable<Record<string, unknown>>) {
        const key = rowKeyOf(shape, row);
        // A row every laptop may make on its own (a rule's, a team setting) has its natural key's gid (natural.ts).
        const gid = naturalGid(shape.table, row, (t, k) => gids.gid(t, k)) ?? randomUUID();
        gids.set(shape.table, key, gid);
        // The owning CSM: an account's owner, handed down to the rows under it (docs/team.md "Roles").
        let owner: string | null = null;
        if (shape.table === 'accounts') owner = (row.owner as string | null) ?? null;
        else {
          for (const [column, parent] of Object.entries(shape.parents)) {
            const parentGid = gids.gid(parent, row[column]);
            const parentOwner = parentGid ? owners.get(parentGid) : undefined;
            if (parentOwner) {
              owner = parentOwner;
              break;
            }
          }
        }
        owners.set(gid, owner);
        rows.push({ gid, tbl: shape.table, owner, data: toHub(shape, row, gids) });
      }
    }
  })();

  const teamId = randomUUID();
  const clientId = randomUUID();
  const packed = ctx.now().getTime() * COUNTER_SPAN;
  const clocks = { '*': formatHlc(packed, clientId) };
  const hub = connectHub(server);
  let seq: number;
  try {
    await migrateHub(hub);
    seq = await hub.transaction().execute(async (trx) => {
      const existing = await sql<{ team_id: string }>`SELECT team_id FROM team.meta`.execute(trx);
      if (existing.rows.length > 0) throw new CoreError('CONFLICT', `the server already holds a team (${existing.rows[0]!.team_id}); join it with team join instead`);
      await sql`INSERT INTO team.meta (id, team_id) VALUES (1, ${teamId})`.execute(trx);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = JSON.stringify(rows.slice(i, i + CHUNK).map((r) => ({ ...r, clocks })));
        await sql`INSERT INTO team.rows (gid, tbl, owner, data, clocks)
          SELECT x.gid, x.tbl, x.owner, x.data, x.clocks FROM jsonb_to_recordset(${chunk}::jsonb) AS x(gid uuid, tbl text, owner text, data jsonb, clocks jsonb)`.execute(trx);
      }
      await sql`INSERT INTO team.clients (client_id) VALUES (${clientId})`.execute(trx);
      const meta = await sql<{ seq: number }>`SELECT seq FROM team.meta`.execute(trx);
      return meta.rows[0]!.seq;
    });
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }

  sqlite.transaction(() => {
    const put = sqlite.prepare('INSERT INTO team_rows (tbl, row_key, gid) VALUES (?, ?, ?)');
    for (const shape of order) for (const [key, gid] of gids.entries(shape.table)) put.run(shape.table, key, gid);
    writeState(sqlite, { team_id: teamId, client_id: clientId, role: 'creator', hlc: packed, offset_ms: 0, last_pulled_seq: seq, joined_at: ctx.now().toISOString() });
    installCapture(sqlite);
  })();
  return { teamId, clientId, hubSchemaVersion: LATEST_HUB_VERSION, seq, tables: order.length, rows: rows.length };
}
