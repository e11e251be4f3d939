import type { ParsedInput } from '../../../shared/contract';
import { OPEN_REQUEST_STATUSES } from '../../../shared/contract/requests';
import { CoreError, notFound } from '../errors';
import { ruleViolation, type Prospect } from '../leverage/gates';
import { consentsOfContact } from '../references/repo';
import { requestActionProblem, type RequestAction } from './lifecycle';
import { insertRequest, updateRequest } from './repo';
import type { Db } from '../db/schema';

// The request rules: only references in the programme can be asked, only for an activity their
// contact consented to and within that consent's restrictions (the finder's own rule check), and
// each status change only from the statuses the lifecycle allows.

const ASKABLE_STAGES = ['recruited', 'active'];
const words = (activity: string) => activity.replace(/_/g, ' ');

async function askableReference(db: Db, referenceId: number) {
  const reference = await db
    .selectFrom('references as r')
    .innerJoin('accounts as a', 'a.id', 'r.accountId')
    .leftJoin('contacts as c', 'c.id', 'r.contactId')
    .select(['r.id', 'r.stage', 'r.contactId', 'r.archivedAt', 'a.name as accountName', 'c.name as contactName'])
    .where('r.id', '=', referenceId)
    .executeTakeFirst();
  if (!reference)
    throw new CoreError('NOT_FOUND', `referenceId: reference ${referenceId} does not exist`, [{ path: 'referenceId', message: `reference ${referenceId} does not exist` }]);
  if (reference.archivedAt !== null) throw new CoreError('CONFLICT', `${reference.accountName} is archived: it is no longer in the reference programme`);
  if (!ASKABLE_STAGES.includes(reference.stage)) {
    throw new CoreError('CONFLICT', `${reference.accountName} is ${reference.stage}: only recruited or active references can be asked`);
  }
  return reference;
}

/**
 * Expired, revoked or missing consent blocks the activity, and so does a deal the consent's rules
 * exclude ("EMEA prospects only"); the message says which.
 */
async function checkConsent(
  db: Db,
  reference: { id: number; contactId: number | null; accountName: string; contactName: string | null },
  activity: string,
  prospect: Prospect | null,
  now: string,
) {
  const refuse = (why: string) => {
    const message = `no valid consent for ${words(activity)}: ${why}`;
    throw new CoreError('BAD_INPUT', `activity: ${message}`, [{ path: 'activity', message }]);
  };
  if (reference.contactId === null) refuse(`${reference.accountName} has no reference contact`);
  const consents = (await consentsOfContact(db, reference.contactId!, now)).filter((consent) => consent.activity === activity);
  const valid = consents.find((consent) => consent.state === 'valid');
  if (valid) {
    const broken = prospect && ruleViolation(valid.rules, prospect, valid.restrictions);
    if (!broken) return;
    const message = `${reference.contactName ?? 'the contact'}'s consent for ${words(activity)} is ${broken}`;
    throw new CoreError('BAD_INPUT', `dealId: ${message}`, [{ path: 'dealId', message }]);
  }
  const who = reference.contactName ?? 'the contact';
  if (consents.length === 0) refuse(`${who} has not consented to it`);
  const latest = consents[0]!;
  if (latest.state === 'expired') refuse(`${who}'s consent expired on ${latest.expiresAt!.slice(0, 10)}`);
  if (latest.state === 'revoked') refuse(`${who} revoked it on ${latest.revokedAt!.slice(0, 10)}`);
  refuse(`${who}'s consent starts on ${latest.grantedAt.slice(0, 10)}`);
}

/**
 * One open request per reference and deal: a second would ask the same customer twice for one
 * prospect (the finder disables it; this is the rule for every caller). A closed one may be asked again.
 */
async function refuseSecondOpen(db: Db, reference: { id: number; accountName: string }, deal: { id: number; name: string }) {
  const open = await db
    .selectFrom('referenceRequests')
    .select(['id', 'status', 'requestedAt'])
    .where('referenceId', '=', reference.id)
    .where('dealId', '=', deal.id)
    .where('status', 'in', OPEN_REQUEST_STATUSES)
    .orderBy('requestedAt', 'desc')
    .executeTakeFirst();
  if (!open) return;
  const message = `${reference.accountName} already has an open request for deal ${deal.name}: request ${open.id} of ${open.requestedAt.slice(0, 10)} is ${open.status}; complete, decline or cancel it before asking again`;
  throw new CoreError('CONFLICT', message, [{ path: 'dealId', message }]);
}

export async function createRequest(db: Db, input: ParsedInput<'requests.create'>, now: string): Promise<number> {
  const reference = await askableReference(db, input.referenceId);
  let prospect: Prospect | null = null;
  if (input.dealId !== undefined && input.dealId !== null) {
    const deal = await db.selectFrom('deals').select(['prospect as name', 'industry', 'region']).where('id', '=', input.dealId).executeTakeFirst();
    if (!deal) throw new CoreError('NOT_FOUND', `dealId: deal ${input.dealId} does not exist`, [{ path: 'dealId', message: `deal ${input.dealId} does not exist` }]);
    await refuseSecondOpen(db, reference, { id: input.dealId, name: deal.name });
    prospect = deal;
  }
  await checkConsent(db, reference, input.activity, prospect, now);
  return insertRequest(db, {
    referenceId: input.referenceId,
    dealId: input.dealId ?? null,
    requester: input.requester,
    activity: input.activity,
    requestedAt: now,
    neededBy: input.neededBy ?? null,
    status: 'requested',
    createdAt: now,
    updatedAt: now,
  });
}

async function current(db: Db, id: number) {
  const row = await db.selectFrom('referenceRequests').select(['id', 'referenceId', 'status', 'requestedAt']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('request', id);
  return row;
}

function notBefore(field: string, value: string, requestedAt: string) {
  if (value < requestedAt) {
    const message = `cannot be before the request was made (${requestedAt.slice(0, 10)})`;
    throw new CoreError('BAD_INPUT', `${field}: ${message}`, [{ path: field, message }]);
  }
}

/** Applies one lifecycle step after checking it is allowed from the stored status; returns the reference id. */
export async function transition(db: Db, id: number, action: RequestAction, values: (request: { requestedAt: string }) => Record<string, unknown>, now: string): Promise<number> {
  const request = await current(db, id);
  const problem = requestActionProblem(id, request.status, action);
  if (problem) throw new CoreError('CONFLICT', problem);
  await updateRequest(db, id, { ...values(request), updatedAt: now });
  return request.referenceId;
}

export const stepValues = {
  approve: (input: ParsedInput<'requests.approve'>, now: string) => () => ({ status: 'approved', approvedBy: input.by, approvedAt: now }),
  schedule: (input: ParsedInput<'requests.schedule'>) => (request: { requestedAt: string }) => {
    notBefore('scheduledFor', input.scheduledFor, request.requestedAt);
    return { status: 'scheduled', scheduledFor: input.scheduledFor };
  },
  complete: (input: ParsedInput<'requests.complete'>, now: string) => (request: { requestedAt: string }) => {
    const completedAt = input.completedAt ?? now;
    notBefore('completedAt', completedAt, request.requestedAt);
    return {
      status: 'completed',
      completedAt,
      closedAt: completedAt,
      happened: input.happened ? 1 : 0,
      rating: input.rating ?? null,
      feedback: input.feedback || null,
      referenceSaid: input.referenceSaid || null,
    };
  },
  close: (status: 'declined' | 'cancelled', reason: string, now: string) => () => ({ status, closedReason: reason, closedAt: now }),
};
