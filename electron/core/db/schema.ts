import type { Generated, Kysely } from 'kysely';
import type { LIFECYCLE_STAGES } from '../../../shared/contract/accounts';
import type { NON_ANSWERS } from '../../../shared/contract/assessments';
import type { CHANNELS, REFERENCE_ACTIVITIES } from '../../../shared/contract/common';
import type { DEAL_STAGES } from '../../../shared/contract/deals';
import type { DEPLOYMENT_STATUSES } from '../../../shared/contract/deployments';
import type { FEEDBACK_KINDS, FEEDBACK_SOURCES, REQUEST_STATUSES as FEEDBACK_REQUEST_STATUSES } from '../../../shared/contract/feedback';
import type { GOAL_KPIS } from '../../../shared/contract/goals';
import type { PLAN_STATUSES } from '../../../shared/contract/plans';
import type { JOURNEY_LANES, LINK_SOURCES } from '../../../shared/contract/journeys';
import type { REFERENCE_STAGES } from '../../../shared/contract/references';
import type { REQUEST_STATUSES } from '../../../shared/contract/requests';
import type { APPROVAL_ROLES, STORY_STAGES } from '../../../shared/contract/stories';
import type { SURVEY_KINDS } from '../../../shared/contract/surveyResponses';
import type { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../shared/contract/tickets';
import type { TOUCHPOINT_KINDS } from '../../../shared/contract/touchpoints';

import { tables, type ColumnSpec, type Family } from './tables';

export { tables, type ColumnSpec, type Family } from './tables';

// The types Kysely is checked with, derived from the description of the tables in ./tables/.

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
  successPlans: { status: OneOf<typeof PLAN_STATUSES> };
  goals: { kpi: OneOf<typeof GOAL_KPIS> };
  feedbackRequests: { status: OneOf<typeof FEEDBACK_REQUEST_STATUSES> };
  feedbackItems: { kind: OneOf<typeof FEEDBACK_KINDS>; source: OneOf<typeof FEEDBACK_SOURCES> };
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
  successPlans: true,
  goals: true,
  feedbackRequests: true,
  feedbackItems: true,
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
export interface RollupDimensionMonthTable extends TableOf<'rollupDimensionMonth'> {}
export interface RollupAccountKeysTable extends TableOf<'rollupAccountKeys'> {}
export interface RollupFacetsTable extends TableOf<'rollupFacets'> {}
export interface RollupCohortCellTable extends TableOf<'rollupCohortCell'> {}
export interface CustomFieldsTable extends TableOf<'customFields'> {}
export interface CustomFieldValuesTable extends TableOf<'customFieldValues'> {}
export interface PurchasesTable extends TableOf<'purchases'> {}
export interface ChurnModelsTable extends TableOf<'churnModels'> {}
export interface ChurnPredictionsTable extends TableOf<'churnPredictions'> {}
export interface ChurnHistoryTable extends TableOf<'churnHistory'> {}
export interface ChurnHistoryStateTable extends TableOf<'churnHistoryState'> {}
export interface SuccessPlansTable extends TableOf<'successPlans'> {}
export interface PlanObjectivesTable extends TableOf<'planObjectives'> {}
export interface PlanMilestonesTable extends TableOf<'planMilestones'> {}
export interface GoalsTable extends TableOf<'goals'> {}
export interface FeedbackRequestsTable extends TableOf<'feedbackRequests'> {}
export interface FeedbackItemsTable extends TableOf<'feedbackItems'> {}
export interface PlaybooksTable extends TableOf<'playbooks'> {}
export interface CallsToActionTable extends TableOf<'callsToAction'> {}
export interface TasksTable extends TableOf<'tasks'> {}
// Issue 19: the team workspace's laptop side (0014_team, tables/team.ts).
export interface TeamStateTable extends TableOf<'teamState'> {}
export interface TeamRowsTable extends TableOf<'teamRows'> {}
export interface TeamChangesTable extends TableOf<'teamChanges'> {}
export interface TeamConflictsTable extends TableOf<'teamConflicts'> {}
export interface ErasuresTable extends TableOf<'erasures'> {}

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
  rollupDimensionMonth: RollupDimensionMonthTable;
  rollupAccountKeys: RollupAccountKeysTable;
  rollupFacets: RollupFacetsTable;
  rollupCohortCell: RollupCohortCellTable;
  customFields: CustomFieldsTable;
  customFieldValues: CustomFieldValuesTable;
  purchases: PurchasesTable;
  churnModels: ChurnModelsTable;
  churnPredictions: ChurnPredictionsTable;
  churnHistory: ChurnHistoryTable;
  churnHistoryState: ChurnHistoryStateTable;
  successPlans: SuccessPlansTable;
  planObjectives: PlanObjectivesTable;
  planMilestones: PlanMilestonesTable;
  goals: GoalsTable;
  feedbackRequests: FeedbackRequestsTable;
  feedbackItems: FeedbackItemsTable;
  playbooks: PlaybooksTable;
  callsToAction: CallsToActionTable;
  tasks: TasksTable;
  teamState: TeamStateTable;
  teamRows: TeamRowsTable;
  teamChanges: TeamChangesTable;
  teamConflicts: TeamConflictsTable;
  erasures: ErasuresTable;
}

/** The workspace as every query but the frozen migrations sees it. */
export type Db = Kysely<Database>;

// Every described table is in `Database` and nothing else is: a table added to `tables` without its
// interface line (or the reverse) fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTables: Same<keyof Database, TableName> = true;
void sameTables;
