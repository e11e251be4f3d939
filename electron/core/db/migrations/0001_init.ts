import { sql, type Kysely } from 'kysely';

// The whole data model of PRODUCT.md. Frozen once landed: change the schema in a new migration.
// Conventions: INTEGER ids, money as integer minor units beside a currency code, times as
// ISO-8601 UTC text, dates as YYYY-MM-DD, flags as 0/1, lists as JSON text, soft delete via archived_at.

const stamps = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`;
const channel = (column: string) => `${column} TEXT CHECK (${column} IN ('phone','email','chat','self_service','community','in_person','webinar'))`;
const activity = (column: string) =>
  `${column} TEXT NOT NULL CHECK (${column} IN ('reference_call','case_study','press_quote','analyst_briefing','site_visit','speaking','peer_review','logo_use'))`;
const flag = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;
const jsonList = (column: string) => `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}))`;

const statements = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value)), updated_at TEXT NOT NULL)`,

  `CREATE TABLE personas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description TEXT,
    channel_preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(channel_preferences)),
    archived_at TEXT, ${stamps})`,

  `CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    external_id TEXT UNIQUE,
    industry TEXT,
    segment TEXT NOT NULL DEFAULT 'smb' CHECK (length(trim(segment)) > 0),
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
    ${jsonList('tags')},
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX accounts_segment ON accounts (segment, name)`,
  `CREATE INDEX accounts_owner ON accounts (owner, name)`,
  `CREATE INDEX accounts_lifecycle_stage ON accounts (lifecycle_stage, name)`,
  `CREATE INDEX accounts_name ON accounts (name)`,
  `CREATE INDEX accounts_renewal_date ON accounts (renewal_date)`,
  `CREATE INDEX accounts_arr ON accounts (arr_minor)`,

  `CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    persona_id INTEGER REFERENCES personas (id) ON DELETE SET NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title TEXT,
    email TEXT,
    ${flag('is_champion')},
    ${flag('is_executive_sponsor')},
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX contacts_account ON contacts (account_id)`,
  `CREATE INDEX contacts_persona ON contacts (persona_id)`,

  `CREATE TABLE journey_maps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    persona_id INTEGER REFERENCES personas (id) ON DELETE SET NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE TABLE journey_stages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    journey_map_id INTEGER NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT, ${stamps})`,
  `CREATE INDEX journey_stages_map ON journey_stages (journey_map_id, position)`,
  `CREATE TABLE journey_touchpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    journey_stage_id INTEGER NOT NULL REFERENCES journey_stages (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    ${channel('channel')},
    owner_team TEXT,
    lane TEXT NOT NULL DEFAULT 'front' CHECK (lane IN ('front','back')),
    ${flag('is_moment_of_truth')},
    ideal_experience TEXT,
    target_metric TEXT,
    target_operator TEXT CHECK (target_operator IN ('>=','<=')),
    target_value REAL,
    match_rule TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(match_rule)), ${stamps})`,
  `CREATE INDEX journey_touchpoints_stage ON journey_touchpoints (journey_stage_id, position)`,

  `CREATE TABLE touchpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    journey_touchpoint_id INTEGER REFERENCES journey_touchpoints (id) ON DELETE SET NULL,
    occurred_at TEXT NOT NULL,
    ${channel('channel')} NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('onboarding','implementation','training','support','qbr','renewal','marketing','social')),
    sentiment INTEGER CHECK (sentiment BETWEEN -2 AND 2),
    notes TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX touchpoints_account_time ON touchpoints (account_id, occurred_at)`,
  `CREATE INDEX touchpoints_time ON touchpoints (occurred_at)`,

  `CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    external_id TEXT UNIQUE,
    subject TEXT,
    opened_at TEXT NOT NULL,
    first_response_at TEXT CHECK (first_response_at >= opened_at),
    resolved_at TEXT CHECK (resolved_at >= opened_at),
    ${channel('channel')} NOT NULL,
    priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
    topic TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','solved','closed')),
    csat INTEGER CHECK (csat BETWEEN 1 AND 5),
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX tickets_account_time ON tickets (account_id, opened_at)`,
  `CREATE INDEX tickets_time ON tickets (opened_at)`,
  `CREATE INDEX tickets_status ON tickets (status, opened_at)`,

  `CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    touchpoint_id INTEGER REFERENCES touchpoints (id) ON DELETE SET NULL,
    ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
    responded_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('nps','csat','nsat','ces','repurchase')),
    score INTEGER,
    non_answer TEXT CHECK (non_answer IN ('dont_know','not_applicable')),
    comment TEXT,
    archived_at TEXT, ${stamps},
    -- A score on the kind's own scale, or (NSAT only) an explicit non-answer instead of one.
    CHECK ((score IS NULL) <> (non_answer IS NULL)),
    CHECK (non_answer IS NULL OR kind = 'nsat'),
    CHECK (score IS NULL
      OR (kind IN ('nps','repurchase') AND score BETWEEN 0 AND 10)
      OR (kind = 'csat' AND score BETWEEN 1 AND 5)
      OR (kind = 'nsat' AND score BETWEEN 1 AND 4)
      OR (kind = 'ces' AND score BETWEEN 1 AND 7)))`,
  `CREATE INDEX survey_responses_account_time ON survey_responses (account_id, responded_at)`,
  `CREATE INDEX survey_responses_kind_time ON survey_responses (kind, responded_at)`,

  `CREATE TABLE deployments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    product TEXT NOT NULL CHECK (length(trim(product)) > 0),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','live','stalled','cancelled')),
    started_at TEXT,
    planned_go_live TEXT,
    actual_go_live TEXT,
    licences_purchased INTEGER CHECK (licences_purchased >= 0),
    licences_used INTEGER CHECK (licences_used >= 0),
    notes TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX deployments_account ON deployments (account_id)`,

  `CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    deployment_id INTEGER REFERENCES deployments (id) ON DELETE SET NULL,
    metric TEXT NOT NULL CHECK (length(trim(metric)) > 0),
    baseline REAL,
    achieved REAL,
    unit TEXT,
    period_start TEXT,
    period_end TEXT,
    method TEXT,
    verified_by TEXT,
    verified_at TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX outcomes_account ON outcomes (account_id)`,

  `CREATE TABLE deals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    prospect TEXT NOT NULL CHECK (length(trim(prospect)) > 0),
    industry TEXT,
    segment TEXT,
    region TEXT,
    employee_count INTEGER CHECK (employee_count >= 0),
    ${jsonList('products')},
    use_case TEXT,
    competitor TEXT,
    amount_minor INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
    stage TEXT NOT NULL DEFAULT 'qualify'
      CHECK (stage IN ('qualify','discover','propose','negotiate','closed_won','closed_lost')),
    owner TEXT,
    opened_at TEXT NOT NULL,
    closed_at TEXT CHECK (closed_at >= opened_at),
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX deals_stage ON deals (stage, opened_at)`,
  `CREATE INDEX deals_account ON deals (account_id)`,

  `CREATE TABLE "references" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    stage TEXT NOT NULL DEFAULT 'candidate'
      CHECK (stage IN ('candidate','nominated','recruited','active','resting','retired','declined')),
    usage_limit_per_quarter INTEGER CHECK (usage_limit_per_quarter >= 0),
    notes TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX references_account ON "references" (account_id)`,
  `CREATE INDEX references_stage ON "references" (stage)`,
  `CREATE TABLE reference_stage_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference_id INTEGER NOT NULL REFERENCES "references" (id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    reason TEXT)`,
  `CREATE INDEX reference_stage_changes_reference ON reference_stage_changes (reference_id, changed_at)`,
  // The consent ledger: one row per contact and activity grant; rules are JSON so gates can evaluate them.
  `CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    ${activity('activity')},
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    expires_at TEXT,
    restrictions TEXT,
    ${jsonList('rules')},
    revoked_at TEXT, ${stamps})`,
  `CREATE INDEX consents_contact ON consents (contact_id, activity)`,
  `CREATE TABLE reference_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference_id INTEGER NOT NULL REFERENCES "references" (id) ON DELETE CASCADE,
    deal_id INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    requester TEXT NOT NULL,
    ${activity('activity')},
    requested_at TEXT NOT NULL,
    needed_by TEXT,
    status TEXT NOT NULL DEFAULT 'requested'
      CHECK (status IN ('requested','approved','scheduled','completed','declined','cancelled')),
    scheduled_for TEXT,
    completed_at TEXT,
    happened INTEGER CHECK (happened IN (0, 1)),
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    feedback TEXT, ${stamps})`,
  `CREATE INDEX reference_requests_reference ON reference_requests (reference_id, requested_at)`,
  `CREATE INDEX reference_requests_deal ON reference_requests (deal_id)`,

  `CREATE TABLE success_stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    stage TEXT NOT NULL DEFAULT 'idea'
      CHECK (stage IN ('idea','drafting','customer_review','approved','published','retired')),
    industry TEXT,
    challenge TEXT,
    solution TEXT,
    ${jsonList('quotes')},
    ${jsonList('products')},
    published_at TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX success_stories_account ON success_stories (account_id)`,
  `CREATE TABLE story_outcomes (
    story_id INTEGER NOT NULL REFERENCES success_stories (id) ON DELETE CASCADE,
    outcome_id INTEGER NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, outcome_id))`,
  `CREATE TABLE story_approvals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id INTEGER NOT NULL REFERENCES success_stories (id) ON DELETE CASCADE,
    approver TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('customer','legal','marketing','account_owner')),
    approved_at TEXT NOT NULL,
    note TEXT)`,
  `CREATE INDEX story_approvals_story ON story_approvals (story_id)`,

  // Assessment templates keep their framework (dimensions, items, scale, stage rules) as one JSON
  // document: it is versioned and locked as a whole, never queried piecemeal.
  `CREATE TABLE assessment_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    framework TEXT NOT NULL CHECK (json_valid(framework)),
    locked_at TEXT,
    archived_at TEXT, ${stamps},
    UNIQUE (name, version))`,
  `CREATE TABLE assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    template_id INTEGER NOT NULL REFERENCES assessment_templates (id),
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    client_name TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    assessor TEXT NOT NULL,
    scope TEXT,
    executive_summary TEXT,
    archived_at TEXT, ${stamps})`,
  `CREATE INDEX assessments_template ON assessments (template_id)`,
  `CREATE TABLE assessment_respondents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT,
    function TEXT, ${stamps})`,
  `CREATE INDEX assessment_respondents_assessment ON assessment_respondents (assessment_id)`,
  `CREATE TABLE assessment_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    respondent_id INTEGER NOT NULL REFERENCES assessment_respondents (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    level REAL,
    non_answer TEXT CHECK (non_answer IN ('dont_know','not_applicable')),
    evidence TEXT,
    ${jsonList('links')}, ${stamps},
    CHECK ((level IS NULL) <> (non_answer IS NULL)),
    UNIQUE (respondent_id, item_key))`,
  `CREATE INDEX assessment_answers_assessment ON assessment_answers (assessment_id)`,
  `CREATE TABLE assessment_targets (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    level REAL NOT NULL,
    PRIMARY KEY (assessment_id, item_key))`,
  `CREATE TABLE assessment_recommendations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    dimension_key TEXT,
    item_key TEXT,
    action TEXT NOT NULL,
    owner TEXT,
    horizon TEXT,
    expected_effect TEXT, ${stamps})`,
  `CREATE INDEX assessment_recommendations_assessment ON assessment_recommendations (assessment_id, position)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
