import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { formatHlc } from './hlc';

/**
 * What this laptop and the hub agree on, per shared row (docs/team.md "Push, pull and merge"):
 * `team_rows.agreed` holds the hub's field clocks as last seen (init, join, each pulled entry);
 * `team_rows.clocks` holds this laptop's own field clocks that the hub acknowledged but that have
 * not come back through the log yet, as `{ "m": <last acknowledged mutation id>, "f": { field: hlc } }`.
 * A field is "changed here since last agreed" when it is in that map or named by a pending change
 * in `team_changes`; only such a field can conflict with a pulled value.
 */

export interface Acked {
  m: number;
  f: Record<string, string>;
}

/** A row's acknowledged-but-unseen clocks, or null when it has none. */
export function parseAcked(text: string | null | undefined): Acked | null {
  if (!text || text === '{}') return null;
  const parsed = JSON.parse(text) as Partial<Acked>;
  return typeof parsed.m === 'number' && parsed.f ? { m: parsed.m, f: parsed.f } : null;
}

export const ackedText = (acked: Acked | null) => (acked === null || Object.keys(acked.f).length === 0 ? '{}' : JSON.stringify(acked));

/**
 * Called when the hub acknowledged every mutation up to `last` (push.ts), in the same transaction
 * that drops them from the outbox: their field clocks move to `team_rows.clocks`, so a pull still
 * knows these fields were changed here until the hub's own record of them comes back. A refused
 * mutation is not remembered (the hub's value stands, and the pull brings it).
 */
export function rememberAcked(sqlite: Database.Database, last: number, refused: ReadonlySet<number>, clientId: string): void {
  const changes = sqlite.prepare(`SELECT seq, gid, op, fields, hlc FROM team_changes WHERE seq <= ? ORDER BY seq`).all(last) as {
    seq: number;
    gid: string;
    op: 'insert' | 'update' | 'delete';
    fields: string | null;
    hlc: number;
  }[];
  const byGid = new Map<string, Acked | null>();
  const read = sqlite.prepare('SELECT clocks FROM team_rows WHERE gid = ?').pluck();
  for (const change of changes) {
    if (refused.has(change.seq)) continue;
    let acked = byGid.has(change.gid) ? byGid.get(change.gid)! : parseAcked(read.get(change.gid) as string | undefined);
    acked = { m: change.seq, f: { ...acked?.f } };
    const clock = formatHlc(change.hlc, clientId);
    for (const field of fieldsOf(change.op, change.fields)) acked.f[field] = clock;
    byGid.set(change.gid, acked);
  }
  const write = sqlite.prepare('UPDATE team_rows SET clocks = ? WHERE gid = ?');
  for (const [gid, acked] of byGid) write.run(ackedText(acked), gid);
}

/** The fields a change sets: an insert every one (the hub's '*' clock), a delete the row's `_deleted` clock. */
function fieldsOf(op: string, fields: string | null): string[] {
  if (op === 'insert') return ['*'];
  if (op === 'delete') return ['_deleted'];
  return (fields ?? '').split(',').filter(Boolean);
}

/** The row's pending (not yet acknowledged) changes: field → this laptop's latest clock, and the seqs that carry them. */
export function pendingClocks(sqlite: Database.Database, gid: string, clientId: string, mergedUpTo: number): Map<string, string> {
  const clocks = new Map<string, string>();
  const rows = stmt(sqlite, `SELECT op, fields, hlc FROM team_changes WHERE gid = ? AND seq > ? ORDER BY seq`).all(gid, mergedUpTo) as {
    op: string;
    fields: string | null;
    hlc: number;
  }[];
  for (const row of rows) {
    const clock = formatHlc(row.hlc, clientId);
    for (const field of fieldsOf(row.op, row.fields)) clocks.set(field, clock);
  }
  return clocks;
}

/** Drops `fields` from the row's pending changes (they lost a merge: pushing them would only repeat the hub's value). */
export function dropPendingFields(sqlite: Database.Database, gid: string, fields: readonly string[]): void {
  if (fields.length === 0) return;
  const lost = new Set(fields);
  const rows = sqlite.prepare(`SELECT seq, fields FROM team_changes WHERE gid = ? AND op = 'update'`).all(gid) as { seq: number; fields: string | null }[];
  for (const row of rows) {
    const kept = (row.fields ?? '').split(',').filter((f) => f && !lost.has(f));
    if (kept.length === 0) sqlite.prepare('DELETE FROM team_changes WHERE seq = ?').run(row.seq);
    else sqlite.prepare('UPDATE team_changes SET fields = ? WHERE seq = ?').run(kept.join(','), row.seq);
  }
}
