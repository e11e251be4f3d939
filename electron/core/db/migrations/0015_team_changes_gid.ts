import { sql, type Kysely } from 'kysely';

// Issue 19 (team workspace): a pull merges each pulled row against this laptop's own pending changes
// to it (team/agreement.ts, team/apply.ts: `team_changes WHERE gid = ?`), and an erasure or a
// tombstone drops a row's changes by gid. Without an index each pulled row scans the whole outbox,
// so a page of 1,000 against an outbox of 10,000 offline edits reads ten million rows. Frozen once landed.

const statements = [`CREATE INDEX team_changes_gid ON team_changes (gid, seq)`];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
