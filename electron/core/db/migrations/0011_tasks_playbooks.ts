import { sql, type Kysely } from 'kysely';

// Issue 17 (first half): tasks on accounts, playbooks (ordered task templates with relative due
// days) and calls to action opened by rules. A call to action's id is text made from (rule,
// account, cause), so two laptops writing the same workspace never open the same one twice; the
// primary key is what enforces it. Starter playbooks are seeded here so every workspace, new or
// upgraded, has one per rule. Frozen once landed.

const statements = [
  `CREATE TABLE playbooks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT,
    opens_on TEXT UNIQUE,
    steps TEXT NOT NULL DEFAULT '[]',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  `CREATE TABLE calls_to_action (
    id TEXT PRIMARY KEY,
    rule TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    cause TEXT NOT NULL,
    title TEXT NOT NULL,
    fired_by TEXT NOT NULL,
    playbook_id INTEGER REFERENCES playbooks (id) ON DELETE SET NULL,
    owner TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome TEXT CHECK (outcome IN ('saved', 'churned', 'expanded', 'no_action_needed')),
    outcome_note TEXT,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    CHECK ((status = 'open') = (outcome IS NULL)))`,
  `CREATE INDEX calls_to_action_account ON calls_to_action (account_id, status)`,
  `CREATE INDEX calls_to_action_status ON calls_to_action (status, opened_at)`,
  `CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    owner TEXT,
    due_date TEXT,
    priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    notes TEXT,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    touchpoint_id INTEGER REFERENCES touchpoints (id) ON DELETE SET NULL,
    request_id INTEGER REFERENCES reference_requests (id) ON DELETE SET NULL,
    cta_id TEXT REFERENCES calls_to_action (id) ON DELETE SET NULL,
    playbook_step INTEGER,
    completed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  // "My tasks": by owner (case and spaces folded, as accounts' owners are), open ones by due date.
  `CREATE INDEX tasks_owner ON tasks (lower(trim(owner)), status, due_date)`,
  `CREATE INDEX tasks_account ON tasks (account_id, status)`,
  `CREATE INDEX tasks_cta ON tasks (cta_id)`,
];

const step = (day: number, title: string, priority = 'normal') => ({ day, title, priority });

/** One starter playbook per rule: sensible defaults a team edits, not a method. */
const STARTERS = [
  {
    name: 'Health recovery',
    opensOn: 'healthRed',
    description: 'Health entered red: find out why and agree a recovery plan with the customer.',
    steps: [
      step(0, 'Call the champion about what changed', 'high'),
      step(3, 'Send the recovery plan', 'high'),
      step(14, 'Executive check-in'),
      step(30, 'Review health with the account team'),
    ],
  },
  {
    name: 'Detractor follow-up',
    opensOn: 'detractor',
    description: 'A detractor answer (NPS 0-6): close the loop within two days.',
    steps: [step(0, 'Read the answer and the account history'), step(2, 'Call the respondent to close the loop', 'high'), step(10, 'Confirm the fix with the respondent')],
  },
  {
    name: 'Moment of truth recovery',
    opensOn: 'momentOfTruth',
    description: 'A moment of truth fell below its target: fix the experience, then check it held.',
    steps: [step(0, 'Review the records behind the moment of truth'), step(5, 'Agree a fix with the owning team'), step(30, 'Check the moment of truth is back on target')],
  },
  {
    name: 'Renewal outreach',
    opensOn: 'renewalQuiet',
    description: 'Renewal within 90 days and no touchpoint in 30: get back in touch before it is late.',
    steps: [step(0, 'Call the champion', 'high'), step(7, 'Prepare the renewal value review'), step(21, 'Hold the renewal meeting with the sponsor', 'high')],
  },
  {
    name: 'Go-live rescue',
    opensOn: 'goLiveOverdue',
    description: 'A deployment is past its planned go-live: unblock it.',
    steps: [step(0, 'Call the project lead about the blockers', 'high'), step(3, 'Agree a new go-live date'), step(14, 'Confirm the deployment is live')],
  },
  {
    name: 'Reference preparation',
    opensOn: 'referenceApproved',
    description: 'A reference request was approved: prepare the reference so it goes well.',
    steps: [step(0, 'Brief the reference on the prospect'), step(2, 'Schedule the reference call'), step(7, 'Thank the reference and collect feedback', 'low')],
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  const now = new Date().toISOString();
  for (const starter of STARTERS) {
    await sql`INSERT INTO playbooks (name, description, opens_on, steps, created_at, updated_at)
      VALUES (${starter.name}, ${starter.description}, ${starter.opensOn}, ${JSON.stringify(starter.steps)}, ${now}, ${now})`.execute(db);
  }
}
