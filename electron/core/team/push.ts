import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Context } from '../context';
import { pausePoint } from '../db/pausePoint';
import { formatHlc } from './hlc';
import { toHub, type HubData } from './rows';
import type { Hub } from './server/schema';
import { loadGids } from './gids';
import type { TableShape } from './tables';

const BATCH = 500;

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
 * Pushes the outbox in batches with a batch id (a retry after a lost reply applies nothing twice).
 * Refused changes come back as `rejected` conflicts; a refused new row stays on this laptop only.
 */
export async function pushOutbox(ctx: Context, hub: Hub, shapes: Map<string, TableShape>, clientId: string): Promise<{ pushed: number; rejected: number }> {
  const { sqlite } = ctx;
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const batch = nextBatch(sqlite, shapes, clientId);
    if (batch.length === 0) break;
    const batchId = randomUUID();
    const reply = await sql<{ result: { last_mutation_id: number; rejections: { id: number; gid: string; reason: string }[] } }>`
      SELECT team.push(${clientId}::uuid, ${batchId}::uuid, ${JSON.stringify(batch)}::jsonb) AS result`.execute(hub);
    const { last_mutation_id: last, rejections } = reply.rows[0]!.result;
    pausePoint('team-push-after-reply'); // tests only: the hub committed, the laptop not yet (FULCRUM_TEST_PAUSE, teamFaults.test.ts)
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
  return { pushed, rejected };
}
