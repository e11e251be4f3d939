import type { Insertable, Updateable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import { OPEN_REQUEST_STATUSES, type RequestRow } from '../../../shared/contract/requests';
import { notFound } from '../errors';
import { containsPattern } from '../references/repo';
import { requestAge, type AgeBasis } from './lifecycle';
import type { Db, ReferenceRequestsTable } from '../db/schema';

// The only queries of reference requests: a request with the reference's account and contact and
// the deal's prospect around it.

function joined(db: Db) {
  return db
    .selectFrom('referenceRequests as q')
    .innerJoin('references as r', 'r.id', 'q.referenceId')
    .innerJoin('accounts as a', 'a.id', 'r.accountId')
    .leftJoin('deals as d', 'd.id', 'q.dealId');
}

type Stored = Omit<RequestRow, 'happened' | 'daysOpen' | 'overdueSla' | 'slaDays'> & { happened: number | null };

function selectRow(query: ReturnType<typeof joined>) {
  return query
    .leftJoin('contacts as c', 'c.id', 'r.contactId')
    .selectAll('q')
    .select(['r.accountId', 'a.name as accountName', 'a.owner as accountOwner', 'r.contactId', 'c.name as contactName', 'd.prospect']);
}

const decode = (row: Stored, basis: AgeBasis): RequestRow => ({
  ...row,
  happened: row.happened === null ? null : row.happened === 1,
  ...requestAge(row, basis),
});

const SORTS = { requestedAt: 'q.requestedAt', neededBy: 'q.neededBy', status: 'q.status', activity: 'q.activity', updatedAt: 'q.updatedAt' } as const;

export async function listRequests(db: Db, query: ParsedInput<'requests.list'>, basis: AgeBasis) {
  let where = joined(db);
  const { status, referenceId, dealId, activity } = query.filter ?? {};
  const equalOrIn = <V>(value: V | readonly V[] | undefined) => (Array.isArray(value) ? 'in' : '=');
  if (status !== undefined) where = where.where('q.status', equalOrIn(status), status);
  if (referenceId !== undefined) where = where.where('q.referenceId', equalOrIn(referenceId), referenceId);
  if (dealId !== undefined) where = where.where('q.dealId', equalOrIn(dealId), dealId);
  if (activity !== undefined) where = where.where('q.activity', equalOrIn(activity), activity);
  if (query.openOnly) where = where.where('q.status', 'in', OPEN_REQUEST_STATUSES);
  if (query.from) where = where.where('q.requestedAt', '>=', query.from);
  if (query.to) where = where.where('q.requestedAt', '<', query.to);
  const term = query.search?.trim();
  if (term) {
    const pattern = containsPattern(term);
    where = where.where((eb) => eb.or([eb('a.name', 'like', pattern), eb('d.prospect', 'like', pattern), eb('q.requester', 'like', pattern)]));
  }

  const sort = query.sort ?? { field: 'requestedAt', direction: 'desc' as const };
  const [rows, count] = await Promise.all([
    selectRow(where)
      .orderBy(SORTS[sort.field], sort.direction)
      .orderBy('q.id', sort.direction)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    where.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => decode(row, basis)), total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getRequest(db: Db, id: number, basis: AgeBasis): Promise<RequestRow> {
  const row = await selectRow(joined(db)).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('request', id);
  return decode(row, basis);
}

/** A reference's latest requests, newest first. */
export async function recentRequestsOf(db: Db, referenceId: number, basis: AgeBasis, limit = 20): Promise<RequestRow[]> {
  const rows = await selectRow(joined(db)).where('q.referenceId', '=', referenceId).orderBy('q.requestedAt', 'desc').orderBy('q.id', 'desc').limit(limit).execute();
  return rows.map((row) => decode(row, basis));
}

export async function insertRequest(db: Db, values: Insertable<ReferenceRequestsTable>): Promise<number> {
  const inserted = await db.insertInto('referenceRequests').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateRequest(db: Db, id: number, values: Updateable<ReferenceRequestsTable>): Promise<void> {
  await db.updateTable('referenceRequests').set(values).where('id', '=', id).execute();
}
