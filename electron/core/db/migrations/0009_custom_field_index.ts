import { sql, type Kysely } from 'kysely';

// Issue 13: the tables filter by custom fields. A filter finds a field's matching values through
// these, once per query: numbers and yes/no by range or equality on `number`, text, choices and
// ISO dates by equality (any case) or range on `value`. Frozen once landed.

const statements = [
  `CREATE INDEX custom_field_values_number ON custom_field_values (field_id, number) WHERE number IS NOT NULL`,
  `CREATE INDEX custom_field_values_text ON custom_field_values (field_id, value COLLATE NOCASE)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
