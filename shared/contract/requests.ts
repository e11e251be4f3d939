import { z } from 'zod';
import { calendarDate, id, idInput, instant, listInput, oneOrMany, pageOf, referenceActivity, requiredText, stamps, text } from './common';

// Reference requests: one use of a reference, from the ask to the feedback afterwards.
// requested -> approved (by the account owner) -> scheduled -> completed, or declined / cancelled
// from any open status.

export const REQUEST_STATUSES = ['requested', 'approved', 'scheduled', 'completed', 'declined', 'cancelled'] as const;
export const requestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatus>;

/** Still waiting for something to happen: what the SLA flag and "open only" look at. */
export const OPEN_REQUEST_STATUSES = ['requested', 'approved', 'scheduled'] as const satisfies readonly RequestStatus[];

const reason = requiredText(500);

export const referenceRequest = z.object({
  id,
  referenceId: id,
  dealId: id.nullable(),
  requester: requiredText(100),
  activity: referenceActivity,
  requestedAt: instant,
  neededBy: calendarDate.nullable(),
  status: requestStatus,
  approvedBy: text(100).nullable(),
  approvedAt: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Feedback after completion: did it take place at all. */
  happened: z.boolean().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  /** Feedback after completion: how it went, in the requester's words. */
  feedback: text(2000).nullable(),
  /** Feedback after completion: what the reference said (quotable). */
  referenceSaid: text(2000).nullable(),
  /** Why it was declined or cancelled. */
  closedReason: text(500).nullable(),
  /** When it was completed, declined or cancelled. */
  closedAt: z.string().nullable(),
  ...stamps,
});
export type ReferenceRequest = z.infer<typeof referenceRequest>;

/** A request as lists show it: with the names around it and its age. */
export const requestRow = referenceRequest.extend({
  accountId: id,
  accountName: z.string(),
  /** Who approves requests: the reference account's owner (CSM). */
  accountOwner: z.string().nullable(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  /** The deal's prospect, when the request is for a deal. */
  prospect: z.string().nullable(),
  /** Whole days from requestedAt to closedAt (or now while open). */
  daysOpen: z.number().int().nonnegative(),
  /** Awaiting an answer (requested or approved) for more than slaDays days: shared/requestSla.ts, the figure leverage.programFigures counts. */
  overdueSla: z.boolean(),
  /** The programme's promise to sales: days a request may stay open (settings, leverage.requestSlaDays). */
  slaDays: z.number().int().positive(),
});
export type RequestRow = z.infer<typeof requestRow>;

/** What the requests log can be sorted by. */
export const REQUEST_SORT_FIELDS = ['requestedAt', 'neededBy', 'status', 'activity', 'updatedAt'] as const;

const transition = <Shape extends z.ZodRawShape>(shape: Shape) => z.strictObject({ id, ...shape });

export const requestsContract = {
  'requests.list': {
    input: listInput(
      REQUEST_SORT_FIELDS,
      z.object({
        status: oneOrMany(requestStatus),
        referenceId: oneOrMany(id),
        dealId: oneOrMany(id),
        activity: oneOrMany(referenceActivity),
      }),
    ).extend({
      /** Only requested, approved and scheduled requests. */
      openOnly: z.boolean().default(false),
    }),
    output: pageOf(requestRow),
  },
  'requests.get': { input: idInput, output: requestRow },
  'requests.create': {
    input: z.strictObject({
      referenceId: id,
      dealId: id.nullable().optional(),
      requester: requiredText(100),
      activity: referenceActivity,
      neededBy: calendarDate.nullable().optional(),
    }),
    output: requestRow,
  },
  /** The account owner agrees that the reference may be asked. */
  'requests.approve': { input: transition({ by: requiredText(100) }), output: requestRow },
  /** Set (or move) the date it takes place; needs an approved request. */
  'requests.schedule': { input: transition({ scheduledFor: instant }), output: requestRow },
  'requests.complete': {
    input: transition({
      happened: z.boolean(),
      rating: z.number().int().min(1, 'must be 1-5').max(5, 'must be 1-5').nullable().optional(),
      feedback: text(2000).nullable().optional(),
      referenceSaid: text(2000).nullable().optional(),
      /** Defaults to now. */
      completedAt: instant.optional(),
    }),
    output: requestRow,
  },
  'requests.decline': { input: transition({ reason }), output: requestRow },
  'requests.cancel': { input: transition({ reason }), output: requestRow },
} as const;
