import { sql, type Kysely } from 'kysely';

// Issue 16. Churn models trained on the workspace's own history, versioned like the health model:
// a model row keeps everything needed to score again (features, scaling, coefficients) and its
// backtest; a prediction names the model that made it, and one per account is current. Frozen once landed.

const statements = [
  `CREATE TABLE churn_models (
    id INTEGER PRIMARY KEY,
    version TEXT NOT NULL UNIQUE,
    trained_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    spec TEXT NOT NULL,
    backtest TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)))`,
  `CREATE TABLE churn_predictions (
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES churn_models (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    as_of TEXT NOT NULL,
    probability REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
    contributions TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)))`,
  `CREATE INDEX churn_predictions_account ON churn_predictions (account_id, current)`,
  `CREATE INDEX churn_predictions_model ON churn_predictions (model_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
