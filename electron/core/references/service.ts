import type { ParsedInput } from '../../../shared/contract';
import { CoreError, notFound } from '../errors';
import { consentsOfContact, contactOf, getReference, liveReferenceOfAccount, logStageChange } from './repo';
import { stageMoveProblem } from './stages';
import { alreadyInProgramme, worksElsewhere } from './liveRule';
import type { Db } from '../db/schema';

// The programme's rules: one live reference per account, its contact from that account, the
// transition table, and no recruiting without consent on file.

/** A contact may speak for a reference only if they work at its account. */
export async function checkContact(db: Db, accountId: number, contactId: number | null | undefined) {
  if (contactId === undefined || contactId === null) return;
  const contact = await contactOf(db, contactId);
  if (!contact) throw new CoreError('NOT_FOUND', `contactId: contact ${contactId} does not exist`, [{ path: 'contactId', message: `contact ${contactId} does not exist` }]);
  if (contact.accountId !== accountId) {
    const message = worksElsewhere(contact.name);
    throw new CoreError('BAD_INPUT', `contactId: ${message}`, [{ path: 'contactId', message }]);
  }
}

export async function createReference(db: Db, input: ParsedInput<'references.create'>, now: string) {
  const account = await db.selectFrom('accounts').select(['id', 'name', 'archivedAt']).where('id', '=', input.accountId).executeTakeFirst();
  if (!account)
    throw new CoreError('NOT_FOUND', `accountId: account ${input.accountId} does not exist`, [{ path: 'accountId', message: `account ${input.accountId} does not exist` }]);
  if (account.archivedAt !== null) throw new CoreError('CONFLICT', `${account.name} is archived: restore the account before nominating it`);
  const existing = await liveReferenceOfAccount(db, input.accountId);
  if (existing) throw new CoreError('CONFLICT', alreadyInProgramme(account.name, existing));
  await checkContact(db, input.accountId, input.contactId);
  const inserted = await db
    .insertInto('references')
    .values({
      accountId: input.accountId,
      contactId: input.contactId ?? null,
      stage: 'candidate',
      usageLimitPerQuarter: input.usageLimitPerQuarter ?? null,
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  await logStageChange(db, { referenceId: id, fromStage: null, toStage: 'candidate', changedBy: input.by, changedAt: now, reason: input.reason || null });
  return id;
}

export async function updateReference(db: Db, { id, ...patch }: ParsedInput<'references.update'>, now: string) {
  const current = await getReference(db, id);
  await checkContact(db, current.accountId, patch.contactId);
  if (Object.keys(patch).length > 0)
    await db
      .updateTable('references')
      .set({ ...patch, updatedAt: now })
      .where('id', '=', id)
      .execute();
}

/** Recruiting means the contact said yes to something: at least one consent valid now. */
async function consentProblem(db: Db, reference: { id: number; contactId: number | null; contactName: string | null }, now: string): Promise<string | null> {
  if (reference.contactId === null) return `reference ${reference.id} has no contact: choose the contact and record their consent before recruiting`;
  const consents = await consentsOfContact(db, reference.contactId, now);
  if (consents.some((consent) => consent.state === 'valid')) return null;
  const who = reference.contactName ?? 'the contact';
  const states = consents.map((c) => `${c.activity.replace(/_/g, ' ')} ${c.state.replace('_', ' ')}`).join(', ');
  return consents.length === 0
    ? `cannot recruit without consent: ${who} has no consent on file; record one in the consent ledger first`
    : `cannot recruit without consent: none of ${who}'s consents is valid now (${states}); record a new one first`;
}

export async function moveReference(db: Db, input: ParsedInput<'references.move'>, now: string) {
  const reference = await getReference(db, input.id);
  if (reference.archivedAt !== null) throw new CoreError('CONFLICT', `reference ${input.id} is archived: it cannot change stage`);
  const from = reference.stage;
  const problem = stageMoveProblem(from, input.stage);
  if (problem) throw new CoreError('CONFLICT', problem);
  if (input.stage === 'recruited') {
    const missing = await consentProblem(db, reference, now);
    if (missing) throw new CoreError('CONFLICT', missing);
  }
  await db.updateTable('references').set({ stage: input.stage, updatedAt: now }).where('id', '=', input.id).execute();
  await logStageChange(db, { referenceId: input.id, fromStage: from, toStage: input.stage, changedBy: input.by, changedAt: now, reason: input.reason || null });
}

export async function contactOfReference(db: Db, referenceId: number) {
  const row = await db
    .selectFrom('references as r')
    .leftJoin('contacts as c', 'c.id', 'r.contactId')
    .select(['r.id', 'r.contactId', 'c.name as contactName'])
    .where('r.id', '=', referenceId)
    .executeTakeFirst();
  if (!row) throw notFound('reference', referenceId);
  return row;
}

export async function grantConsent(db: Db, input: ParsedInput<'references.grantConsent'>, now: string) {
  const { contactId } = await contactOfReference(db, input.referenceId);
  if (contactId === null) {
    throw new CoreError('BAD_INPUT', `reference ${input.referenceId} has no contact: consent is given by a person, so choose the contact first`);
  }
  const grantedAt = input.grantedAt ?? now;
  if (input.expiresAt && input.expiresAt <= grantedAt) {
    throw new CoreError('BAD_INPUT', 'expiresAt: must be after grantedAt', [{ path: 'expiresAt', message: 'must be after grantedAt' }]);
  }
  const inserted = await db
    .insertInto('consents')
    .values({
      contactId,
      activity: input.activity,
      grantedAt,
      grantedBy: input.grantedBy,
      expiresAt: input.expiresAt ?? null,
      restrictions: input.restrictions || null,
      rules: JSON.stringify(input.rules),
      revokedAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}
