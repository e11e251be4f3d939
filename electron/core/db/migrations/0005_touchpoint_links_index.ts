import { sql, type Kysely } from 'kysely';

// A card's interactions linked by hand are found by touchpoints.journey_touchpoint_id. Partial: the
// few linked rows are indexed, the hundreds of thousands of unlinked ones (and every import) cost
// nothing. Frozen once landed.

const statements = [`CREATE INDEX touchpoints_journey_touchpoint ON touchpoints (journey_touchpoint_id) WHERE journey_touchpoint_id IS NOT NULL`];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
