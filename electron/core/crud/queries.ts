import { sql, type Kysely } from 'kysely';
import { describeIssues } from '../../../shared/contract/refine';
import { CoreError, notFound } from '../errors';
import { decodeRow, encodeValues, type Row, type TableSpec } from './table';

export interface ListQuery {
  page: number;
  pageSize: number;
  sort?: { field: string; direction: 'asc' | 'desc' };
  search?: string;
  filter?: Record<string, unknown>;
  from?: string;
  to?: string;
  includeArchived: boolean;
}

export interface Page {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Paging, one sort with id as tie-breaker, equality/IN filters, a time window and text search. */
export async function listRows(db: Kysely<any>, spec: TableSpec, query: ListQuery): Promise<Page> {
  let where = db.selectFrom(spec.table);
  if (!query.includeArchived) where = where.where('archivedAt', 'is', null);
  for (const [field, value] of Object.entries(query.filter ?? {})) {
    if (value === undefined) continue;
    const stored = spec.flags?.includes(field) ? Number(value) : value;
    where = Array.isArray(stored) ? where.where(field, 'in', stored) : where.where(field, '=', stored);
  }
  if (spec.time && query.from) where = where.where(spec.time, '>=', query.from);
  if (spec.time && query.to) where = where.where(spec.time, '<', query.to);
  const term = query.search?.trim();
  if (term && spec.search?.length) {
    const pattern = `%${escapeLike(term)}%`;
    where = where.where((eb) =>
      eb.or(spec.search!.map((field) => eb(field, 'like', sql<string>`${pattern} ESCAPE '\\'`))),
    );
  }

  const sort = query.sort ?? spec.defaultSort;
  const [rows, count] = await Promise.all([
    where
      .selectAll()
      .orderBy(sort.field, sort.direction)
      .orderBy('id', sort.direction)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    where.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => decodeRow(spec, row)), total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getRow(db: Kysely<any>, spec: TableSpec, id: number): Promise<Row> {
  const row = await db.selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(spec.label, id);
  return decodeRow(spec, row);
}

/** Unknown foreign ids become NOT_FOUND naming the field, not a bare SQLite constraint error. */
async function checkReferences(db: Kysely<any>, spec: TableSpec, values: Row): Promise<void> {
  for (const [field, target] of Object.entries(spec.references ?? {})) {
    const id = values[field];
    if (id === undefined || id === null) continue;
    const found = await db.selectFrom(target.table).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) {
      throw new CoreError('NOT_FOUND', `${field}: ${target.label} ${String(id)} does not exist`, [
        { path: field, message: `${target.label} ${String(id)} does not exist` },
      ]);
    }
  }
}

export async function insertRow(db: Kysely<any>, spec: TableSpec, values: Row, now: Date): Promise<Row> {
  await checkReferences(db, spec, values);
  const stamp = now.toISOString();
  const inserted = await db
    .insertInto(spec.table)
    .values({ ...encodeValues(spec, values), createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getRow(db, spec, Number(inserted.id));
}

export async function updateRow(db: Kysely<any>, spec: TableSpec, id: number, patch: Row, now: Date): Promise<Row> {
  const stored = await getRow(db, spec, id);
  await checkReferences(db, spec, patch);
  const issues = spec.check?.({ ...stored, ...patch }) ?? [];
  if (issues.length > 0) throw new CoreError('BAD_INPUT', describeIssues(issues), issues);
  const values = encodeValues(spec, patch);
  if (Object.keys(values).length > 0) {
    await db.updateTable(spec.table).set({ ...values, updatedAt: now.toISOString() }).where('id', '=', id).execute();
  }
  return getRow(db, spec, id);
}

/** Soft delete: the row stays, hidden from lists, until the user purges it. */
export async function setArchived(db: Kysely<any>, spec: TableSpec, id: number, archived: boolean, now: Date): Promise<Row> {
  const current = await getRow(db, spec, id);
  // Archiving twice keeps the first date: when it was archived is what the user needs to know.
  if ((current.archivedAt !== null) === archived) return current;
  const stamp = now.toISOString();
  await db
    .updateTable(spec.table)
    .set({ archivedAt: archived ? stamp : null, updatedAt: stamp })
    .where('id', '=', id)
    .execute();
  return getRow(db, spec, id);
}
