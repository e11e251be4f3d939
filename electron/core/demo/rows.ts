// The rows the generator writes, as labelled tuples in column order. Tuples rather than objects
// because the writer binds them positionally to multi-row INSERTs (millions of rows: no per-row
// key lookups); the labels and COLUMNS below sit side by side so the order is checked in one place.

type N = number | null;
type S = string | null;

export type SettingRow = [key: string, value: string, updatedAt: string];
export type PersonaRow = [id: number, name: string, description: string, channelPreferences: string, createdAt: string, updatedAt: string];
export type AccountRow = [
  id: number,
  name: string,
  externalId: string,
  industry: string,
  segment: string,
  region: string,
  employeeCount: number,
  arrMinor: number,
  currency: string,
  grossMarginPct: number,
  owner: string,
  lifecycleStage: string,
  contractStart: string,
  renewalDate: string,
  churnedAt: S,
  churnReason: S,
  tags: string,
  createdAt: string,
  updatedAt: string,
];
export type ContactRow = [
  id: number,
  accountId: number,
  personaId: number,
  name: string,
  title: string,
  email: string,
  isChampion: 0 | 1,
  isExecutiveSponsor: 0 | 1,
  createdAt: string,
  updatedAt: string,
];
export type JourneyMapRow = [id: number, personaId: number, name: string, description: string, createdAt: string, updatedAt: string];
export type JourneyStageRow = [id: number, journeyMapId: number, position: number, name: string, description: string, createdAt: string, updatedAt: string];
export type JourneyTouchpointRow = [
  id: number,
  journeyStageId: number,
  position: number,
  name: string,
  channel: string,
  ownerTeam: string,
  lane: string,
  isMomentOfTruth: 0 | 1,
  idealExperience: string,
  targetMetric: S,
  targetOperator: S,
  targetValue: N,
  matchRule: string,
  createdAt: string,
  updatedAt: string,
];
export type TouchpointRow = [
  id: number,
  accountId: number,
  contactId: N,
  journeyTouchpointId: N,
  occurredAt: string,
  channel: string,
  kind: string,
  sentiment: number,
  notes: string,
  createdAt: string,
  updatedAt: string,
];
export type TicketRow = [
  id: number,
  accountId: number,
  contactId: N,
  externalId: string,
  subject: string,
  openedAt: string,
  firstResponseAt: S,
  resolvedAt: S,
  channel: string,
  priority: string,
  topic: string,
  status: string,
  csat: N,
  createdAt: string,
  updatedAt: string,
];
export type SurveyRow = [
  id: number,
  accountId: number,
  contactId: N,
  touchpointId: N,
  ticketId: N,
  respondedAt: string,
  kind: string,
  score: N,
  nonAnswer: S,
  comment: S,
  createdAt: string,
  updatedAt: string,
];
export type DeploymentRow = [
  id: number,
  accountId: number,
  product: string,
  status: string,
  startedAt: S,
  plannedGoLive: S,
  actualGoLive: S,
  licencesPurchased: number,
  licencesUsed: number,
  notes: S,
  createdAt: string,
  updatedAt: string,
];
export type OutcomeRow = [
  id: number,
  accountId: number,
  deploymentId: number,
  metric: string,
  baseline: number,
  achieved: number,
  unit: string,
  periodStart: string,
  periodEnd: string,
  method: string,
  verifiedBy: S,
  verifiedAt: S,
  createdAt: string,
  updatedAt: string,
];
export type DealRow = [
  id: number,
  accountId: N,
  prospect: string,
  industry: string,
  segment: string,
  region: string,
  employeeCount: number,
  products: string,
  useCase: string,
  competitor: S,
  amountMinor: number,
  currency: string,
  stage: string,
  owner: string,
  openedAt: string,
  closedAt: S,
  createdAt: string,
  updatedAt: string,
];
export type ReferenceRow = [id: number, accountId: number, contactId: N, stage: string, usageLimitPerQuarter: number, notes: S, createdAt: string, updatedAt: string];
export type ReferenceStageChangeRow = [id: number, referenceId: number, fromStage: S, toStage: string, changedBy: string, changedAt: string, reason: S];
export type ConsentRow = [
  id: number,
  contactId: number,
  activity: string,
  grantedAt: string,
  grantedBy: string,
  expiresAt: S,
  restrictions: S,
  rules: string,
  revokedAt: S,
  createdAt: string,
  updatedAt: string,
];
export type ReferenceRequestRow = [
  id: number,
  referenceId: number,
  dealId: N,
  requester: string,
  activity: string,
  requestedAt: string,
  neededBy: S,
  status: string,
  scheduledFor: S,
  completedAt: S,
  happened: N,
  rating: N,
  feedback: S,
  createdAt: string,
  updatedAt: string,
  approvedBy: S,
  approvedAt: S,
  referenceSaid: S,
  closedReason: S,
  closedAt: S,
];
export type StoryRow = [
  id: number,
  accountId: number,
  title: string,
  stage: string,
  industry: string,
  challenge: string,
  solution: string,
  quotes: string,
  products: string,
  publishedAt: S,
  createdAt: string,
  updatedAt: string,
];
export type StoryOutcomeRow = [storyId: number, outcomeId: number];
export type StoryApprovalRow = [id: number, storyId: number, approver: string, role: string, approvedAt: string, note: S];
export type ArrChangeRow = [id: number, accountId: number, changedOn: string, arrMinor: number, kind: string, createdAt: string];

export interface Rows {
  settings: SettingRow;
  personas: PersonaRow;
  accounts: AccountRow;
  contacts: ContactRow;
  journey_maps: JourneyMapRow;
  journey_stages: JourneyStageRow;
  journey_touchpoints: JourneyTouchpointRow;
  touchpoints: TouchpointRow;
  tickets: TicketRow;
  survey_responses: SurveyRow;
  deployments: DeploymentRow;
  outcomes: OutcomeRow;
  deals: DealRow;
  references: ReferenceRow;
  reference_stage_changes: ReferenceStageChangeRow;
  consents: ConsentRow;
  reference_requests: ReferenceRequestRow;
  success_stories: StoryRow;
  story_outcomes: StoryOutcomeRow;
  story_approvals: StoryApprovalRow;
  arr_changes: ArrChangeRow;
}
export type TableName = keyof Rows;

const stamps = ['created_at', 'updated_at'];

/** Column order of each tuple above (snake_case, as in migrations 0001 and 0002). */
export const COLUMNS: { [T in TableName]: readonly string[] } = {
  settings: ['key', 'value', 'updated_at'],
  personas: ['id', 'name', 'description', 'channel_preferences', ...stamps],
  accounts: [
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
    ...stamps,
  ],
  contacts: ['id', 'account_id', 'persona_id', 'name', 'title', 'email', 'is_champion', 'is_executive_sponsor', ...stamps],
  journey_maps: ['id', 'persona_id', 'name', 'description', ...stamps],
  journey_stages: ['id', 'journey_map_id', 'position', 'name', 'description', ...stamps],
  journey_touchpoints: [
    'id',
    'journey_stage_id',
    'position',
    'name',
    'channel',
    'owner_team',
    'lane',
    'is_moment_of_truth',
    'ideal_experience',
    'target_metric',
    'target_operator',
    'target_value',
    'match_rule',
    ...stamps,
  ],
  touchpoints: ['id', 'account_id', 'contact_id', 'journey_touchpoint_id', 'occurred_at', 'channel', 'kind', 'sentiment', 'notes', ...stamps],
  tickets: [
    'id',
    'account_id',
    'contact_id',
    'external_id',
    'subject',
    'opened_at',
    'first_response_at',
    'resolved_at',
    'channel',
    'priority',
    'topic',
    'status',
    'csat',
    ...stamps,
  ],
  survey_responses: ['id', 'account_id', 'contact_id', 'touchpoint_id', 'ticket_id', 'responded_at', 'kind', 'score', 'non_answer', 'comment', ...stamps],
  deployments: ['id', 'account_id', 'product', 'status', 'started_at', 'planned_go_live', 'actual_go_live', 'licences_purchased', 'licences_used', 'notes', ...stamps],
  outcomes: ['id', 'account_id', 'deployment_id', 'metric', 'baseline', 'achieved', 'unit', 'period_start', 'period_end', 'method', 'verified_by', 'verified_at', ...stamps],
  deals: [
    'id',
    'account_id',
    'prospect',
    'industry',
    'segment',
    'region',
    'employee_count',
    'products',
    'use_case',
    'competitor',
    'amount_minor',
    'currency',
    'stage',
    'owner',
    'opened_at',
    'closed_at',
    ...stamps,
  ],
  references: ['id', 'account_id', 'contact_id', 'stage', 'usage_limit_per_quarter', 'notes', ...stamps],
  reference_stage_changes: ['id', 'reference_id', 'from_stage', 'to_stage', 'changed_by', 'changed_at', 'reason'],
  consents: ['id', 'contact_id', 'activity', 'granted_at', 'granted_by', 'expires_at', 'restrictions', 'rules', 'revoked_at', ...stamps],
  reference_requests: [
    'id',
    'reference_id',
    'deal_id',
    'requester',
    'activity',
    'requested_at',
    'needed_by',
    'status',
    'scheduled_for',
    'completed_at',
    'happened',
    'rating',
    'feedback',
    ...stamps,
    'approved_by',
    'approved_at',
    'reference_said',
    'closed_reason',
    'closed_at',
  ],
  success_stories: ['id', 'account_id', 'title', 'stage', 'industry', 'challenge', 'solution', 'quotes', 'products', 'published_at', ...stamps],
  story_outcomes: ['story_id', 'outcome_id'],
  story_approvals: ['id', 'story_id', 'approver', 'role', 'approved_at', 'note'],
  arr_changes: ['id', 'account_id', 'changed_on', 'arr_minor', 'kind', 'created_at'],
};

/** What each generator writes to; the writer batches it into transactions. */
export type Sink = { [T in TableName]: (row: Rows[T]) => void };
