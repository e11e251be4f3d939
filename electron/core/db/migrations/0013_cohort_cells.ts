import { sql, type Kysely } from 'kysely';

// Issue 14: stored per-cell sums the dashboard reads instead of walking the accounts. Frozen once landed.
// - rollup_cohort_cell: how many counting (not archived) accounts of a cell started in one month and
//   churned in another, per cell: the segment level (dimension '' and value '') and each value of an
//   account-level dimension within a segment, as rollup_dimension_month's cells. Logo churn and
//   retention, the customer count and the cohort curves are sums of these counts over months, exact
//   (whole-month periods compare with dates by their month). churn_month is 2147483647 for an account
//   that has not churned, so "still a customer at month m" is churn_month >= m.
// - rollup_account_keys gains the start and churn month each account is counted under, so a write
//   that changes them (or its keys) moves one count from the old cells to the new ones.
// The layout version went up with them: the core rebuilds the rollups of a workspace built before.

const statements = [
  `CREATE TABLE rollup_cohort_cell (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    segment TEXT NOT NULL,
    start_month INTEGER NOT NULL,
    churn_month INTEGER NOT NULL,
    accounts INTEGER NOT NULL,
    PRIMARY KEY (dimension, value, segment, start_month, churn_month)) WITHOUT ROWID`,
  `ALTER TABLE rollup_account_keys ADD COLUMN start_month INTEGER`,
  `ALTER TABLE rollup_account_keys ADD COLUMN churn_month INTEGER`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
