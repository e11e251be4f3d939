import { sql, type Kysely } from 'kysely';

// Issue 16: the churn model's history kept in step with writes, so a first training (and the
// satisfaction section's first open) reads one row per account instead of scanning every ticket,
// answer, interaction, deployment and ARR change. Frozen once landed.
// - churn_history: per account (not archived), its dated rows as the churn features read them
//   (churn/history.ts AccountHistory's typed columns, packed by churn/kept.ts), rewritten by each
//   write to the account or its activity inside that write's transaction, and rebuilt whole by the
//   full derived refresh. No foreign key: a row of an account that is gone is never read (the read
//   starts from accounts).
// - churn_history_state: the packing's layout version it was built with; absent or older, the
//   history is read from the raw rows and rebuilt at the next open.

const statements = [
  `CREATE TABLE churn_history (
    account_id INTEGER PRIMARY KEY,
    data BLOB NOT NULL)`,
  `CREATE TABLE churn_history_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    layout INTEGER NOT NULL,
    built_at TEXT NOT NULL)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
