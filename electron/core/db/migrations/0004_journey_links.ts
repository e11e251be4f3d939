import { sql, type Kysely } from 'kysely';

// Tickets and survey answers linked by hand to a journey touchpoint (issue 6). Interactions carry
// their link in touchpoints.journey_touchpoint_id; these sources are read as aggregated cells, so
// their few hand-made links live beside them. A record is linked to at most one card. Frozen once landed.

const statements = [
  `CREATE TABLE journey_links (
    journey_touchpoint_id INTEGER NOT NULL REFERENCES journey_touchpoints (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('tickets','surveyResponses')),
    record_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source, record_id))`,
  // A card's records, and the cascade when a card goes.
  `CREATE INDEX journey_links_touchpoint ON journey_links (journey_touchpoint_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
