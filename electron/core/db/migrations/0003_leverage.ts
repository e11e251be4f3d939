import { sql, type Kysely } from 'kysely';

// The reference programme's request lifecycle (issue 5): who approved a request and when, what the
// reference said afterwards, and why and when a request was declined or cancelled. Frozen once landed.

const statements = [
  `ALTER TABLE reference_requests ADD COLUMN approved_by TEXT`,
  `ALTER TABLE reference_requests ADD COLUMN approved_at TEXT`,
  `ALTER TABLE reference_requests ADD COLUMN reference_said TEXT`,
  `ALTER TABLE reference_requests ADD COLUMN closed_reason TEXT`,
  `ALTER TABLE reference_requests ADD COLUMN closed_at TEXT`,
  // Requests already finished carry their end: completed ones close when completed, the others at their last change.
  `UPDATE reference_requests SET closed_at = coalesce(completed_at, updated_at) WHERE status IN ('completed','declined','cancelled')`,
  // The requests log filters by status (open only) and shows the newest first.
  `CREATE INDEX reference_requests_status ON reference_requests (status, requested_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
