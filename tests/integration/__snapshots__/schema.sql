-- user_version 17

-- table accounts on accounts
CREATE TABLE "accounts" (
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
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index accounts_arr on accounts
CREATE INDEX accounts_arr ON accounts (arr_minor);

-- index accounts_lifecycle_stage on accounts
CREATE INDEX accounts_lifecycle_stage ON accounts (lifecycle_stage, name);

-- index accounts_name on accounts
CREATE INDEX accounts_name ON accounts (name);

-- index accounts_owner on accounts
CREATE INDEX accounts_owner ON accounts (owner, name);

-- index accounts_renewal_date on accounts
CREATE INDEX accounts_renewal_date ON accounts (renewal_date);

-- index accounts_segment on accounts
CREATE INDEX accounts_segment ON accounts (segment, name);

-- table arr_changes on arr_changes
CREATE TABLE arr_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    changed_on TEXT NOT NULL,
    arr_minor INTEGER NOT NULL CHECK (arr_minor >= 0),
    kind TEXT NOT NULL CHECK (kind IN ('new','expansion','contraction','churn','reactivation')),
    created_at TEXT NOT NULL);

-- index arr_changes_account_time on arr_changes
CREATE INDEX arr_changes_account_time ON arr_changes (account_id, changed_on);

-- table assessment_answers on assessment_answers
CREATE TABLE assessment_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    respondent_id INTEGER NOT NULL REFERENCES assessment_respondents (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    level REAL,
    non_answer TEXT CHECK (non_answer IN ('dont_know','not_applicable')),
    evidence TEXT,
    links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)), created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    CHECK ((level IS NULL) <> (non_answer IS NULL)),
    UNIQUE (respondent_id, item_key));

-- index assessment_answers_assessment on assessment_answers
CREATE INDEX assessment_answers_assessment ON assessment_answers (assessment_id);

-- table assessment_recommendations on assessment_recommendations
CREATE TABLE assessment_recommendations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    dimension_key TEXT,
    item_key TEXT,
    action TEXT NOT NULL,
    owner TEXT,
    horizon TEXT,
    expected_effect TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index assessment_recommendations_assessment on assessment_recommendations
CREATE INDEX assessment_recommendations_assessment ON assessment_recommendations (assessment_id, position);

-- table assessment_respondents on assessment_respondents
CREATE TABLE assessment_respondents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT,
    function TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index assessment_respondents_assessment on assessment_respondents
CREATE INDEX assessment_respondents_assessment ON assessment_respondents (assessment_id);

-- table assessment_targets on assessment_targets
CREATE TABLE assessment_targets (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    level REAL NOT NULL,
    PRIMARY KEY (assessment_id, item_key));

-- table assessment_templates on assessment_templates
CREATE TABLE assessment_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    framework TEXT NOT NULL CHECK (json_valid(framework)),
    locked_at TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (name, version));

-- table assessments on assessments
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    template_id INTEGER NOT NULL REFERENCES assessment_templates (id),
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    client_name TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    assessor TEXT NOT NULL,
    scope TEXT,
    executive_summary TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index assessments_template on assessments
CREATE INDEX assessments_template ON assessments (template_id);

-- table calls_to_action on calls_to_action
CREATE TABLE calls_to_action (
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
    CHECK ((status = 'open') = (outcome IS NULL)));

-- index calls_to_action_account on calls_to_action
CREATE INDEX calls_to_action_account ON calls_to_action (account_id, status);

-- index calls_to_action_status on calls_to_action
CREATE INDEX calls_to_action_status ON calls_to_action (status, opened_at);

-- table churn_history on churn_history
CREATE TABLE churn_history (
    account_id INTEGER PRIMARY KEY,
    data BLOB NOT NULL);

-- table churn_history_state on churn_history_state
CREATE TABLE churn_history_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    layout INTEGER NOT NULL,
    built_at TEXT NOT NULL);

-- table churn_models on churn_models
CREATE TABLE churn_models (
    id INTEGER PRIMARY KEY,
    version TEXT NOT NULL UNIQUE,
    trained_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    spec TEXT NOT NULL,
    backtest TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)));

-- table churn_predictions on churn_predictions
CREATE TABLE churn_predictions (
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES churn_models (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    as_of TEXT NOT NULL,
    probability REAL NOT NULL CHECK (probability >= 0 AND probability <= 1),
    contributions TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)));

-- index churn_predictions_account on churn_predictions
CREATE INDEX churn_predictions_account ON churn_predictions (account_id, current);

-- index churn_predictions_model on churn_predictions
CREATE INDEX churn_predictions_model ON churn_predictions (model_id);

-- table consents on consents
CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    activity TEXT NOT NULL CHECK (activity IN ('reference_call','case_study','press_quote','analyst_briefing','site_visit','speaking','peer_review','logo_use')),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    expires_at TEXT,
    restrictions TEXT,
    rules TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rules)),
    revoked_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index consents_contact on consents
CREATE INDEX consents_contact ON consents (contact_id, activity);

-- table contacts on contacts
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    persona_id INTEGER REFERENCES personas (id) ON DELETE SET NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title TEXT,
    email TEXT,
    is_champion INTEGER NOT NULL DEFAULT 0 CHECK (is_champion IN (0, 1)),
    is_executive_sponsor INTEGER NOT NULL DEFAULT 0 CHECK (is_executive_sponsor IN (0, 1)),
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index contacts_account on contacts
CREATE INDEX contacts_account ON contacts (account_id);

-- index contacts_persona on contacts
CREATE INDEX contacts_persona ON contacts (persona_id);

-- table custom_field_values on custom_field_values
CREATE TABLE custom_field_values (
    field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    number REAL,
    PRIMARY KEY (field_id, record_id)) WITHOUT ROWID;

-- index custom_field_values_number on custom_field_values
CREATE INDEX custom_field_values_number ON custom_field_values (field_id, number) WHERE number IS NOT NULL;

-- index custom_field_values_record on custom_field_values
CREATE INDEX custom_field_values_record ON custom_field_values (record_id, field_id);

-- index custom_field_values_text on custom_field_values
CREATE INDEX custom_field_values_text ON custom_field_values (field_id, value COLLATE NOCASE);

-- table custom_fields on custom_fields
CREATE TABLE custom_fields (
    id INTEGER PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('accounts','contacts','tickets','purchases')),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    type TEXT NOT NULL CHECK (type IN ('text','number','bool','date','choice')),
    choices TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (record_kind, name));

-- table deals on deals
CREATE TABLE deals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    prospect TEXT NOT NULL CHECK (length(trim(prospect)) > 0),
    industry TEXT,
    segment TEXT,
    region TEXT,
    employee_count INTEGER CHECK (employee_count >= 0),
    products TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(products)),
    use_case TEXT,
    competitor TEXT,
    amount_minor INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
    stage TEXT NOT NULL DEFAULT 'qualify'
      CHECK (stage IN ('qualify','discover','propose','negotiate','closed_won','closed_lost')),
    owner TEXT,
    opened_at TEXT NOT NULL,
    closed_at TEXT CHECK (closed_at >= opened_at),
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index deals_account on deals
CREATE INDEX deals_account ON deals (account_id);

-- index deals_stage on deals
CREATE INDEX deals_stage ON deals (stage, opened_at);

-- table deployments on deployments
CREATE TABLE deployments (
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
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index deployments_account on deployments
CREATE INDEX deployments_account ON deployments (account_id);

-- table erasures on erasures
CREATE TABLE erasures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER,
    gid TEXT,
    source TEXT NOT NULL CHECK (source IN ('here','team')),
    erased_at TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    scrubbed INTEGER NOT NULL DEFAULT 0,
    hub_state TEXT CHECK (hub_state IN ('pending','sent','refused')),
    hub_note TEXT,
    hub_at TEXT,
    vacuumed_at TEXT);

-- index erasures_gid on erasures
CREATE INDEX erasures_gid ON erasures (gid);

-- table feedback_items on feedback_items
CREATE TABLE feedback_items (
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
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index feedback_items_account on feedback_items
CREATE INDEX feedback_items_account ON feedback_items (account_id);

-- index feedback_items_request on feedback_items
CREATE INDEX feedback_items_request ON feedback_items (request_id);

-- table feedback_requests on feedback_requests
CREATE TABLE feedback_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT,
    product TEXT,
    feature TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','planned','shipped','declined')),
    shipped_at TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index feedback_requests_status on feedback_requests
CREATE INDEX feedback_requests_status ON feedback_requests (status);

-- table goals on goals
CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kpi TEXT NOT NULL CHECK (kpi IN ('nps','csat','nsat','first_response_median','renewal_rate','nrr','grr','logo_churn')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (period_end > period_start),
    segment TEXT,
    owner TEXT,
    target REAL NOT NULL,
    note TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index goals_period on goals
CREATE INDEX goals_period ON goals (period_start, period_end);

-- table health_snapshots on health_snapshots
CREATE TABLE health_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL,
    model_version TEXT NOT NULL,
    score REAL CHECK (score BETWEEN 0 AND 100),
    band TEXT NOT NULL CHECK (band IN ('red','amber','green','insufficient')),
    coverage_pct REAL NOT NULL,
    components TEXT NOT NULL CHECK (json_valid(components)),
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)));

-- index health_snapshots_account_time on health_snapshots
CREATE INDEX health_snapshots_account_time ON health_snapshots (account_id, taken_at);

-- index health_snapshots_current on health_snapshots
CREATE UNIQUE INDEX health_snapshots_current ON health_snapshots (account_id) WHERE current = 1;

-- table journey_links on journey_links
CREATE TABLE journey_links (
    journey_touchpoint_id INTEGER NOT NULL REFERENCES journey_touchpoints (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('tickets','surveyResponses')),
    record_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source, record_id));

-- index journey_links_touchpoint on journey_links
CREATE INDEX journey_links_touchpoint ON journey_links (journey_touchpoint_id);

-- table journey_maps on journey_maps
CREATE TABLE journey_maps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    persona_id INTEGER REFERENCES personas (id) ON DELETE SET NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- table journey_stages on journey_stages
CREATE TABLE journey_stages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    journey_map_id INTEGER NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index journey_stages_map on journey_stages
CREATE INDEX journey_stages_map ON journey_stages (journey_map_id, position);

-- table journey_touchpoints on journey_touchpoints
CREATE TABLE journey_touchpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    journey_stage_id INTEGER NOT NULL REFERENCES journey_stages (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    channel TEXT CHECK (channel IN ('phone','email','chat','self_service','community','in_person','webinar')),
    owner_team TEXT,
    lane TEXT NOT NULL DEFAULT 'front' CHECK (lane IN ('front','back')),
    is_moment_of_truth INTEGER NOT NULL DEFAULT 0 CHECK (is_moment_of_truth IN (0, 1)),
    ideal_experience TEXT,
    target_metric TEXT,
    target_operator TEXT CHECK (target_operator IN ('>=','<=')),
    target_value REAL,
    match_rule TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(match_rule)), created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index journey_touchpoints_stage on journey_touchpoints
CREATE INDEX journey_touchpoints_stage ON journey_touchpoints (journey_stage_id, position);

-- table outcomes on outcomes
CREATE TABLE outcomes (
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
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index outcomes_account on outcomes
CREATE INDEX outcomes_account ON outcomes (account_id);

-- table personas on personas
CREATE TABLE personas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description TEXT,
    channel_preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(channel_preferences)),
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- table plan_milestones on plan_milestones
CREATE TABLE plan_milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES success_plans (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    due_date TEXT,
    done_at TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index plan_milestones_plan on plan_milestones
CREATE INDEX plan_milestones_plan ON plan_milestones (plan_id);

-- table plan_objectives on plan_objectives
CREATE TABLE plan_objectives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES success_plans (id) ON DELETE CASCADE,
    outcome_id INTEGER REFERENCES outcomes (id) ON DELETE SET NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    baseline REAL,
    target REAL NOT NULL,
    current REAL,
    unit TEXT,
    due_date TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index plan_objectives_outcome on plan_objectives
CREATE INDEX plan_objectives_outcome ON plan_objectives (outcome_id);

-- index plan_objectives_plan on plan_objectives
CREATE INDEX plan_objectives_plan ON plan_objectives (plan_id);

-- table playbooks on playbooks
CREATE TABLE playbooks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT,
    opens_on TEXT UNIQUE,
    steps TEXT NOT NULL DEFAULT '[]',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);

-- table purchases on purchases
CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    external_id TEXT UNIQUE,
    purchased_on TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);

-- index purchases_account on purchases
CREATE INDEX purchases_account ON purchases (account_id, purchased_on);

-- table reference_requests on reference_requests
CREATE TABLE reference_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference_id INTEGER NOT NULL REFERENCES "references" (id) ON DELETE CASCADE,
    deal_id INTEGER REFERENCES deals (id) ON DELETE SET NULL,
    requester TEXT NOT NULL,
    activity TEXT NOT NULL CHECK (activity IN ('reference_call','case_study','press_quote','analyst_briefing','site_visit','speaking','peer_review','logo_use')),
    requested_at TEXT NOT NULL,
    needed_by TEXT,
    status TEXT NOT NULL DEFAULT 'requested'
      CHECK (status IN ('requested','approved','scheduled','completed','declined','cancelled')),
    scheduled_for TEXT,
    completed_at TEXT,
    happened INTEGER CHECK (happened IN (0, 1)),
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    feedback TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, approved_by TEXT, approved_at TEXT, reference_said TEXT, closed_reason TEXT, closed_at TEXT);

-- index reference_requests_deal on reference_requests
CREATE INDEX reference_requests_deal ON reference_requests (deal_id);

-- index reference_requests_reference on reference_requests
CREATE INDEX reference_requests_reference ON reference_requests (reference_id, requested_at);

-- index reference_requests_status on reference_requests
CREATE INDEX reference_requests_status ON reference_requests (status, requested_at);

-- table reference_stage_changes on reference_stage_changes
CREATE TABLE reference_stage_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference_id INTEGER NOT NULL REFERENCES "references" (id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    reason TEXT);

-- index reference_stage_changes_reference on reference_stage_changes
CREATE INDEX reference_stage_changes_reference ON reference_stage_changes (reference_id, changed_at);

-- table references on references
CREATE TABLE "references" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    stage TEXT NOT NULL DEFAULT 'candidate'
      CHECK (stage IN ('candidate','nominated','recruited','active','resting','retired','declined')),
    usage_limit_per_quarter INTEGER CHECK (usage_limit_per_quarter >= 0),
    notes TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index references_account on references
CREATE INDEX references_account ON "references" (account_id);

-- index references_stage on references
CREATE INDEX references_stage ON "references" (stage);

-- table rollup_account_keys on rollup_account_keys
CREATE TABLE rollup_account_keys (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    segment TEXT NOT NULL,
    industry TEXT,
    region TEXT,
    owner TEXT,
    lifecycle_stage TEXT, start_month INTEGER, churn_month INTEGER);

-- table rollup_account_month on rollup_account_month
CREATE TABLE rollup_account_month (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (account_id, month)) WITHOUT ROWID;

-- table rollup_cohort_cell on rollup_cohort_cell
CREATE TABLE rollup_cohort_cell (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    segment TEXT NOT NULL,
    start_month INTEGER NOT NULL,
    churn_month INTEGER NOT NULL,
    accounts INTEGER NOT NULL,
    PRIMARY KEY (dimension, value, segment, start_month, churn_month)) WITHOUT ROWID;

-- table rollup_dimension_month on rollup_dimension_month
CREATE TABLE rollup_dimension_month (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    segment TEXT NOT NULL,
    month INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (dimension, value, segment, month)) WITHOUT ROWID;

-- table rollup_facets on rollup_facets
CREATE TABLE rollup_facets (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    accounts INTEGER NOT NULL,
    PRIMARY KEY (dimension, value)) WITHOUT ROWID;

-- table rollup_segment_month on rollup_segment_month
CREATE TABLE rollup_segment_month (
    segment TEXT NOT NULL,
    month INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (segment, month)) WITHOUT ROWID;

-- table rollup_state on rollup_state
CREATE TABLE rollup_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    layout INTEGER NOT NULL,
    clock TEXT NOT NULL,
    built_at TEXT NOT NULL);

-- table rollup_topics on rollup_topics
CREATE TABLE rollup_topics (id INTEGER PRIMARY KEY, topic TEXT NOT NULL UNIQUE);

-- table settings on settings
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value)), updated_at TEXT NOT NULL);

-- index sqlite_autoindex_accounts_1 on accounts
-- (created by SQLite);

-- index sqlite_autoindex_assessment_answers_1 on assessment_answers
-- (created by SQLite);

-- index sqlite_autoindex_assessment_targets_1 on assessment_targets
-- (created by SQLite);

-- index sqlite_autoindex_assessment_templates_1 on assessment_templates
-- (created by SQLite);

-- index sqlite_autoindex_calls_to_action_1 on calls_to_action
-- (created by SQLite);

-- index sqlite_autoindex_churn_models_1 on churn_models
-- (created by SQLite);

-- index sqlite_autoindex_custom_fields_1 on custom_fields
-- (created by SQLite);

-- index sqlite_autoindex_journey_links_1 on journey_links
-- (created by SQLite);

-- index sqlite_autoindex_personas_1 on personas
-- (created by SQLite);

-- index sqlite_autoindex_playbooks_1 on playbooks
-- (created by SQLite);

-- index sqlite_autoindex_playbooks_2 on playbooks
-- (created by SQLite);

-- index sqlite_autoindex_purchases_1 on purchases
-- (created by SQLite);

-- index sqlite_autoindex_rollup_topics_1 on rollup_topics
-- (created by SQLite);

-- index sqlite_autoindex_settings_1 on settings
-- (created by SQLite);

-- index sqlite_autoindex_story_outcomes_1 on story_outcomes
-- (created by SQLite);

-- index sqlite_autoindex_team_rows_1 on team_rows
-- (created by SQLite);

-- index sqlite_autoindex_team_state_1 on team_state
-- (created by SQLite);

-- index sqlite_autoindex_tickets_1 on tickets
-- (created by SQLite);

-- table sqlite_sequence on sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table story_approvals on story_approvals
CREATE TABLE story_approvals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id INTEGER NOT NULL REFERENCES success_stories (id) ON DELETE CASCADE,
    approver TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('customer','legal','marketing','account_owner')),
    approved_at TEXT NOT NULL,
    note TEXT);

-- index story_approvals_story on story_approvals
CREATE INDEX story_approvals_story ON story_approvals (story_id);

-- table story_outcomes on story_outcomes
CREATE TABLE story_outcomes (
    story_id INTEGER NOT NULL REFERENCES success_stories (id) ON DELETE CASCADE,
    outcome_id INTEGER NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, outcome_id));

-- table success_plans on success_plans
CREATE TABLE success_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft','active','completed','cancelled')),
    start_date TEXT,
    due_date TEXT,
    notes TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index success_plans_account on success_plans
CREATE INDEX success_plans_account ON success_plans (account_id);

-- table success_stories on success_stories
CREATE TABLE success_stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    stage TEXT NOT NULL DEFAULT 'idea'
      CHECK (stage IN ('idea','drafting','customer_review','approved','published','retired')),
    industry TEXT,
    challenge TEXT,
    solution TEXT,
    quotes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(quotes)),
    products TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(products)),
    published_at TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index success_stories_account on success_stories
CREATE INDEX success_stories_account ON success_stories (account_id);

-- table survey_responses on survey_responses
CREATE TABLE survey_responses (
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
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    -- A score on the kind's own scale, or (NSAT only) an explicit non-answer instead of one.
    CHECK ((score IS NULL) <> (non_answer IS NULL)),
    CHECK (non_answer IS NULL OR kind = 'nsat'),
    CHECK (score IS NULL
      OR (kind IN ('nps','repurchase') AND score BETWEEN 0 AND 10)
      OR (kind = 'csat' AND score BETWEEN 1 AND 5)
      OR (kind = 'nsat' AND score BETWEEN 1 AND 4)
      OR (kind = 'ces' AND score BETWEEN 1 AND 7)));

-- index survey_responses_account_time on survey_responses
CREATE INDEX survey_responses_account_time ON survey_responses (account_id, responded_at);

-- index survey_responses_kind_time on survey_responses
CREATE INDEX survey_responses_kind_time ON survey_responses (kind, responded_at);

-- table tasks on tasks
CREATE TABLE tasks (
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
    updated_at TEXT NOT NULL);

-- index tasks_account on tasks
CREATE INDEX tasks_account ON tasks (account_id, status);

-- index tasks_cta on tasks
CREATE INDEX tasks_cta ON tasks (cta_id);

-- index tasks_owner on tasks
CREATE INDEX tasks_owner ON tasks (lower(trim(owner)), status, due_date);

-- table team_changes on team_changes
CREATE TABLE team_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    gid TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
    fields TEXT,
    hlc INTEGER NOT NULL
  );

-- index team_changes_gid on team_changes
CREATE INDEX team_changes_gid ON team_changes (gid, seq);

-- table team_conflicts on team_conflicts
CREATE TABLE team_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    gid TEXT NOT NULL,
    field TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('superseded','transition','unique','budget','rejected')),
    local_value TEXT,
    remote_value TEXT,
    local_hlc TEXT,
    remote_hlc TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT
  );

-- index team_conflicts_open on team_conflicts
CREATE INDEX team_conflicts_open ON team_conflicts (resolved_at);

-- table team_rows on team_rows
CREATE TABLE team_rows (
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    gid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1,
    clocks TEXT NOT NULL DEFAULT '{}',
    agreed TEXT NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    local_only INTEGER NOT NULL DEFAULT 0 CHECK (local_only IN (0, 1)),
    PRIMARY KEY (tbl, row_key)
  ) WITHOUT ROWID;

-- table team_state on team_state
CREATE TABLE team_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- table tickets on tickets
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    external_id TEXT UNIQUE,
    subject TEXT,
    opened_at TEXT NOT NULL,
    first_response_at TEXT CHECK (first_response_at >= opened_at),
    resolved_at TEXT CHECK (resolved_at >= opened_at),
    channel TEXT CHECK (channel IN ('phone','email','chat','self_service','community','in_person','webinar')) NOT NULL,
    priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
    topic TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','solved','closed')),
    csat INTEGER CHECK (csat BETWEEN 1 AND 5),
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index tickets_account_time on tickets
CREATE INDEX tickets_account_time ON tickets (account_id, opened_at);

-- index tickets_status on tickets
CREATE INDEX tickets_status ON tickets (status, opened_at);

-- index tickets_time on tickets
CREATE INDEX tickets_time ON tickets (opened_at);

-- index tickets_unresolved on tickets
CREATE INDEX tickets_unresolved ON tickets (account_id) WHERE resolved_at IS NULL AND archived_at IS NULL;

-- table touchpoints on touchpoints
CREATE TABLE touchpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    journey_touchpoint_id INTEGER REFERENCES journey_touchpoints (id) ON DELETE SET NULL,
    occurred_at TEXT NOT NULL,
    channel TEXT CHECK (channel IN ('phone','email','chat','self_service','community','in_person','webinar')) NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('onboarding','implementation','training','support','qbr','renewal','marketing','social')),
    sentiment INTEGER CHECK (sentiment BETWEEN -2 AND 2),
    notes TEXT,
    archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- index touchpoints_account_time on touchpoints
CREATE INDEX touchpoints_account_time ON touchpoints (account_id, occurred_at);

-- index touchpoints_journey_touchpoint on touchpoints
CREATE INDEX touchpoints_journey_touchpoint ON touchpoints (journey_touchpoint_id) WHERE journey_touchpoint_id IS NOT NULL;

-- index touchpoints_time on touchpoints
CREATE INDEX touchpoints_time ON touchpoints (occurred_at);
