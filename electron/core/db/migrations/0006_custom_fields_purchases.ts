import { sql, type Kysely } from 'kysely';

// Issue 13. Custom fields: columns of an import that match no field, kept as typed attributes of
// their record (a definition per record kind and name; one value per record, as text, with the
// number beside it for range filters). Purchases: orders (account, day, amount in minor units,
// currency, order id), the value figures' source for customers without contracts. Frozen once landed.

const statements = [
  `CREATE TABLE custom_fields (
    id INTEGER PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('accounts','contacts','tickets','purchases')),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    type TEXT NOT NULL CHECK (type IN ('text','number','bool','date','choice')),
    choices TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (record_kind, name))`,
  // Records of several kinds: record_id is the row's id in the table its field's kind names.
  `CREATE TABLE custom_field_values (
    field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    number REAL,
    PRIMARY KEY (field_id, record_id)) WITHOUT ROWID`,
  // One record's values (the account page).
  `CREATE INDEX custom_field_values_record ON custom_field_values (record_id, field_id)`,
  `CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    external_id TEXT UNIQUE,
    purchased_on TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  `CREATE INDEX purchases_account ON purchases (account_id, purchased_on)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
