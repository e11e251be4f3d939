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

  constructor(sqlite: Database.Database) {
    super();
    this.byGid = sqlite.prepare<[string]>('SELECT row_key FROM team_rows WHERE gid = ?').pluck();
    this.byKey = sqlite.prepare<[string, string]>('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck();
  }

  override set(): void {
    // team_rows is the map: its writer records the row there.
  }

  override gid(table: string, key: unknown): string | null {
    if (typeof key !== 'number' && typeof key !== 'string' && typeof key !== 'bigint') return null;
    return (this.byKey.get(table, String(key)) as string | undefined) ?? null;
  }

  override key(gid: unknown): string | null {
    return typeof gid === 'string' ? ((this.byGid.get(gid) as string | undefined) ?? null) : null;
  }
}
