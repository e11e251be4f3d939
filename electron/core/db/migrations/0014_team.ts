import { sql, type Kysely } from 'kysely';

// Issue 19: the team workspace's laptop side (docs/team.md). Side tables only: the domains' tables
// keep their integer ids and columns, and a workspace that is not in a team has no triggers at all
// (the capture triggers are installed by `team.init` / `team.join`, electron/core/team/capture.ts).
// Frozen once landed.

const statements = [
  // Who this laptop is in a team (client id, team id, the clock, the pull cursor). Empty: no team.
  `CREATE TABLE team_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,

  // The global id and version of each shared row, keyed by its table and local key (an integer id as
  // text, a composite key as a JSON array). Kept after a delete as the tombstone. `clocks` holds each
  // field's last local change (HLC), `agreed` the clock last agreed with the hub.
  `CREATE TABLE team_rows (
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    gid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1,
    clocks TEXT NOT NULL DEFAULT '{}',
    agreed TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    local_only INTEGER NOT NULL DEFAULT 0 CHECK (local_only IN (0, 1)),
    PRIMARY KEY (tbl, row_key)
  ) WITHOUT ROWID`,

  // The local change log (the outbox): one row per write to a shared row, in the write's own
  // transaction; seq is the mutation id the hub deduplicates on. Removed once the hub acknowledged it.
  `CREATE TABLE team_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    gid TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
    fields TEXT,
    hlc INTEGER NOT NULL
  )`,

  // Values that lost a merge, state transitions and unique keys refused on merge: for the user to review.
  `CREATE TABLE team_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    gid TEXT NOT NULL,
    field TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('superseded','transition','unique','budget','rejected')),
    local_value TEXT,
    remote_value TEXT,
    local_hlc TEXT,
    remote_hlc TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT
  )`,
  `CREATE INDEX team_conflicts_open ON team_conflicts (resolved_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
