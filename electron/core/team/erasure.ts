import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Context } from '../context';
import { eraseContact, erasuresAwaitingVacuum, vacuumAfterErasure } from '../privacy/erase';
import type { Hub } from './server/schema';
import type { TableShape } from './tables';

/**
 * Erasure through the team (docs/privacy.md, docs/team.md "Erasure"): an erasure made here is sent
 * to the hub's `team.erase` on the next sync (after the outbox, before the pull); an `erase` entry
 * pulled from the hub's log is applied here like a local erasure, inside the pull's page transaction.
 */

/** Sends erasures made here to the hub. A refusal by the hub's rules (42501) is kept on the erasure, never retried blindly. */
export async function sendErasures(ctx: Context, hub: Hub): Promise<{ sent: number; refused: number }> {
  const { sqlite } = ctx;
  const pending = sqlite.prepare(`SELECT id, gid FROM erasures WHERE hub_state = 'pending' ORDER BY id`).all() as { id: number; gid: string | null }[];
  const mark = sqlite.prepare('UPDATE erasures SET hub_state = ?, hub_note = ?, hub_at = ? WHERE id = ?');
  let sent = 0;
  let refused = 0;
  for (const erasure of pending) {
    const at = ctx.now().toISOString();
    // Created and erased before it ever reached the hub: nothing there to erase.
    if (erasure.gid === null) {
      mark.run('sent', null, at, erasure.id);
      continue;
    }
    try {
      await sql`SELECT team.erase(${erasure.gid}::uuid) AS result`.execute(hub);
      mark.run('sent', null, at, erasure.id);
      sent++;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      mark.run('refused', error instanceof Error ? error.message : String(error), at, erasure.id);
      refused++;
    }
  }
  return { sent, refused };
}

/**
 * An `erase` entry of the hub's log, applied with capture muted inside the pull's transaction. For a
 * contact: the person is erased here as on the laptop that asked (their name, still here, finds the
 * mentions). For another row (the person's consent or custom value, whose older log entries the hub
 * rewrote as erasures): the row goes. Returns whether anything changed here.
 */
export function applyErasure(sqlite: Database.Database, shapes: Map<string, TableShape>, gid: string, tbl: string, now: Date): boolean {
  if (sqlite.prepare('SELECT 1 FROM erasures WHERE gid = ?').get(gid) !== undefined) return false;
  const local = sqlite.prepare('SELECT row_key AS rowKey, deleted FROM team_rows WHERE gid = ?').get(gid) as { rowKey: string; deleted: number } | undefined;
  if (tbl === 'contacts') {
    if (local && !local.deleted) {
      eraseContact(sqlite, Number(local.rowKey), now, 'team');
      return true;
    }
    // Never here, or deleted here before: nothing of the person's own is left; their outbox and conflicts go.
    forget(sqlite, gid);
    sqlite.prepare(`INSERT INTO erasures (contact_id, gid, source, erased_at) VALUES (NULL, ?, 'team', ?)`).run(gid, now.toISOString());
    return true;
  }
  const shape = shapes.get(tbl);
  if (local && !local.deleted && shape) {
    const where = shape.key.map((k) => `"${k}" = ?`).join(' AND ');
    const values = shape.key.length === 1 ? [local.rowKey] : (JSON.parse(local.rowKey) as unknown[]);
    sqlite.prepare(`DELETE FROM "${shape.table}" WHERE ${where}`).run(...values);
  }
  forget(sqlite, gid);
  return local !== undefined && !local.deleted;
}

function forget(sqlite: Database.Database, gid: string): void {
  sqlite.prepare('UPDATE team_rows SET deleted = 1 WHERE gid = ?').run(gid);
  sqlite.prepare('DELETE FROM team_changes WHERE gid = ?').run(gid);
  sqlite.prepare('UPDATE team_conflicts SET local_value = NULL, remote_value = NULL WHERE gid = ?').run(gid);
}

/** After a sync that applied erasures: the file is rebuilt so no freed page keeps the person (outside any transaction). */
export function vacuumAfterErasures(sqlite: Database.Database, now: Date): void {
  if (erasuresAwaitingVacuum(sqlite) > 0) vacuumAfterErasure(sqlite, now);
}
