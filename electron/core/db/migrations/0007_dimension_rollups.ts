import { sql, type Kysely } from 'kysely';

// Issue 14: the dashboard reads rollups, never rows, under every filter. Frozen once landed.
// - rollup_dimension_month: the sum of the rows of the accounts with one value of an account-level
//   dimension (industry, region, owner, lifecycle stage), per segment and month, so a filter on one
//   of them reads values × segments × months rows instead of every matching account's months.
// - rollup_account_keys: what each counting (not archived) account's rows are summed under now;
//   when an account's values change, its rows move from the old cells to the new ones.
// - rollup_facets: how many counting accounts have each value (the accounts table's filter lists),
//   instead of a DISTINCT scan of the accounts table on every page open.
// They start empty: the layout version went up with them, so the core rebuilds the rollups when it
// opens a workspace built before them (metrics/rollups/state.ts).

const statements = [
  `CREATE TABLE rollup_dimension_month (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    segment TEXT NOT NULL,
    month INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (dimension, value, segment, month)) WITHOUT ROWID`,
  `CREATE TABLE rollup_account_keys (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    segment TEXT NOT NULL,
    industry TEXT,
    region TEXT,
    owner TEXT,
    lifecycle_stage TEXT)`,
  `CREATE TABLE rollup_facets (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    accounts INTEGER NOT NULL,
    PRIMARY KEY (dimension, value)) WITHOUT ROWID`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
