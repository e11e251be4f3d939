import type Database from 'better-sqlite3';
import { GidMap } from './rows';

/**
 * The laptop's global ids read from `team_rows` as they are asked for (its `gid` and `(tbl, row_key)`
 * are unique keys), instead of a map of every row in memory: a join or an upload of millions of rows
 * stays in bounded memory (docs/team.md "Limits"). Rows written to `team_rows` in the same
 * transaction are seen at once.
 */
export class StoredGids extends GidMap {
  private readonly byGid: Database.Statement<[string]>;
  private readonly byKey: Database.Statement<[string, string]>;
  private readonly limit: number;

  /** Lookups that found a row (init and join: a row's gid and key never change while they run, and parents are asked for again and again). */
  private readonly cache: { gid: Map<string, string>; key: Map<string, string> } | null;

  /** `remember`: keep up to that many found lookups per direction (only where a row's gid and key cannot change meanwhile: not in a pull). */
  constructor(sqlite: Database.Database, remember = 0) {
    super();
    this.limit = remember;
    this.cache = remember > 0 ? { gid: new Map(), key: new Map() } : null;
    this.byGid = sqlite.prepare<[string]>('SELECT row_key FROM team_rows WHERE gid = ?').pluck();
    this.byKey = sqlite.prepare<[string, string]>('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck();
  }

  override set(): void {
    // team_rows is the map: its writer records the row there.
  }

  override gid(table: string, key: unknown): string | null {
    if (typeof key !== 'number' && typeof key !== 'string' && typeof key !== 'bigint') return null;
    if (!this.cache) return (this.byKey.get(table, String(key)) as string | undefined) ?? null;
    const name = `${table}|${String(key)}`;
    const known = this.cache.gid.get(name);
    if (known !== undefined) return known;
    const found = (this.byKey.get(table, String(key)) as string | undefined) ?? null;
    if (found !== null) this.remember(this.cache.gid, name, found);
    return found;
  }

  override key(gid: unknown): string | null {
    if (typeof gid !== 'string') return null;
    if (!this.cache) return (this.byGid.get(gid) as string | undefined) ?? null;
    const known = this.cache.key.get(gid);
    if (known !== undefined) return known;
    const found = (this.byGid.get(gid) as string | undefined) ?? null;
    if (found !== null) this.remember(this.cache.key, gid, found);
    return found;
  }

  /** After a write that may move a gid to another key (adoptLocal's upsert): found lookups are asked again. */
  forget(): void {
    this.cache?.gid.clear();
    this.cache?.key.clear();
  }

  /** Bounded: when full it starts again (the parents asked for most come back at once). */
  private remember(map: Map<string, string>, name: string, value: string): void {
    if (map.size >= this.limit) map.clear();
    map.set(name, value);
  }
}
