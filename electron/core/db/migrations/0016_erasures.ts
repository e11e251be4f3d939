import { sql, type Kysely } from 'kysely';

// Issue 19, erasing a person (docs/privacy.md): one row per erasure, holding no personal data (the
// contact's local id and team gid, when, and what became of it on the team's server). Frozen once landed.

const statements = [
  // source: 'here' (erased on this laptop) or 'team' (applied from the team's change log).
  // hub_state: for an erasure made here in a team, 'pending' until the next sync sends it to the
  // hub, 'sent' once the hub scrubbed it, 'refused' when the hub's rules refused it (hub_note says why).
  // vacuumed_at: when the file was rebuilt without the erased pages (VACUUM), so no old copy stays in it.
  `CREATE TABLE erasures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER,
    gid TEXT,
    source TEXT NOT NULL CHECK (source IN ('here','team')),
    erased_at TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    scrubbed INTEGER NOT NULL DEFAULT 0,
    hub_state TEXT CHECK (hub_state IN ('pending','sent','refused')),
    hub_note TEXT,
    hub_at TEXT,
    vacuumed_at TEXT)`,
  `CREATE INDEX erasures_gid ON erasures (gid)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
