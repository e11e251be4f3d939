import type Database from 'better-sqlite3';
import { naturalLocalKey } from './natural';
import type { TableShape } from './tables';

/**
 * A hub row this laptop has no gid for, but a row with the same natural key (natural.ts): a setting
 * or a starter template the laptop made before it joined, a call to action its own rule opened
 * between its push and its pull. Inserting would break the table's unique key (or make a second);
 * instead the local row takes the hub's gid and values. Returns its local key, or null (insert it).
 * Capture is muted by the caller (pull, join), so this is not echoed back.
 */
export function adoptLocal(sqlite: Database.Database, shape: TableShape, gid: string, row: Record<string, unknown>, version = 1): string | null {
  const key = naturalLocalKey(sqlite, shape.table, row);
  if (key === null) return null;
  const columns = Object.keys(row).filter((c) => !shape.key.includes(c));
  const where = shape.key.length === 1 ? `"${shape.key[0]}" = ?` : shape.key.map((k) => `"${k}" = ?`).join(' AND ');
  const keyValues = shape.key.length === 1 ? [key] : (JSON.parse(key) as unknown[]);
  if (columns.length > 0)
    sqlite.prepare(`UPDATE "${shape.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${where}`).run(...columns.map((c) => row[c]), ...keyValues);
  sqlite
    .prepare(
      `INSERT INTO team_rows (tbl, row_key, gid, version) VALUES (?, ?, ?, ?)
       ON CONFLICT (tbl, row_key) DO UPDATE SET gid = excluded.gid, version = excluded.version, deleted = 0, local_only = 0`,
    )
    .run(shape.table, key, gid, version);
  return key;
}
