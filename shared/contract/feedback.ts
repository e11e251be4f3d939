import { z } from 'zod';
import { archivable, calendarDate, id, idInput, listInput, oneOrMany, pageOf, requiredText, stamps, text, writable } from './common';
import { refineWith } from './refine';

export const FEEDBACK_KINDS = ['feature_request', 'problem', 'praise'] as const;
export const feedbackKind = z.enum(FEEDBACK_KINDS);
export const FEEDBACK_SOURCES = ['ticket', 'survey', 'touchpoint', 'manual'] as const;
export const feedbackSource = z.enum(FEEDBACK_SOURCES);
export const REQUEST_STATUSES = ['open', 'planned', 'shipped', 'declined'] as const;
export const requestStatus = z.enum(REQUEST_STATUSES);

/** One thing a customer said about the product, from a ticket, an answer's comment, a touchpoint or by hand. */
export const feedbackItem = z.object({
  id,
  accountId: id,
  contactId: id.nullable(),
  /** The product request it was merged into. */
  requestId: id.nullable(),
  kind: feedbackKind,
  source: feedbackSource,
  ticketId: id.nullable(),
  surveyResponseId: id.nullable(),
  touchpointId: id.nullable(),
  product: text(100).nullable(),
  feature: text(100).nullable(),
  text: requiredText(4000),
  capturedAt: calendarDate,
  ...stamps,
  ...archivable,
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

/** The source named must match the row it points at: a ticket item names its ticket, and so on. */
export function feedbackSourceIssues(value: { source?: string; ticketId?: number | null; surveyResponseId?: number | null; touchpointId?: number | null }) {
  const need = { ticket: 'ticketId', survey: 'surveyResponseId', touchpoint: 'touchpointId' } as const;
  if (!value.source || value.source === 'manual') return [];
  const field = need[value.source as keyof typeof need];
  return value[field] == null ? [{ path: field, message: `is required when source is ${value.source}` }] : [];
}

export const feedbackRequest = z.object({
  id,
  title: requiredText(200),
  description: text(4000).nullable(),
  product: text(100).nullable(),
  feature: text(100).nullable(),
  status: requestStatus,
  shippedAt: calendarDate.nullable(),
  ...stamps,
  ...archivable,
});
export type FeedbackRequest = z.infer<typeof feedbackRequest>;

const itemInput = writable(feedbackItem, ['accountId', 'kind', 'text', 'capturedAt']);
const requestInput = writable(feedbackRequest, ['title']);

const money = z.number().int();

/** A request's demand, weighted by revenue. Money in the settings' currency's minor units (accounts' own ARR summed as stored). */
export const requestDemand = z.object({
  request: feedbackRequest,
  items: z.number().int().nonnegative(),
  accounts: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  /** Σ ARR of the current customers behind it, each counted once. */
  arrMinor: money,
  /** Σ ARR of those renewing within the horizon whose health is red or amber. */
  renewalArrAtRiskMinor: money,
  segments: z.array(z.object({ segment: z.string(), accounts: z.number().int(), arrMinor: money })),
});
export type RequestDemand = z.infer<typeof requestDemand>;

export const feedbackContract = {
  'feedback.list': {
    input: listInput(
      ['capturedAt', 'kind', 'createdAt'],
      z.object({
        accountId: oneOrMany(id),
        contactId: oneOrMany(id),
        requestId: oneOrMany(id),
        kind: oneOrMany(feedbackKind),
        source: oneOrMany(feedbackSource),
        product: oneOrMany(z.string()),
      }),
    ),
    output: pageOf(feedbackItem),
  },
  'feedback.get': { input: idInput, output: feedbackItem },
  'feedback.create': { input: itemInput.create.superRefine(refineWith(feedbackSourceIssues)), output: feedbackItem },
  'feedback.update': { input: itemInput.update, output: feedbackItem },
  'feedback.archive': { input: idInput, output: feedbackItem },
  /** Merge items into a request (null takes them out of any). */
  /**
   * What "Capture as feedback" on a ticket, an answer or a touchpoint starts from: its account and
   * contact, a kind read from it (a ticket is a problem; a detractor answer or a negative touchpoint
   * a problem, a promoter or a positive one praise), its words, the product when the account has
   * one, the ticket's topic as the feature; and the items already captured from it.
   */
  'feedback.draft': {
    input: z.strictObject({ source: z.enum(['ticket', 'survey', 'touchpoint']), id }),
    output: z.object({
      accountId: id,
      accountName: z.string(),
      contactId: id.nullable(),
      contactName: z.string().nullable(),
      kind: feedbackKind,
      text: z.string(),
      product: z.string().nullable(),
      feature: z.string().nullable(),
      capturedAt: calendarDate,
      captured: z.array(z.object({ id, requestId: id.nullable(), requestTitle: z.string().nullable() })),
    }),
  },
  'feedback.link': { input: z.strictObject({ itemIds: z.array(id).min(1).max(500), requestId: id.nullable() }), output: z.object({ linked: z.number().int() }) },
  /** Satisfaction by product and feature, from the answers and tickets feedback items name one for. */
  'feedback.productResults': {
    input: z.strictObject({}),
    output: z.array(
      z.object({
        product: z.string(),
        feature: z.string().nullable(),
        items: z.number().int(),
        /** NPS of the NPS answers behind the items (−100..100); null without any. */
        nps: z.number().nullable(),
        npsAnswers: z.number().int(),
        /** Share of CSAT answers and ticket CSAT ratings of 4 or 5, percent; null without any. */
        csat: z.number().nullable(),
        csatRatings: z.number().int(),
        problems: z.number().int(),
        praise: z.number().int(),
      }),
    ),
  },

  'feedbackRequests.list': {
    input: listInput(['title', 'status', 'createdAt'], z.object({ status: oneOrMany(requestStatus), product: oneOrMany(z.string()) })),
    output: pageOf(feedbackRequest),
  },
  'feedbackRequests.get': { input: idInput, output: feedbackRequest },
  'feedbackRequests.create': { input: requestInput.create, output: feedbackRequest },
  'feedbackRequests.update': { input: requestInput.update, output: feedbackRequest },
  'feedbackRequests.archive': { input: idInput, output: feedbackRequest },
  /** The board: every request with its demand, by renewal ARR at risk, then ARR (the top requests first). */
  'feedbackRequests.table': {
    input: z.strictObject({ status: z.array(requestStatus).min(1).max(4).optional(), horizonDays: z.number().int().min(1).max(730).default(180) }),
    output: z.object({ currency: z.string(), horizonDays: z.number().int(), unlinked: z.number().int(), rows: z.array(requestDemand) }),
  },
  /** For a shipped (or any) request: the accounts and contacts to tell, and beta/launch reference candidates among them. */
  'feedbackRequests.candidates': {
    input: idInput,
    output: z.object({
      request: feedbackRequest,
      toTell: z.array(
        z.object({
          accountId: id,
          name: z.string(),
          owner: z.string().nullable(),
          arrMinor: money,
          contacts: z.array(z.object({ id, name: z.string(), email: z.string().nullable() })),
        }),
      ),
      referenceCandidates: z.array(
        z.object({ accountId: id, name: z.string(), contactId: id.nullable(), contactName: z.string().nullable(), score: z.number(), reasons: z.array(z.string()) }),
      ),
    }),
  },
  /** The requests with their demand for product teams, as file contents (the screen saves them). */
  // One task per account that asked, opened once (a second call finds them open and opens none).
  'feedbackRequests.tell': { input: idInput, output: z.object({ opened: z.array(id), already: z.number().int() }) },
  'feedbackRequests.export': {
    input: z.strictObject({
      format: z.enum(['csv', 'markdown', 'xlsx']),
      status: z.array(requestStatus).min(1).max(4).optional(),
      /** XLSX only: 'readable' (headers in words, labels, money in currency units as the board shows it) or 'raw' (the CSV's ids, codes and minor units). */
      style: z.enum(['readable', 'raw']).default('readable'),
    }),
    /** `content` is text, or base64 when `encoding` says so (the XLSX workbook). */
    output: z.object({ filename: z.string(), mime: z.string(), content: z.string(), encoding: z.literal('base64').optional() }),
  },
} as const;
