import { sql, type Kysely } from 'kysely';

// Issue 13: a file without a segment stored an invented 'smb' (0001's NOT NULL DEFAULT 'smb'). Blank
// is unknown: accounts.segment becomes nullable, with no default. SQLite cannot drop NOT NULL in
// place, so the table is rebuilt the way SQLite documents it (https://sqlite.org/lang_altertable.html,
// "making other kinds of table schema changes"): the runner turns foreign keys off around this
// migration (`foreignKeysOff`) and checks `foreign_key_check` before it commits, so the child rows
// that reference accounts are neither cascaded away by the DROP nor left dangling.
// Every column, check and index of 0001 is kept; no trigger or view reads accounts. Existing rows keep
// their segment as is: nobody can tell which 'smb' was invented. Frozen once landed.

const columns = [
  'id',
  'name',
  'external_id',
  'industry',
  'segment',
  'region',
  'employee_count',
  'arr_minor',
  'currency',
  'gross_margin_pct',
  'owner',
  'lifecycle_stage',
  'contract_start',
  'renewal_date',
  'churned_at',
  'churn_reason',
  'tags',
  'archived_at',
  'created_at',
  'updated_at',
].join(', ');

const statements = [
  `CREATE TABLE accounts_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    external_id TEXT UNIQUE,
    industry TEXT,
    segment TEXT CHECK (length(trim(segment)) > 0),
    region TEXT,
    employee_count INTEGER CHECK (employee_count >= 0),
    arr_minor INTEGER NOT NULL DEFAULT 0 CHECK (arr_minor >= 0),
    currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
    gross_margin_pct REAL CHECK (gross_margin_pct BETWEEN 0 AND 100),
    owner TEXT,
    lifecycle_stage TEXT NOT NULL DEFAULT 'onboarding'
      CHECK (lifecycle_stage IN ('onboarding','adoption','growth','renewal','at_risk','churned')),
    contract_start TEXT,
    renewal_date TEXT,
    churned_at TEXT,
    churn_reason TEXT,
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `INSERT INTO accounts_rebuilt (${columns}) SELECT ${columns} FROM accounts ORDER BY id`,
  `DROP TABLE accounts`,
  `ALTER TABLE accounts_rebuilt RENAME TO accounts`,
  `CREATE INDEX accounts_segment ON accounts (segment, name)`,
  `CREATE INDEX accounts_owner ON accounts (owner, name)`,
  `CREATE INDEX accounts_lifecycle_stage ON accounts (lifecycle_stage, name)`,
  `CREATE INDEX accounts_name ON accounts (name)`,
  `CREATE INDEX accounts_renewal_date ON accounts (renewal_date)`,
  `CREATE INDEX accounts_arr ON accounts (arr_minor)`,
];

/** The runner turns foreign keys off around this migration (a DROP of accounts would cascade otherwise). */
export const foreignKeysOff = true;

export async function up(db: Kysely<any>): Promise<void> {
  // AUTOINCREMENT's high-water mark goes with the dropped table: carried over, so the id of an
  // account deleted before the migration is never handed out again.
  const { rows } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'accounts'`.execute(db);
  for (const statement of statements) await sql.raw(statement).execute(db);
  const seq = rows[0]?.seq;
  if (seq === undefined) return;
  const { rows: now } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'accounts'`.execute(db);
  if (now.length > 0) await sql`UPDATE sqlite_sequence SET seq = max(seq, ${seq}) WHERE name = 'accounts'`.execute(db);
  else await sql`INSERT INTO sqlite_sequence (name, seq) VALUES ('accounts', ${seq})`.execute(db);
}
