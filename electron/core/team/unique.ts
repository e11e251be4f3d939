import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import type { TableShape } from './tables';
import { keyValue } from './tombstone';

/**
 * Unique keys on pull (docs/team.md "Push, pull and merge"): two laptops that made the same
 * `external_id` or persona name offline each hold one row with it, and the hub (which has no unique
 * index over its jsonb) holds both. Every laptop decides the same way: the row whose global id sorts
 * first keeps the key, the other keeps its data with the key made visibly unique,
 * `<key> (<first 8 characters of its global id>)`, and a `unique` conflict is listed. The rename
 * is this laptop's own (not pushed): every laptop makes the same one, so their tables stay equal.
 */

/** Each shared table's single-column unique keys (its primary key aside). */
export function uniqueColumns(sqlite: Database.Database, shapes: Iterable<TableShape>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const shape of shapes) {
    const indexes = sqlite.prepare(`SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND origin <> 'pk' AND partial = 0`).pluck().all(shape.table) as string[];
    const columns: string[] = [];
    for (const index of indexes) {
      const cols = sqlite.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(index) as string[];
      if (cols.length === 1 && cols[0]) columns.push(cols[0]);
    }
    if (columns.length > 0) result.set(shape.table, columns);
  }
  return result;
}

export const uniqueRename = (value: unknown, gid: string) => `${String(value)} (${gid.slice(0, 8)})`;

export interface UniqueClash {
  column: string;
  value: unknown;
  /** The row that keeps the key. */
  keeperGid: string;
  /** The row whose key was made unique, and its new key. */
  loserGid: string;
  renamed: string;
  /** The loser is the row being pulled (else a row already here, renamed in place). */
  loserIsPulled: boolean;
}

/**
 * Settles the pulled row's unique keys against this laptop's other rows before it is written:
 * renames the pulled row's key in `row` or another row's in place, and says what it did.
 */
export function settleUnique(
  sqlite: Database.Database,
  shape: TableShape,
  columns: readonly string[],
  row: Record<string, unknown>,
  gid: string,
  ownKey: string | null,
): UniqueClash[] {
  const clashes: UniqueClash[] = [];
  if (shape.key.length !== 1) return clashes;
  const keyColumn = shape.key[0]!;
  for (const column of columns) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    // Cached (stmt): this runs for every pulled or joined row of a table with a unique key.
    const other = stmt(
      sqlite,
      `SELECT CAST(t."${keyColumn}" AS TEXT) AS key, r.gid FROM "${shape.table}" t LEFT JOIN team_rows r ON r.tbl = ? AND r.row_key = CAST(t."${keyColumn}" AS TEXT)
        WHERE t."${column}" = ? AND (? IS NULL OR CAST(t."${keyColumn}" AS TEXT) <> ?)`,
    ).get(shape.table, value, ownKey, ownKey) as { key: string; gid: string | null } | undefined;
    if (!other) continue;
    // A row here without a global id yet sorts first: it cannot be renamed on other laptops' say.
    const otherGid = other.gid ?? '';
    const loserIsPulled = gid > otherGid;
    const loserGid = loserIsPulled ? gid : otherGid;
    const renamed = uniqueRename(value, loserGid);
    if (loserIsPulled) row[column] = renamed;
    else sqlite.prepare(`UPDATE "${shape.table}" SET "${column}" = ? WHERE "${keyColumn}" = ?`).run(renamed, keyValue(other.key));
    clashes.push({ column, value, keeperGid: loserIsPulled ? otherGid : gid, loserGid, renamed, loserIsPulled });
  }
  return clashes;
}
