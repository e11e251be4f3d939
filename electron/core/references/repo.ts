import { CompiledQuery, sql } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { Consent, ReferenceRow, ReferenceStage, StageChange } from '../../../shared/contract/references';
import { notFound } from '../errors';
import { consentStateAt } from './consentState';
import { LIVE_REFERENCE_OF_ACCOUNT_SQL, type LiveReference } from './liveRule';
import type { Db } from '../db/schema';

// The only queries of the reference programme: references with their names, the stage log and the
// consent ledger.

/** A LIKE pattern matching `term` anywhere, its wildcards taken literally. */
export const containsPattern = (term: string) => sql<string>`${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;

/** When it entered its current stage: the last logged change, or its creation for rows without a log. */
const stageSince = sql<string>`coalesce((SELECT max(s.changed_at) FROM reference_stage_changes s WHERE s.reference_id = r.id), r.created_at)`;

function referenceRows(db: Db) {
  return db
    .selectFrom('references as r')
    .innerJoin('accounts as a', 'a.id', 'r.accountId')
    .leftJoin('contacts as c', 'c.id', 'r.contactId')
    .selectAll('r')
    .select(['a.name as accountName', 'c.name as contactName', stageSince.as('stageSince')]);
}

const SORTS = { accountName: 'a.name', stage: 'r.stage', stageSince: 'stageSince', createdAt: 'r.createdAt', updatedAt: 'r.updatedAt' } as const;

export async function listReferences(db: Db, query: ParsedInput<'references.list'>) {
  let where = db.selectFrom('references as r').innerJoin('accounts as a', 'a.id', 'r.accountId');
  if (!query.includeArchived) where = where.where('r.archivedAt', 'is', null);
  const { stage, accountId } = query.filter ?? {};
  if (stage !== undefined) where = where.where('r.stage', Array.isArray(stage) ? 'in' : '=', stage);
  if (accountId !== undefined) where = where.where('r.accountId', Array.isArray(accountId) ? 'in' : '=', accountId);
  if (query.from) where = where.where('r.createdAt', '>=', query.from);
  if (query.to) where = where.where('r.createdAt', '<', query.to);
  const term = query.search?.trim();
  if (term) where = where.where('a.name', 'like', containsPattern(term));

  const sort = query.sort ?? { field: 'accountName', direction: 'asc' as const };
  const [rows, count] = await Promise.all([
    where
      .leftJoin('contacts as c', 'c.id', 'r.contactId')
      .selectAll('r')
      .select(['a.name as accountName', 'c.name as contactName', stageSince.as('stageSince')])
      .orderBy(SORTS[sort.field], sort.direction)
      .orderBy('r.id', sort.direction)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    where.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows satisfies ReferenceRow[], total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getReference(db: Db, id: number): Promise<ReferenceRow> {
  const row = await referenceRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('reference', id);
  return row;
}

/** The account's reference still in the programme (not archived), if any. */
export async function liveReferenceOfAccount(db: Db, accountId: number): Promise<LiveReference | undefined> {
  // The rule's one query (liveRule.ts), which an import asks on its own connection too.
  const result = await db.executeQuery<LiveReference>(CompiledQuery.raw(LIVE_REFERENCE_OF_ACCOUNT_SQL, [accountId]));
  return result.rows[0];
}

export async function contactOf(db: Db, contactId: number) {
  return db.selectFrom('contacts').select(['id', 'accountId', 'name']).where('id', '=', contactId).executeTakeFirst();
}

export async function stageHistory(db: Db, referenceId: number): Promise<StageChange[]> {
  return await db
    .selectFrom('referenceStageChanges')
    .select(['id', 'referenceId', 'fromStage', 'toStage', 'changedBy', 'changedAt', 'reason'])
    .where('referenceId', '=', referenceId)
    .orderBy('changedAt')
    .orderBy('id')
    .execute();
}

export async function logStageChange(
  db: Db,
  change: { referenceId: number; fromStage: ReferenceStage | null; toStage: ReferenceStage; changedBy: string; changedAt: string; reason: string | null },
) {
  await db.insertInto('referenceStageChanges').values(change).execute();
}

type StoredConsent = Omit<Consent, 'state' | 'rules'> & { rules: string };

const decodeConsent = (row: StoredConsent, at: string): Consent => ({
  ...row,
  rules: JSON.parse(row.rules) as Consent['rules'],
  state: consentStateAt(row, at),
});

/** A contact's consents, newest grant first, each with its state at `at`. */
export async function consentsOfContact(db: Db, contactId: number, at: string): Promise<Consent[]> {
  const rows = await db.selectFrom('consents').selectAll().where('contactId', '=', contactId).orderBy('grantedAt', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => decodeConsent(row, at));
}

export async function getConsent(db: Db, id: number, at: string): Promise<Consent> {
  const row = await db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('consent', id);
  return decodeConsent(row, at);
}

/** Every reference still in the programme with the stages its log has seen, for the funnel. */
export async function stagePaths(db: Db) {
  const rows = await db
    .selectFrom('references as r')
    .leftJoin('referenceStageChanges as s', 's.referenceId', 'r.id')
    .select(['r.id', 'r.stage', 's.toStage'])
    .where('r.archivedAt', 'is', null)
    .execute();
  const paths = new Map<number, { stage: ReferenceStage; visited: ReferenceStage[] }>();
  for (const row of rows) {
    const path = paths.get(row.id) ?? { stage: row.stage, visited: [] };
    if (row.toStage) path.visited.push(row.toStage);
    paths.set(row.id, path);
  }
  return [...paths.values()];
}
