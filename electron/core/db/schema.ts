import type { Generated, Kysely } from 'kysely';
import type { LIFECYCLE_STAGES } from '../../../shared/contract/accounts';
import type { NON_ANSWERS } from '../../../shared/contract/assessments';
import type { CHANNELS, REFERENCE_ACTIVITIES } from '../../../shared/contract/common';
import type { DEAL_STAGES } from '../../../shared/contract/deals';
import type { DEPLOYMENT_STATUSES } from '../../../shared/contract/deployments';
import type { JOURNEY_LANES, LINK_SOURCES } from '../../../shared/contract/journeys';
import type { REFERENCE_STAGES } from '../../../shared/contract/references';
import type { REQUEST_STATUSES } from '../../../shared/contract/requests';
import type { APPROVAL_ROLES, STORY_STAGES } from '../../../shared/contract/stories';
import type { SURVEY_KINDS } from '../../../shared/contract/surveyResponses';
import type { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../shared/contract/tickets';
import type { TOUCHPOINT_KINDS } from '../../../shared/contract/touchpoints';

/**
 * The workspace's tables as the queries see them (Kysely's CamelCasePlugin turns `survey_responses`
 * and `account_id` into `surveyResponses` and `accountId`), written by hand beside the migrations.
 *
 * One description serves twice: `tables` is plain data a test compares with the live schema of a
 * freshly migrated workspace (tests/integration/schemaTypes.test.ts: same tables, columns, SQLite
 * type family, nullability and defaults), and the `Database` interface Kysely is typed with is
 * derived from it, so the two cannot drift apart. A new migration that adds a column fails that
 * test until the column is described here; the failure prints the line to add.
 *
 * Hand-written rather than generated: the list is short, reads like the migration it follows and
 * is reviewed in the same diff; a generator would need a built workspace at build time to say
 * exactly what the test already checks.
 *
 * A column is `'<family>'` (NOT NULL, no default: an insert must give it), `'<family> null'`
 * (NULL allowed; inserts may leave it out), or `'<family> generated'` (NOT NULL with a default, or
 * an INTEGER PRIMARY KEY: SQLite fills it in). Families are SQLite's storage classes: integer
 * (also 0/1 flags), real, text (also ISO dates and JSON) and blob.
 */
export type Family = 'integer' | 'real' | 'text' | 'blob';
export type ColumnSpec = Family | `${Family} null` | `${Family} generated`;

export const tables = {
  settings: { key: 'text', value: 'text', updatedAt: 'text' },
  personas: {
    id: 'integer generated',
    name: 'text',
    description: 'text null',
    channelPreferences: 'text generated',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  accounts: {
    id: 'integer generated',
    name: 'text',
    externalId: 'text null',
    industry: 'text null',
    segment: 'text generated',
    region: 'text null',
    employeeCount: 'integer null',
    arrMinor: 'integer generated',
    currency: 'text generated',
    grossMarginPct: 'real null',
    owner: 'text null',
    lifecycleStage: 'text generated',
    contractStart: 'text null',
    renewalDate: 'text null',
    churnedAt: 'text null',
    churnReason: 'text null',
    tags: 'text generated',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  contacts: {
    id: 'integer generated',
    accountId: 'integer',
    personaId: 'integer null',
    name: 'text',
    title: 'text null',
    email: 'text null',
    isChampion: 'integer generated',
    isExecutiveSponsor: 'integer generated',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  journeyMaps: {
    id: 'integer generated',
    personaId: 'integer null',
    name: 'text',
    description: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  journeyStages: {
    id: 'integer generated',
    journeyMapId: 'integer',
    position: 'integer',
    name: 'text',
    description: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  journeyTouchpoints: {
    id: 'integer generated',
    journeyStageId: 'integer',
    position: 'integer',
    name: 'text',
    channel: 'text null',
    ownerTeam: 'text null',
    lane: 'text generated',
    isMomentOfTruth: 'integer generated',
    idealExperience: 'text null',
    targetMetric: 'text null',
    targetOperator: 'text null',
    targetValue: 'real null',
    matchRule: 'text generated',
    createdAt: 'text',
    updatedAt: 'text',
  },
  journeyLinks: { journeyTouchpointId: 'integer', source: 'text', recordId: 'integer', createdAt: 'text' },
  touchpoints: {
    id: 'integer generated',
    accountId: 'integer',
    contactId: 'integer null',
    journeyTouchpointId: 'integer null',
    occurredAt: 'text',
    channel: 'text',
    kind: 'text',
    sentiment: 'integer null',
    notes: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  tickets: {
    id: 'integer generated',
    accountId: 'integer',
    contactId: 'integer null',
    externalId: 'text null',
    subject: 'text null',
    openedAt: 'text',
    firstResponseAt: 'text null',
    resolvedAt: 'text null',
    channel: 'text',
    priority: 'text generated',
    topic: 'text null',
    status: 'text generated',
    csat: 'integer null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  surveyResponses: {
    id: 'integer generated',
    accountId: 'integer',
    contactId: 'integer null',
    touchpointId: 'integer null',
    ticketId: 'integer null',
    respondedAt: 'text',
    kind: 'text',
    score: 'integer null',
    nonAnswer: 'text null',
    comment: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  deployments: {
    id: 'integer generated',
    accountId: 'integer',
    product: 'text',
    status: 'text generated',
    startedAt: 'text null',
    plannedGoLive: 'text null',
    actualGoLive: 'text null',
    licencesPurchased: 'integer null',
    licencesUsed: 'integer null',
    notes: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  outcomes: {
    id: 'integer generated',
    accountId: 'integer',
    deploymentId: 'integer null',
    metric: 'text',
    baseline: 'real null',
    achieved: 'real null',
    unit: 'text null',
    periodStart: 'text null',
    periodEnd: 'text null',
    method: 'text null',
    verifiedBy: 'text null',
    verifiedAt: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  deals: {
    id: 'integer generated',
    accountId: 'integer null',
    prospect: 'text',
    industry: 'text null',
    segment: 'text null',
    region: 'text null',
    employeeCount: 'integer null',
    products: 'text generated',
    useCase: 'text null',
    competitor: 'text null',
    amountMinor: 'integer generated',
    currency: 'text generated',
    stage: 'text generated',
    owner: 'text null',
    openedAt: 'text',
    closedAt: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  references: {
    id: 'integer generated',
    accountId: 'integer',
    contactId: 'integer null',
    stage: 'text generated',
    usageLimitPerQuarter: 'integer null',
    notes: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  referenceStageChanges: {
    id: 'integer generated',
    referenceId: 'integer',
    fromStage: 'text null',
    toStage: 'text',
    changedBy: 'text',
    changedAt: 'text',
    reason: 'text null',
  },
  consents: {
    id: 'integer generated',
    contactId: 'integer',
    activity: 'text',
    grantedAt: 'text',
    grantedBy: 'text',
    expiresAt: 'text null',
    restrictions: 'text null',
    rules: 'text generated',
    revokedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  referenceRequests: {
    id: 'integer generated',
    referenceId: 'integer',
    dealId: 'integer null',
    requester: 'text',
    activity: 'text',
    requestedAt: 'text',
    neededBy: 'text null',
    status: 'text generated',
    scheduledFor: 'text null',
    completedAt: 'text null',
    happened: 'integer null',
    rating: 'integer null',
    feedback: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
    // 0003_leverage
    approvedBy: 'text null',
    approvedAt: 'text null',
    referenceSaid: 'text null',
    closedReason: 'text null',
    closedAt: 'text null',
  },
  successStories: {
    id: 'integer generated',
    accountId: 'integer',
    title: 'text',
    stage: 'text generated',
    industry: 'text null',
    challenge: 'text null',
    solution: 'text null',
    quotes: 'text generated',
    products: 'text generated',
    publishedAt: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  storyOutcomes: { storyId: 'integer', outcomeId: 'integer' },
  storyApprovals: {
    id: 'integer generated',
    storyId: 'integer',
    approver: 'text',
    role: 'text',
    approvedAt: 'text',
    note: 'text null',
  },
  assessmentTemplates: {
    id: 'integer generated',
    name: 'text',
    version: 'integer generated',
    framework: 'text',
    lockedAt: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  assessments: {
    id: 'integer generated',
    templateId: 'integer',
    accountId: 'integer null',
    clientName: 'text',
    assessedOn: 'text',
    assessor: 'text',
    scope: 'text null',
    executiveSummary: 'text null',
    archivedAt: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  assessmentRespondents: {
    id: 'integer generated',
    assessmentId: 'integer',
    name: 'text',
    role: 'text null',
    function: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  assessmentAnswers: {
    id: 'integer generated',
    assessmentId: 'integer',
    respondentId: 'integer',
    itemKey: 'text',
    level: 'real null',
    nonAnswer: 'text null',
    evidence: 'text null',
    links: 'text generated',
    createdAt: 'text',
    updatedAt: 'text',
  },
  assessmentTargets: { assessmentId: 'integer', itemKey: 'text', level: 'real' },
  assessmentRecommendations: {
    id: 'integer generated',
    assessmentId: 'integer',
    position: 'integer',
    dimensionKey: 'text null',
    itemKey: 'text null',
    action: 'text',
    owner: 'text null',
    horizon: 'text null',
    expectedEffect: 'text null',
    createdAt: 'text',
    updatedAt: 'text',
  },
  // 0002_metrics
  arrChanges: { id: 'integer generated', accountId: 'integer', changedOn: 'text', arrMinor: 'integer', kind: 'text', createdAt: 'text' },
  healthSnapshots: {
    id: 'integer generated',
    accountId: 'integer',
    takenAt: 'text',
    modelVersion: 'text',
    score: 'real null',
    band: 'text',
    coveragePct: 'real',
    components: 'text',
    current: 'integer generated',
  },
  rollupAccountMonth: { accountId: 'integer', month: 'integer', data: 'blob' },
  rollupSegmentMonth: { segment: 'text', month: 'integer', data: 'blob' },
  rollupTopics: { id: 'integer generated', topic: 'text' },
  rollupState: { id: 'integer generated', layout: 'integer', clock: 'text', builtAt: 'text' },
} as const satisfies Record<string, Record<string, ColumnSpec>>;

type Tables = typeof tables;
export type TableName = keyof Tables;

/** What better-sqlite3 hands back for each family (no safeIntegers: integers are numbers). */
interface FamilyType {
  integer: number;
  real: number;
  text: string;
  blob: Buffer;
}

type OneOf<List extends readonly string[]> = List[number];

/**
 * Text columns a CHECK constraint limits to a set of values, typed as that set (the contract's own
 * list), so a query cannot write, or forget to handle, a value SQLite would refuse. The test checks
 * their family (text) like any other column's.
 */
interface Narrowed {
  accounts: { lifecycleStage: OneOf<typeof LIFECYCLE_STAGES> };
  journeyTouchpoints: { channel: OneOf<typeof CHANNELS>; lane: OneOf<typeof JOURNEY_LANES>; targetOperator: '>=' | '<=' };
  journeyLinks: { source: Exclude<OneOf<typeof LINK_SOURCES>, 'touchpoints'> };
  touchpoints: { channel: OneOf<typeof CHANNELS>; kind: OneOf<typeof TOUCHPOINT_KINDS> };
  tickets: { channel: OneOf<typeof CHANNELS>; priority: OneOf<typeof TICKET_PRIORITIES>; status: OneOf<typeof TICKET_STATUSES> };
  surveyResponses: { kind: OneOf<typeof SURVEY_KINDS>; nonAnswer: OneOf<typeof NON_ANSWERS> };
  deployments: { status: OneOf<typeof DEPLOYMENT_STATUSES> };
  deals: { stage: OneOf<typeof DEAL_STAGES> };
  references: { stage: OneOf<typeof REFERENCE_STAGES> };
  referenceStageChanges: { fromStage: OneOf<typeof REFERENCE_STAGES>; toStage: OneOf<typeof REFERENCE_STAGES> };
  consents: { activity: OneOf<typeof REFERENCE_ACTIVITIES> };
  referenceRequests: { activity: OneOf<typeof REFERENCE_ACTIVITIES>; status: OneOf<typeof REQUEST_STATUSES> };
  successStories: { stage: OneOf<typeof STORY_STAGES> };
  storyApprovals: { role: OneOf<typeof APPROVAL_ROLES> };
  assessmentAnswers: { nonAnswer: OneOf<typeof NON_ANSWERS> };
  healthSnapshots: { band: 'red' | 'amber' | 'green' | 'insufficient' };
  arrChanges: { kind: 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation' };
}

/** A column's value: the narrowed set if there is one, else its family's type. */
type ValueOf<T extends TableName, C, F extends Family> = T extends keyof Narrowed ? (C extends keyof Narrowed[T] ? Narrowed[T][C] : FamilyType[F]) : FamilyType[F];

type ColumnOf<T extends TableName, C, S extends ColumnSpec> = S extends `${infer F extends Family} null`
  ? ValueOf<T, C, F> | null
  : S extends `${infer F extends Family} generated`
    ? Generated<ValueOf<T, C, F>>
    : S extends Family
      ? ValueOf<T, C, S>
      : never;

type TableOf<T extends TableName> = {
  -readonly [C in keyof Tables[T]]: Tables[T][C] extends ColumnSpec ? ColumnOf<T, C, Tables[T][C]> : never;
};

// Every narrowed column exists and is text.
type TextColumns<T extends TableName> = { [C in keyof Tables[T]]: Tables[T][C] extends `text${string}` ? C : never }[keyof Tables[T]];
const narrowedAreText: { [T in keyof Narrowed]: Exclude<keyof Narrowed[T], TextColumns<T>> extends never ? true : false } = {
  accounts: true,
  journeyTouchpoints: true,
  journeyLinks: true,
  touchpoints: true,
  tickets: true,
  surveyResponses: true,
  deployments: true,
  deals: true,
  references: true,
  referenceStageChanges: true,
  consents: true,
  referenceRequests: true,
  successStories: true,
  storyApprovals: true,
  assessmentAnswers: true,
  healthSnapshots: true,
  arrChanges: true,
};
void narrowedAreText;

export interface SettingsTable extends TableOf<'settings'> {}
export interface PersonasTable extends TableOf<'personas'> {}
export interface AccountsTable extends TableOf<'accounts'> {}
export interface ContactsTable extends TableOf<'contacts'> {}
export interface JourneyMapsTable extends TableOf<'journeyMaps'> {}
export interface JourneyStagesTable extends TableOf<'journeyStages'> {}
export interface JourneyTouchpointsTable extends TableOf<'journeyTouchpoints'> {}
export interface JourneyLinksTable extends TableOf<'journeyLinks'> {}
export interface TouchpointsTable extends TableOf<'touchpoints'> {}
export interface TicketsTable extends TableOf<'tickets'> {}
export interface SurveyResponsesTable extends TableOf<'surveyResponses'> {}
export interface DeploymentsTable extends TableOf<'deployments'> {}
export interface OutcomesTable extends TableOf<'outcomes'> {}
export interface DealsTable extends TableOf<'deals'> {}
export interface ReferencesTable extends TableOf<'references'> {}
export interface ReferenceStageChangesTable extends TableOf<'referenceStageChanges'> {}
export interface ConsentsTable extends TableOf<'consents'> {}
export interface ReferenceRequestsTable extends TableOf<'referenceRequests'> {}
export interface SuccessStoriesTable extends TableOf<'successStories'> {}
export interface StoryOutcomesTable extends TableOf<'storyOutcomes'> {}
export interface StoryApprovalsTable extends TableOf<'storyApprovals'> {}
export interface AssessmentTemplatesTable extends TableOf<'assessmentTemplates'> {}
export interface AssessmentsTable extends TableOf<'assessments'> {}
export interface AssessmentRespondentsTable extends TableOf<'assessmentRespondents'> {}
export interface AssessmentAnswersTable extends TableOf<'assessmentAnswers'> {}
export interface AssessmentTargetsTable extends TableOf<'assessmentTargets'> {}
export interface AssessmentRecommendationsTable extends TableOf<'assessmentRecommendations'> {}
export interface ArrChangesTable extends TableOf<'arrChanges'> {}
export interface HealthSnapshotsTable extends TableOf<'healthSnapshots'> {}
export interface RollupAccountMonthTable extends TableOf<'rollupAccountMonth'> {}
export interface RollupSegmentMonthTable extends TableOf<'rollupSegmentMonth'> {}
export interface RollupTopicsTable extends TableOf<'rollupTopics'> {}
export interface RollupStateTable extends TableOf<'rollupState'> {}

/** The workspace for Kysely: `new Kysely<Database>(...)`. Frozen migrations keep `Kysely<any>`. */
export interface Database {
  settings: SettingsTable;
  personas: PersonasTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  journeyMaps: JourneyMapsTable;
  journeyStages: JourneyStagesTable;
  journeyTouchpoints: JourneyTouchpointsTable;
  journeyLinks: JourneyLinksTable;
  touchpoints: TouchpointsTable;
  tickets: TicketsTable;
  surveyResponses: SurveyResponsesTable;
  deployments: DeploymentsTable;
  outcomes: OutcomesTable;
  deals: DealsTable;
  references: ReferencesTable;
  referenceStageChanges: ReferenceStageChangesTable;
  consents: ConsentsTable;
  referenceRequests: ReferenceRequestsTable;
  successStories: SuccessStoriesTable;
  storyOutcomes: StoryOutcomesTable;
  storyApprovals: StoryApprovalsTable;
  assessmentTemplates: AssessmentTemplatesTable;
  assessments: AssessmentsTable;
  assessmentRespondents: AssessmentRespondentsTable;
  assessmentAnswers: AssessmentAnswersTable;
  assessmentTargets: AssessmentTargetsTable;
  assessmentRecommendations: AssessmentRecommendationsTable;
  arrChanges: ArrChangesTable;
  healthSnapshots: HealthSnapshotsTable;
  rollupAccountMonth: RollupAccountMonthTable;
  rollupSegmentMonth: RollupSegmentMonthTable;
  rollupTopics: RollupTopicsTable;
  rollupState: RollupStateTable;
}

/** The workspace as every query but the frozen migrations sees it. */
export type Db = Kysely<Database>;

// Every described table is in `Database` and nothing else is: a table added to `tables` without its
// interface line (or the reverse) fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTables: Same<keyof Database, TableName> = true;
void sameTables;
