import { sql, type Kysely } from 'kysely';

// Issue 17, second half: success plans (objectives with measurable targets, optionally tied to an
// outcome, and milestones), goals per KPI and period, and product feedback merged into requests.
// Frozen once landed.

const stamps = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;

const statements = [
  `CREATE TABLE success_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft','active','completed','cancelled')),
    start_date TEXT,
    due_date TEXT,
    notes TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX success_plans_account ON success_plans (account_id)`,

  // A target is measurable: a number to reach from a baseline. Its current value is the linked
  // outcome's achieved figure when there is one, otherwise what the CSM last entered.
  `CREATE TABLE plan_objectives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES success_plans (id) ON DELETE CASCADE,
    outcome_id INTEGER REFERENCES outcomes (id) ON DELETE SET NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    baseline REAL,
    target REAL NOT NULL,
    current REAL,
    unit TEXT,
    due_date TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX plan_objectives_plan ON plan_objectives (plan_id)`,
  `CREATE INDEX plan_objectives_outcome ON plan_objectives (outcome_id)`,

  `CREATE TABLE plan_milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES success_plans (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    due_date TEXT,
    done_at TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX plan_milestones_plan ON plan_milestones (plan_id)`,

  `CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kpi TEXT NOT NULL CHECK (kpi IN ('nps','csat','nsat','first_response_median','renewal_rate','nrr','grr','logo_churn')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (period_end > period_start),
    segment TEXT,
    owner TEXT,
    target REAL NOT NULL,
    note TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX goals_period ON goals (period_start, period_end)`,

  `CREATE TABLE feedback_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT,
    product TEXT,
    feature TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','planned','shipped','declined')),
    shipped_at TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX feedback_requests_status ON feedback_requests (status)`,

  // One item per thing a customer said; its source row (ticket, answer, touchpoint) when captured
  // from one, so the same words are traceable and satisfaction can be read per product or feature.
  `CREATE TABLE feedback_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    request_id INTEGER REFERENCES feedback_requests (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('feature_request','problem','praise')),
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('ticket','survey','touchpoint','manual')),
    ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
    survey_response_id INTEGER REFERENCES survey_responses (id) ON DELETE SET NULL,
    touchpoint_id INTEGER REFERENCES touchpoints (id) ON DELETE SET NULL,
    product TEXT,
    feature TEXT,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    captured_at TEXT NOT NULL,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX feedback_items_account ON feedback_items (account_id)`,
  `CREATE INDEX feedback_items_request ON feedback_items (request_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
