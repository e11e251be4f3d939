import type Database from 'better-sqlite3';
import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../../../shared/contract/accounts';
import { CHANNELS } from '../../../shared/contract/common';
import { DEAL_STAGES } from '../../../shared/contract/deals';
import { REFERENCE_STAGES, referenceImportRow, referenceStage } from '../../../shared/contract/references';
import { DEPLOYMENT_STATUSES } from '../../../shared/contract/deployments';
import { contract } from '../../../shared/contract';
import type { ImportTarget } from '../../../shared/contract/import';
import { SURVEY_KINDS } from '../../../shared/contract/surveyResponses';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../shared/contract/tickets';
import { TOUCHPOINT_KINDS } from '../../../shared/contract/touchpoints';
import { referenceStageStep } from './referenceStages';
import { liveReferenceRule, type RowRule } from './referenceRule';

// What each import target can take: its fields, how a cell becomes each one, and the column
// names (normalised) that mean it in the exports people have. Validation is the domain's own
// zod create schema from shared/contract, so an import obeys the same rules as the forms.

export type FieldKind = 'text' | 'int' | 'number' | 'money' | 'date' | 'instant' | 'bool' | 'enum' | 'list' | 'account' | 'contactEmail' | 'churned' | 'minutes';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  synonyms: readonly string[];
  values?: readonly string[];
  aliases?: Record<string, string>;
  /** For `minutes`: the instant the minutes are counted from, and the field they produce (`into`, also first/last name -> name). */
  from?: string;
  into?: string;
}

export interface TargetDef {
  name: ImportTarget;
  table: string;
  /** The domain whose `<domain>.create` schema validates a row. */
  domain: string;
  fields: readonly FieldDef[];
  /** Stored as 0/1 and JSON text. */
  flags?: readonly string[];
  json?: readonly string[];
  /** Rows matched to existing ones (update) by this field; `email` compares case-insensitively; `contactId` is the contact found by its e-mail. */
  matchKey?: 'externalId' | 'email' | 'contactId';
  /** When `<domain>.create` is not what an imported row is (references): the rows' schema. */
  schema?: z.ZodType;
  /** When `<domain>.update` is not what an updating row is (references): its schema, with the row's `id`. */
  updateSchema?: z.ZodType;
  /** Last step of a converted record, before validation: fields that combine (first + last name). */
  finish?: (record: Record<string, unknown>) => void;
  /**
   * A rule of the domain the schema cannot check, made once per import (reads only): it may change
   * an accepted row's value (references: the stage, referenceStages.ts) and then says so as a
   * warning on the field, shown in the import's summary.
   */
  adjust?: (sqlite: Database.Database, now: Date) => (value: Record<string, unknown>, existingId: number | undefined) => { field: string; message: string } | undefined;
  /** A rule of the domain across rows (references: one live reference per account, referenceRule.ts): a problem of the row that breaks it. */
  rule?: (sqlite: Database.Database) => RowRule;
}

/** First and last name into `name` (when no name column is mapped); the parts are not stored. */
function joinName(record: Record<string, unknown>): void {
  const parts = [record.firstName, record.lastName].filter((part): part is string => typeof part === 'string' && part !== '');
  if (record.name === undefined && parts.length > 0) record.name = parts.join(' ');
  delete record.firstName;
  delete record.lastName;
}

const f = (name: string, kind: FieldKind, synonyms: string[] = [], extra: Partial<FieldDef> = {}): FieldDef => ({ name, kind, synonyms, ...extra });

const channelAliases = {
  web: 'self_service',
  web_form: 'self_service',
  web_widget: 'self_service',
  api: 'self_service',
  help_center: 'self_service',
  portal: 'self_service',
  mail: 'email',
  e_mail: 'email',
  voice: 'phone',
  call: 'phone',
  telephone: 'phone',
  messaging: 'chat',
  live_chat: 'chat',
  whatsapp: 'chat',
  forum: 'community',
  onsite: 'in_person',
  on_site: 'in_person',
  meeting: 'in_person',
  video: 'webinar',
};
// The words the tools write: Zendesk's Via, Freshdesk's Source, Gainsight's stages, Salesforce's and
// HubSpot's default sales stages, Jira Service Management's and Intercom's statuses.
const toolChannelAliases = {
  web_service: 'self_service',
  phone_call_inbound: 'phone',
  phone_call_incoming: 'phone',
  phone_call_outbound: 'phone',
  phone_call_outgoing: 'phone',
  voicemail: 'phone',
  feedback_widget: 'self_service',
  outbound_email: 'email',
  conversation: 'chat',
  messenger: 'chat',
  twitter: 'community',
  facebook: 'community',
};
const lifecycleAliases = {
  kick_off: 'onboarding',
  kickoff: 'onboarding',
  implementation: 'onboarding',
  new_customer: 'onboarding',
  launched: 'adoption',
  adopting: 'adoption',
  active: 'adoption',
  expansion: 'growth',
  expanding: 'growth',
  renewing: 'renewal',
  will_churn: 'at_risk',
  risk: 'at_risk',
  churn: 'churned',
  inactive: 'churned',
  lost: 'churned',
};
const ticketStatusAliases = {
  new: 'open',
  on_hold: 'pending',
  hold: 'pending',
  resolved: 'solved',
  snoozed: 'pending',
  waiting_on_customer: 'pending',
  waiting_on_third_party: 'pending',
  waiting_for_customer: 'pending',
  waiting_for_support: 'open',
  in_progress: 'open',
  work_in_progress: 'open',
  escalated: 'open',
  done: 'solved',
  canceled: 'closed',
  cancelled: 'closed',
};
const dealStageAliases = {
  won: 'closed_won',
  lost: 'closed_lost',
  closed: 'closed_won',
  prospecting: 'qualify',
  qualification: 'qualify',
  appointment_scheduled: 'qualify',
  qualified_to_buy: 'qualify',
  needs_analysis: 'discover',
  value_proposition: 'discover',
  id_decision_makers: 'discover',
  presentation_scheduled: 'discover',
  perception_analysis: 'propose',
  proposal_price_quote: 'propose',
  decision_maker_bought_in: 'propose',
  negotiation_review: 'negotiate',
  contract_sent: 'negotiate',
};
const channel = f('channel', 'enum', ['channel', 'via', 'source', 'medium', 'via_channel', 'ticket_channel'], {
  values: CHANNELS,
  aliases: { ...channelAliases, ...toolChannelAliases },
});
const account = f('account', 'account', ['account', 'account_id', 'account_name', 'organization', 'organisation', 'company', 'customer', 'customer_id', 'org', 'client']);

const TARGETS: readonly TargetDef[] = [
  {
    name: 'accounts',
    table: 'accounts',
    domain: 'accounts',
    matchKey: 'externalId',
    json: ['tags'],
    fields: [
      f('name', 'text', ['name', 'account_name', 'company', 'company_name', 'organization', 'customer_name']),
      f('externalId', 'text', ['external_id', 'account_id', 'id', 'customer_id', 'customerid', 'crm_id', 'sfdc_id']),
      f('industry', 'text', ['industry', 'vertical', 'sector']),
      // Not 'type', 'account_type' or 'contract': a Salesforce Type (Customer, Prospect, Partner) or a
      // telco Contract (Month-to-month) is not a segment, and a wrong guess stores an invented one.
      f('segment', 'text', ['segment', 'tier', 'customer_segment', 'market_segment']),
      f('region', 'text', ['region', 'billing_country', 'country', 'billing_state', 'territory', 'geo']),
      f('employeeCount', 'int', ['employee_count', 'employees', 'number_of_employees', 'headcount', 'company_size']),
      f('arrMinor', 'money', ['arr', 'annual_revenue', 'annual_recurring_revenue', 'arr_minor', 'contract_value', 'acv']),
      f('currency', 'text', ['currency', 'currency_code', 'account_currency']),
      f('grossMarginPct', 'number', ['gross_margin', 'gross_margin_pct', 'margin']),
      f('owner', 'text', ['owner', 'account_owner', 'csm', 'owner_name', 'account_manager']),
      f('lifecycleStage', 'enum', ['lifecycle_stage', 'stage', 'lifecycle', 'status'], { values: LIFECYCLE_STAGES, aliases: lifecycleAliases }),
      f('contractStart', 'date', ['contract_start', 'customer_since', 'start_date', 'created_date']),
      f('renewalDate', 'date', ['renewal_date', 'renewal', 'contract_end', 'contract_end_date']),
      f('churnedAt', 'date', ['churned_at', 'churn_date', 'cancelled_at', 'churned_on']),
      f('churned', 'churned', ['churn', 'churned', 'is_churned', 'churn_flag', 'exited', 'attrition']),
      f('churnReason', 'text', ['churn_reason', 'cancellation_reason']),
      f('tags', 'list', ['tags', 'labels']),
    ],
  },
  {
    name: 'contacts',
    table: 'contacts',
    domain: 'contacts',
    // A person is known by their e-mail (issue 13): a second import of the same people updates them.
    matchKey: 'email',
    flags: ['isChampion', 'isExecutiveSponsor'],
    finish: joinName,
    fields: [
      account,
      f('name', 'text', ['name', 'full_name', 'contact_name', 'contact']),
      // CRMs export a person's name in two columns: finish() joins them into name.
      f('firstName', 'text', ['first_name', 'firstname', 'given_name'], { into: 'name' }),
      f('lastName', 'text', ['last_name', 'lastname', 'surname', 'family_name'], { into: 'name' }),
      f('title', 'text', ['title', 'job_title', 'role', 'position']),
      f('email', 'text', ['email', 'email_address', 'e_mail']),
      f('isChampion', 'bool', ['champion', 'is_champion']),
      f('isExecutiveSponsor', 'bool', ['executive_sponsor', 'is_executive_sponsor', 'sponsor']),
    ],
  },
  {
    name: 'touchpoints',
    table: 'touchpoints',
    domain: 'touchpoints',
    fields: [
      account,
      f('contactEmail', 'contactEmail', ['contact_email', 'email', 'requester_email']),
      f('occurredAt', 'instant', ['occurred_at', 'date', 'timestamp', 'time', 'when', 'activity_date']),
      channel,
      f('kind', 'enum', ['kind', 'type', 'activity_type', 'category'], { values: TOUCHPOINT_KINDS }),
      f('sentiment', 'int', ['sentiment']),
      f('notes', 'text', ['notes', 'note', 'description', 'comment', 'subject', 'summary']),
    ],
  },
  {
    name: 'tickets',
    table: 'tickets',
    domain: 'tickets',
    matchKey: 'externalId',
    fields: [
      account,
      f('contactEmail', 'contactEmail', ['requester_email', 'contact_email', 'email']),
      f('externalId', 'text', ['external_id', 'id', 'ticket_id', 'ticket_number', 'case_number', 'number']),
      f('subject', 'text', ['subject', 'title', 'summary']),
      f('openedAt', 'instant', ['opened_at', 'created_at', 'created', 'creation_date', 'date_opened', 'opened']),
      f('firstResponseAt', 'instant', ['first_response_at', 'first_reply_at', 'first_replied_at', 'first_response']),
      f('firstResponseMinutes', 'minutes', ['first_reply_time_in_minutes', 'first_response_minutes', 'first_reply_time', 'first_response_time_minutes'], {
        from: 'openedAt',
        into: 'firstResponseAt',
      }),
      f('resolvedAt', 'instant', ['resolved_at', 'solved_at', 'closed_at', 'resolved', 'solved', 'date_closed']),
      channel,
      f('priority', 'enum', ['priority', 'severity', 'urgency'], {
        values: TICKET_PRIORITIES,
        aliases: { medium: 'normal', p1: 'urgent', p2: 'high', p3: 'normal', p4: 'low', critical: 'urgent', highest: 'urgent', lowest: 'low', blocker: 'urgent' },
      }),
      f('topic', 'text', ['topic', 'tags', 'category', 'type', 'issue_type']),
      f('status', 'enum', ['status', 'state'], { values: TICKET_STATUSES, aliases: ticketStatusAliases }),
      f('csat', 'int', ['csat', 'satisfaction_score', 'satisfaction', 'rating', 'satisfaction_rating']),
    ],
  },
  {
    name: 'surveyResponses',
    table: 'survey_responses',
    domain: 'surveyResponses',
    fields: [
      account,
      f('contactEmail', 'contactEmail', ['email', 'recipient_email', 'respondent_email', 'contact_email', 'person_email']),
      f('respondedAt', 'instant', ['responded_at', 'created', 'created_at', 'recorded_date', 'end_date', 'date', 'response_date', 'submitted_at']),
      f('kind', 'enum', ['kind', 'survey_type', 'type', 'metric'], { values: SURVEY_KINDS }),
      f('score', 'int', ['score', 'nps', 'rating', 'nps_score', 'csat', 'q1', 'likelihood_to_recommend']),
      f('comment', 'text', ['comment', 'comments', 'feedback', 'verbatim', 'reason', 'open_text']),
    ],
  },
  {
    name: 'deployments',
    table: 'deployments',
    domain: 'deployments',
    fields: [
      account,
      f('product', 'text', ['product', 'product_name', 'module', 'solution']),
      f('status', 'enum', ['status', 'deployment_status', 'state'], {
        values: DEPLOYMENT_STATUSES,
        aliases: { done: 'live', complete: 'live', completed: 'live', active: 'in_progress' },
      }),
      f('startedAt', 'date', ['started_at', 'start_date', 'kickoff']),
      f('plannedGoLive', 'date', ['planned_go_live', 'target_go_live', 'target_date']),
      f('actualGoLive', 'date', ['actual_go_live', 'go_live', 'go_live_date', 'live_date']),
      f('licencesPurchased', 'int', ['licences_purchased', 'licenses_purchased', 'seats', 'seats_purchased', 'licenses']),
      f('licencesUsed', 'int', ['licences_used', 'licenses_used', 'seats_used', 'active_users']),
      f('notes', 'text', ['notes', 'note', 'comment']),
    ],
  },
  {
    name: 'deals',
    table: 'deals',
    domain: 'deals',
    json: ['products'],
    fields: [
      account,
      f('prospect', 'text', ['prospect', 'opportunity', 'opportunity_name', 'deal_name', 'company', 'customer']),
      f('industry', 'text', ['industry']),
      f('segment', 'text', ['segment']),
      f('region', 'text', ['region', 'country']),
      f('employeeCount', 'int', ['employee_count', 'employees']),
      f('products', 'list', ['products', 'product']),
      f('useCase', 'text', ['use_case']),
      f('competitor', 'text', ['competitor', 'competitors']),
      f('amountMinor', 'money', ['amount', 'value', 'deal_value', 'amount_minor', 'revenue', 'dollar_value']),
      f('currency', 'text', ['currency']),
      f('stage', 'enum', ['stage', 'deal_stage', 'status'], { values: DEAL_STAGES, aliases: dealStageAliases }),
      f('owner', 'text', ['owner', 'opportunity_owner', 'rep']),
      f('openedAt', 'instant', ['opened_at', 'created', 'created_date', 'date', 'order_date', 'purchase_date']),
      f('closedAt', 'instant', ['closed_at', 'close_date', 'closed']),
    ],
  },
  {
    // references.create nominates (always a candidate, with a log entry); an import keeps the stage it
    // brings where references.move would allow it (else the last legal stage, with a warning:
    // referenceStages.ts), and logs it as any stage change is logged (writer.ts). A reference's identity is its
    // contact: the person who speaks for the account, found by the contact's e-mail (matched
    // case-insensitively, as contacts are). Importing the same file again updates the live reference
    // of that contact instead of adding it twice; a row without a known contact is always new.
    name: 'references',
    table: 'references',
    domain: 'references',
    matchKey: 'contactId',
    schema: referenceImportRow,
    // No stage column means "keep the stage", not the create schema's default 'candidate'.
    updateSchema: referenceImportRow.extend({ id: z.number().int().positive(), stage: referenceStage.optional() }).strict(),
    // The transition table and the consent gate of references.move: the last legal stage, with a warning.
    adjust: referenceStageStep,
    // references.create's rule: one live reference per account (references/liveRule.ts).
    rule: liveReferenceRule,
    fields: [
      account,
      f('contactEmail', 'contactEmail', ['contact_email', 'email', 'reference_email', 'contact']),
      f('stage', 'enum', ['stage', 'reference_stage', 'status'], { values: REFERENCE_STAGES, aliases: { nominee: 'nominated', inactive: 'resting', paused: 'resting' } }),
      f('usageLimitPerQuarter', 'int', ['usage_limit', 'usage_limit_per_quarter', 'limit_per_quarter', 'max_per_quarter', 'quarterly_limit']),
      f('notes', 'text', ['notes', 'note', 'comment', 'comments']),
    ],
  },
  {
    // Orders (customer, date, amount): the value figures of customers without contracts. Matched by order id.
    name: 'purchases',
    table: 'purchases',
    domain: 'purchases',
    matchKey: 'externalId',
    // A buyer's e-mail finds the account; a purchase keeps no contact.
    finish: (record) => delete record.contactId,
    fields: [
      account,
      f('contactEmail', 'contactEmail', ['email', 'customer_email', 'contact_email', 'buyer_email']),
      f('externalId', 'text', ['order_id', 'order_number', 'order', 'invoice_id', 'invoice_number', 'transaction_id', 'external_id', 'id']),
      f('purchasedOn', 'date', ['purchased_on', 'order_date', 'purchase_date', 'date', 'created_at', 'invoice_date', 'paid_at']),
      f('amountMinor', 'money', ['amount', 'total', 'order_total', 'value', 'revenue', 'price', 'dollar_value', 'amount_minor']),
      f('currency', 'text', ['currency', 'currency_code']),
    ],
  },
];

export function targetDef(name: ImportTarget): TargetDef {
  const def = TARGETS.find((target) => target.name === name);
  if (!def) throw new Error(`unknown import target ${name}`);
  return def;
}

/** The channel's create schema: the same rules the forms are held to. */
export function createSchema(def: TargetDef): z.ZodType {
  if (def.schema) return def.schema;
  return (contract as Record<string, { input: z.ZodType }>)[`${def.domain}.create`]!.input;
}

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
