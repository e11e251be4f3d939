import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import { OPEN_REQUEST_STATUSES, type RequestRow } from '../../../shared/contract/requests';
import { notFound } from '../errors';
import { containsPattern } from '../references/repo';
import { requestAge, type AgeBasis } from './lifecycle';

// The only queries of reference requests: a request with the reference's account and contact and
// the deal's prospect around it.

function joined(db: Kysely<any>) {
  return db
    .selectFrom('referenceRequests as q')
    .innerJoin('references as r', 'r.id', 'q.referenceId')
    .innerJoin('accounts as a', 'a.id', 'r.accountId')
    .leftJoin('deals as d', 'd.id', 'q.dealId');
}

type Stored = Omit<RequestRow, 'happened' | 'daysOpen' | 'overdueSla' | 'slaDays'> & { happened: 0 | 1 | null };

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

export async function listRequests(db: Kysely<any>, query: ParsedInput<'requests.list'>, basis: AgeBasis) {
  let where = joined(db);
  const { status, referenceId, dealId, activity } = query.filter ?? {};
  const equalOrIn = (field: string, value: unknown) => {
    if (value !== undefined) where = where.where(field, Array.isArray(value) ? 'in' : '=', value);
  };
  equalOrIn('q.status', status);
  equalOrIn('q.referenceId', referenceId);
  equalOrIn('q.dealId', dealId);
  equalOrIn('q.activity', activity);
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
  return { rows: rows.map((row) => decode(row as Stored, basis)), total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getRequest(db: Kysely<any>, id: number, basis: AgeBasis): Promise<RequestRow> {
  const row = await selectRow(joined(db)).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('request', id);
  return decode(row as Stored, basis);
}

/** A reference's latest requests, newest first. */
export async function recentRequestsOf(db: Kysely<any>, referenceId: number, basis: AgeBasis, limit = 20): Promise<RequestRow[]> {
  const rows = await selectRow(joined(db))
    .where('q.referenceId', '=', referenceId)
    .orderBy('q.requestedAt', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => decode(row as Stored, basis));
}

export async function insertRequest(db: Kysely<any>, values: Record<string, unknown>): Promise<number> {
  const inserted = await db.insertInto('referenceRequests').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateRequest(db: Kysely<any>, id: number, values: Record<string, unknown>): Promise<void> {
  await db.updateTable('referenceRequests').set(values).where('id', '=', id).execute();
}
