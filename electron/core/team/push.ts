import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Context } from '../context';
import { pausePoint } from '../db/pausePoint';
import { rememberAcked } from './agreement';
import { isRuleMade } from './natural';
import { lastNaming, nextBatch, type Mutation } from './outbox';
import type { Hub } from './server/schema';
import { readState, writeState } from './state';
import type { TableShape } from './tables';

/** A change the hub refused (hub migration 0003): `transition` carries the field and both values. */
interface Rejection {
  id: number;
  gid: string;
  kind: 'forbidden' | 'invalid' | 'parent_deleted' | 'transition';
  reason: string;
  field?: string;
  local?: unknown;
  remote?: unknown;
  remote_hlc?: string;
  /** Hub 0006: a history row refused with its move (the mutation id of the refused move). */
  move?: number;
}

interface Reply {
  last_mutation_id: number;
  rejections: Rejection[];
  /** Stored, but not as sent: a field that lost to a newer clock, an edit of a deleted row (the pull lists them, merge.ts). */
  notices: { id: number; gid: string; kind: 'superseded' | 'edit_on_deleted' }[];
  clamped: number;
}

/** The hub's refusal as the laptop lists it: a broken state machine is a `transition` with both values, anything else `rejected` with the hub's reason. */
function conflictOf(r: Rejection, mutation: Mutation | undefined) {
  const tbl = mutation?.tbl ?? '';
  if (r.kind === 'transition') {
    return {
      tbl,
      field: r.field ?? null,
      kind: 'transition',
      local: JSON.stringify(r.local ?? null),
      remote: JSON.stringify(r.remote ?? null),
      localHlc: mutation?.hlc ?? null,
      remoteHlc: r.remote_hlc ?? null,
    };
  }
  return { tbl, field: null, kind: 'rejected', local: r.reason, remote: null, localHlc: mutation?.hlc ?? null, remoteHlc: null };
}

/**
 * Pushes the outbox in batches with a batch id (a retry after a lost reply applies nothing twice),
 * with this laptop's pull cursor: the hub re-validates a state change only against a value written
 * by another laptop since (hub migration 0003). A refusal becomes a conflict (`transition` or
 * `rejected`); a refused new row stays on this laptop only.
 */
export async function pushOutbox(
  ctx: Context,
  hub: Hub,
  shapes: Map<string, TableShape>,
  clientId: string,
  /** Optional (sync.ts): told after each acknowledged batch; may throw CANCELLED there (the batch is recorded, the rest waits). */
  afterBatch?: (pushed: number) => Promise<void>,
): Promise<{ pushed: number; rejected: number }> {
  const { sqlite } = ctx;
  const seen = Number(readState(sqlite).last_pulled_seq ?? 0);
  const last = lastNaming(sqlite);
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const batch = nextBatch(sqlite, shapes, clientId, last);
    if (batch.length === 0) break;
    const batchId = randomUUID();
    const reply = await sql<{ result: Reply }>`
      SELECT team.push(${clientId}::uuid, ${batchId}::uuid, ${JSON.stringify(batch)}::jsonb, ${seen}::bigint) AS result`.execute(hub);
    const { last_mutation_id: acked, rejections } = reply.rows[0]!.result;
    pausePoint('team-push-after-reply'); // tests only: the hub committed, the laptop not yet (FULCRUM_TEST_PAUSE, teamFaults.test.ts)
    const listed = sqlite.transaction(() => {
      // The acknowledged fields' clocks stay known until the hub's record of them is pulled (agreement.ts, merge).
      rememberAcked(sqlite, acked, new Set(rejections.map((r) => r.id)), clientId);
      sqlite.prepare('DELETE FROM team_changes WHERE seq <= ?').run(acked);
      return recordRefusals(sqlite, batch, rejections, ctx.now().toISOString());
    })();
    pushed += batch.filter((m) => m.id <= acked).length;
    rejected += listed;
    await afterBatch?.(pushed);
  }
  return { pushed, rejected };
}

/** A new row a rule made (not a person: a call to action opened by hand and its tasks are a person's). */
function madeByRule(sqlite: Database.Database, m: Mutation): boolean {
  if (m.op !== 'insert' || !isRuleMade(m.tbl, m.gid)) return false;
  if (m.tbl === 'calls_to_action') return m.data?.rule !== 'manual';
  if (m.tbl !== 'tasks') return true;
  const cta = m.data?.cta_id;
  if (typeof cta !== 'string') return false;
  const rule = sqlite.prepare(`SELECT c.rule FROM team_rows t JOIN calls_to_action c ON c.id = t.row_key WHERE t.tbl = 'calls_to_action' AND t.gid = ?`).pluck().get(cta) as
    string | undefined;
  return rule !== undefined && rule !== 'manual';
}

/** Lists the hub's refusals as conflicts; answers how many were listed. */
function recordRefusals(sqlite: Database.Database, batch: Mutation[], rejections: Rejection[], now: string): number {
  const conflict = sqlite.prepare(
    `INSERT INTO team_conflicts (tbl, gid, field, kind, local_value, remote_value, local_hlc, remote_hlc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A row the hub refused to create stays on this laptop only, listed for its user (never silently dropped).
  const keepLocal = sqlite.prepare('UPDATE team_rows SET local_only = 1 WHERE gid = ?');
  // A push replayed after a lost reply gets the batch's refusals again (hub 0006): each is listed once.
  const listedBefore = sqlite.prepare('SELECT 1 FROM team_conflicts WHERE gid = ? AND kind = ? AND field IS ? AND local_hlc IS ?');
  const byId = new Map(batch.map((m) => [m.id, m]));
  let listed = 0;
  for (const r of rejections) {
    const mutation = byId.get(r.id);
    // The history row of a move the hub refused: the move's own conflict says it all; the row records a
    // move that did not happen on the team, so it goes here too (capture muted: nothing to push).
    if (r.move !== undefined && mutation?.op === 'insert') {
      dropRefusedHistory(sqlite, mutation);
      continue;
    }
    // A row a rule made here that this laptop's role may not write (marketing's laptop opening a CSM's
    // task): a laptop whose role may makes the same row (same gid), which the pull brings; no one's edit was refused.
    if (mutation && madeByRule(sqlite, mutation)) {
      keepLocal.run(r.gid);
      continue;
    }
    const c = conflictOf(r, mutation);
    if (mutation?.op === 'insert') keepLocal.run(r.gid);
    if (listedBefore.get(r.gid, c.kind, c.field, c.localHlc) !== undefined) continue;
    conflict.run(c.tbl, r.gid, c.field, c.kind, c.local, c.remote, c.localHlc, c.remoteHlc, now);
    listed++;
  }
  return listed;
}

/** Deletes a refused move's history row here, with capture muted; its gid stays known as a local-only tombstone. */
function dropRefusedHistory(sqlite: Database.Database, m: Mutation): void {
  const key = sqlite.prepare('SELECT row_key FROM team_rows WHERE gid = ?').pluck().get(m.gid) as string | undefined;
  writeState(sqlite, { muted: 1 });
  if (key !== undefined) sqlite.prepare(`DELETE FROM "${m.tbl}" WHERE rowid = ?`).run(Number(key));
  sqlite.prepare(`DELETE FROM team_state WHERE key = 'muted'`).run();
  sqlite.prepare('UPDATE team_rows SET deleted = 1, local_only = 1 WHERE gid = ?').run(m.gid);
  sqlite.prepare('DELETE FROM team_changes WHERE gid = ?').run(m.gid);
}
