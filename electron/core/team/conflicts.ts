import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { agedOutBudgetConflicts } from './budgetWarning';
import { loadGids } from './gids';
import { reverseProblem } from './reverseRules';
import { sharedOrder } from './tables';

const COLUMNS = `id, tbl AS "table", gid, field, kind, local_value AS localValue, remote_value AS remoteValue,
  local_hlc AS localHlc, remote_hlc AS remoteHlc, created_at AS createdAt, resolved_at AS resolvedAt`;

export interface StoredConflict {
  id: number;
  table: string;
  gid: string;
  field: string | null;
  kind: 'superseded' | 'transition' | 'unique' | 'budget' | 'rejected';
  localValue: string | null;
  remoteValue: string | null;
  localHlc: string | null;
  remoteHlc: string | null;
  createdAt: string;
  resolvedAt: string | null;
}
export type Conflict = StoredConflict & { label: string | null };

/** The columns that name a record to a person, in order of preference. */
const LABEL_COLUMNS = ['name', 'title', 'subject', 'full_name', 'email', 'external_id', 'key'];

/** The record a conflict is about, in words, as this laptop holds it (by its global id). */
function labelOf(sqlite: Database.Database, table: string, gid: string): string | null {
  if (!sharedOrder(sqlite).some((s) => s.table === table)) return null;
  const key = sqlite.prepare('SELECT row_key FROM team_rows WHERE tbl = ? AND gid = ? AND deleted = 0').pluck().get(table, gid) as string | undefined;
  // Composite keys (a JSON array) name rows of link tables, which have no words of their own.
  if (key === undefined || key.startsWith('[')) return null;
  const columns = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
  const column = LABEL_COLUMNS.find((c) => columns.has(c));
  if (!column) return null;
  const value = sqlite.prepare(`SELECT "${column}" FROM "${table}" WHERE rowid = ?`).pluck().get(key) as string | number | null | undefined;
  return value === null || value === undefined || value === '' ? null : String(value);
}

const labelled = (sqlite: Database.Database, row: StoredConflict): Conflict => ({ ...row, label: labelOf(sqlite, row.table, row.gid) });

function readConflict(ctx: Context, id: number): Conflict {
  const row = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM team_conflicts WHERE id = ?`).get(id) as StoredConflict | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `no conflict ${id}`);
  return labelled(ctx.sqlite, row);
}

/** team.conflicts: open conflicts newest first (resolved ones too, on request). */
export function listConflicts(ctx: Context, input: ParsedInput<'team.conflicts'>): { conflicts: Conflict[] } {
  const where = input.includeResolved === true ? '' : 'WHERE resolved_at IS NULL';
  const rows = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM team_conflicts ${where} ORDER BY id DESC`).all() as StoredConflict[];
  const agedOut = agedOutBudgetConflicts(ctx.sqlite, ctx.now());
  return { conflicts: rows.filter((row) => !agedOut.has(row.id)).map((row) => labelled(ctx.sqlite, row)) };
}

export interface NewConflict {
  tbl: string;
  gid: string;
  field: string | null;
  kind: Conflict['kind'];
  localValue: string | null;
  remoteValue: string | null;
  localHlc: string | null;
  remoteHlc: string | null;
}

/**
 * Lists a conflict once: the same pair of clocks on the same field is one conflict however many
 * pulled entries carry it; an open budget or unique conflict on the same row and field is updated
 * instead of repeated.
 */
export function recordConflict(sqlite: Database.Database, c: NewConflict, now: string): void {
  if (c.kind === 'budget' || c.kind === 'unique') {
    const open = sqlite.prepare('SELECT id FROM team_conflicts WHERE gid = ? AND field IS ? AND kind = ? AND resolved_at IS NULL').pluck().get(c.gid, c.field, c.kind) as
      number | undefined;
    if (open !== undefined) {
      sqlite.prepare('UPDATE team_conflicts SET local_value = ?, remote_value = ? WHERE id = ?').run(c.localValue, c.remoteValue, open);
      return;
    }
  } else if (
    sqlite
      .prepare('SELECT 1 FROM team_conflicts WHERE gid = ? AND field IS ? AND kind = ? AND local_hlc IS ? AND remote_hlc IS ?')
      .get(c.gid, c.field, c.kind, c.localHlc, c.remoteHlc)
  ) {
    return;
  }
  sqlite
    .prepare(`INSERT INTO team_conflicts (tbl, gid, field, kind, local_value, remote_value, local_hlc, remote_hlc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(c.tbl, c.gid, c.field, c.kind, c.localValue, c.remoteValue, c.localHlc, c.remoteHlc, now);
}

/** Why a conflict of this kind has nothing to write back. */
const NOT_REVERSIBLE: Partial<Record<Conflict['kind'], string>> = {
  rejected: 'the team server refused this change (its reason is listed), so there is no other value to go back to; make the change again if your role allows it',
  unique: 'every laptop gives the key to the row whose global id sorts first; rename one of the two rows to settle it',
  budget: 'it is a warning about asks already made; withdraw or move one of the asks to bring the reference back within its budget',
  transition: 'the team server refused the state change; make a transition its rules allow instead',
};

/**
 * `reverse` writes the value that lost back as a new local change once the owning domain's rules allow
 * it here (reverseRules.ts: stage machines, one live reference, unique keys): an update of the field,
 * which the capture triggers record with a clock later than every clock seen so far, so the next
 * sync pushes it and it wins everywhere (docs/team.md "Conflicts").
 */
function reverse(ctx: Context, conflict: Conflict): void {
  const { sqlite } = ctx;
  const why = NOT_REVERSIBLE[conflict.kind];
  if (why) throw new CoreError('CONFLICT', `a ${conflict.kind} conflict cannot be reversed: ${why}`);
  const row = sqlite.prepare('SELECT row_key AS rowKey, deleted FROM team_rows WHERE gid = ?').get(conflict.gid) as { rowKey: string; deleted: number } | undefined;
  if (conflict.field === null || !row || row.deleted) {
    throw new CoreError('CONFLICT', `the ${conflict.table} row was deleted on the team; reversing does not bring a deleted row back (create it again instead)`);
  }
  const shape = sharedOrder(sqlite).find((s) => s.table === conflict.table);
  if (!shape?.columns.includes(conflict.field)) throw new CoreError('CONFLICT', `${conflict.table} no longer has the field ${conflict.field}`);
  // The later clock won; the other side's value is the one to write back.
  const localLost = (conflict.remoteHlc ?? '') > (conflict.localHlc ?? '');
  let value = JSON.parse((localLost ? conflict.localValue : conflict.remoteValue) ?? 'null') as unknown;
  const parent = shape.parents[conflict.field];
  if (parent && value !== null) {
    const key = loadGids(sqlite).key(value);
    const live = sqlite.prepare('SELECT 1 FROM team_rows WHERE gid = ? AND deleted = 0').get(value);
    if (key === null || !live) throw new CoreError('CONFLICT', `the ${parent} row that ${conflict.field} named was deleted since, so it cannot be restored`);
    value = Number(key);
  }
  const where = shape.key.length === 1 ? `"${shape.key[0]}" = ?` : shape.key.map((k) => `"${k}" = ?`).join(' AND ');
  const keyValues = shape.key.length === 1 ? [row.rowKey] : (JSON.parse(row.rowKey) as unknown[]);
  // The owning domain's own rules first (reverseRules.ts), as for the person's own edit: refused by name, nothing written.
  const rowid = sqlite
    .prepare(`SELECT rowid FROM "${conflict.table}" WHERE ${where}`)
    .pluck()
    .get(...keyValues) as number | undefined;
  const problem = rowid === undefined ? null : reverseProblem(sqlite, conflict.table, rowid, conflict.field, value);
  if (problem) throw new CoreError('CONFLICT', `${conflict.table}.${conflict.field} cannot take its earlier value back: ${problem}`);
  try {
    sqlite.prepare(`UPDATE "${conflict.table}" SET "${conflict.field}" = ? WHERE ${where}`).run(value, ...keyValues);
  } catch (error) {
    throw new CoreError('CONFLICT', `${conflict.table}.${conflict.field} cannot take its earlier value back: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** team.conflicts.resolve: `keep` accepts what the merge decided; `reverse` writes the losing value back (superseded conflicts only). */
export function resolveConflict(ctx: Context, input: ParsedInput<'team.conflicts.resolve'>): Conflict {
  const conflict = readConflict(ctx, input.id);
  if (conflict.resolvedAt !== null) throw new CoreError('CONFLICT', `conflict ${input.id} was already resolved on ${conflict.resolvedAt}`);
  ctx.sqlite.transaction(() => {
    if (input.action === 'reverse') reverse(ctx, conflict);
    ctx.sqlite.prepare('UPDATE team_conflicts SET resolved_at = ? WHERE id = ?').run(ctx.now().toISOString(), input.id);
  })();
  return readConflict(ctx, input.id);
}
