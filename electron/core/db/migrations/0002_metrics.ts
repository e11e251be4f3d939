import { sql, type Kysely } from 'kysely';

// The metrics engine (issue 3): ARR history, health snapshots and the rollups that make the
// dashboard fast. Frozen once landed. The rollups start empty: the core builds them from the raw
// rows when it opens a workspace whose rollups are missing or stale (see metrics/rollups/).

const statements = [
  // Every ARR level an account has had: `arr_minor` is the level from `changed_on` on, `kind` names
  // the move. Revenue retention reads levels at the period's ends from here.
  `CREATE TABLE arr_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    changed_on TEXT NOT NULL,
    arr_minor INTEGER NOT NULL CHECK (arr_minor >= 0),
    kind TEXT NOT NULL CHECK (kind IN ('new','expansion','contraction','churn','reactivation')),
    created_at TEXT NOT NULL)`,
  `CREATE INDEX arr_changes_account_time ON arr_changes (account_id, changed_on)`,
  // Backfill: what the accounts table knows, the start ARR at contract start (or creation) and the churn.
  `INSERT INTO arr_changes (account_id, changed_on, arr_minor, kind, created_at)
    SELECT id, coalesce(contract_start, substr(created_at, 1, 10)), arr_minor, 'new', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM accounts WHERE arr_minor > 0`,
  `INSERT INTO arr_changes (account_id, changed_on, arr_minor, kind, created_at)
    SELECT id, churned_at, 0, 'churn', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM accounts WHERE arr_minor > 0 AND churned_at IS NOT NULL`,

  // One account's health as computed at `taken_at` under `model_version`; `current` marks the
  // latest, so the dashboard reads 20,000 scores from a small index instead of the whole history.
  `CREATE TABLE health_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL,
    model_version TEXT NOT NULL,
    score REAL CHECK (score BETWEEN 0 AND 100),
    band TEXT NOT NULL CHECK (band IN ('red','amber','green','insufficient')),
    coverage_pct REAL NOT NULL,
    components TEXT NOT NULL CHECK (json_valid(components)),
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)))`,
  `CREATE INDEX health_snapshots_account_time ON health_snapshots (account_id, taken_at)`,
  `CREATE UNIQUE INDEX health_snapshots_current ON health_snapshots (account_id) WHERE current = 1`,

  // Rollups: per account and month (month = year · 12 + month − 1), and per segment and month for
  // the unfiltered and segment-filtered dashboard. One compact BLOB per row holds the counters, the
  // response-time sketches and the ticket topics (ids into rollup_topics): one value to fetch per
  // row matters when a filter reads 100,000 of them. The layout is in metrics/rollups/codec.ts.
  `CREATE TABLE rollup_account_month (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (account_id, month)) WITHOUT ROWID`,
  `CREATE TABLE rollup_segment_month (
    segment TEXT NOT NULL,
    month INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (segment, month)) WITHOUT ROWID`,
  // Ticket topics are free text: the rollups store a small id per topic instead of the text.
  `CREATE TABLE rollup_topics (id INTEGER PRIMARY KEY, topic TEXT NOT NULL UNIQUE)`,

  // What the rollups were built with (one row): a different layout or clock means rebuild.
  `CREATE TABLE rollup_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    layout INTEGER NOT NULL,
    clock TEXT NOT NULL,
    built_at TEXT NOT NULL)`,

  // An account's open tickets, for the health score's backlog, without reading its closed ones.
  `CREATE INDEX tickets_unresolved ON tickets (account_id) WHERE resolved_at IS NULL AND archived_at IS NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
