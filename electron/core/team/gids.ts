import type Database from 'better-sqlite3';
import { GidMap } from './rows';

/** Every global id the laptop knows, live or tombstoned (references are resolved through it). */
export function loadGids(sqlite: Database.Database): GidMap {
  const gids = new GidMap();
  for (const r of sqlite.prepare('SELECT tbl, row_key AS key, gid FROM team_rows').iterate() as Iterable<{ tbl: string; key: string; gid: string }>) gids.set(r.tbl, r.key, r.gid);
  return gids;
}
