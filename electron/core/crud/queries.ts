import { sql, type Generated, type Kysely } from 'kysely';
import { describeIssues } from '../../../shared/contract/refine';
import type { Db } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { conditionsSql, CUSTOM_KIND_OF_TABLE, queryFields, sortKeySql, type CustomListQuery } from '../db/customFieldQueries';
import { decodeRow, encodeValues, type CrudTable, type IdTable, type Row, type TableSpec } from './table';

/**
 * The generic queries name columns chosen at run time (a spec's fields, a list's sort and filters,
 * all validated by the channel's contract), so they see each table as the columns every served
 * table shares plus any others. This one view is the only place the typed workspace is loosened.
 */
interface AnyRow {
  id: Generated<number>;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  [column: string]: unknown;
}
type GenericDb = Kysely<Record<CrudTable | IdTable, AnyRow>>;
const generic = (db: Db): GenericDb => db as unknown as GenericDb;

export interface ListQuery extends CustomListQuery {
  page: number;
  pageSize: number;
  sort?: { field: string; direction: 'asc' | 'desc' };
  search?: string;
  filter?: Record<string, unknown>;
  from?: string;
  to?: string;
  includeArchived: boolean;
}

export interface Page<T extends Row = Row> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Paging, one sort with id as tie-breaker, equality/IN filters, a time window and text search. */
export async function listRows<T extends Row>(typed: Db, spec: TableSpec<T>, query: ListQuery): Promise<Page<T>> {
  let where = generic(typed).selectFrom(spec.table);
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
    where = where.where((eb) => eb.or(spec.search!.map((field) => eb(field, 'like', sql<string>`${pattern} ESCAPE '\\'`))));
  }

  // Custom fields (issue 13): filters as `id IN (matching values)`, a sort by one field's value.
  const kind = CUSTOM_KIND_OF_TABLE[spec.table];
  const fields = kind && (query.customFilters?.length || query.customSort) ? await queryFields(typed, kind, query) : undefined;
  const idRef = sql.ref(`${spec.table}.id`);
  for (const condition of fields ? conditionsSql(fields, query, idRef) : []) where = where.where(condition);
  const customSort = fields && query.customSort ? { key: sortKeySql(fields.get(query.customSort.fieldId)!, idRef), direction: query.customSort.direction } : undefined;

  const sort = query.sort ?? spec.defaultSort;
  const ordered = customSort
    ? where
        .selectAll()
        .orderBy(sql`${customSort.key} IS NULL`)
        .orderBy(customSort.key, customSort.direction)
    : where.selectAll().orderBy(sort.field, sort.direction);
  const direction = customSort?.direction ?? sort.direction;
  const [rows, count] = await Promise.all([
    ordered
      .orderBy('id', direction)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    where.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => decodeRow(spec, row)), total: Number(count.total), page: query.page, pageSize: query.pageSize };
}

export async function getRow<T extends Row>(db: Db, spec: TableSpec<T>, id: number): Promise<T> {
  const row = await generic(db).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(spec.label, id);
  return decodeRow(spec, row);
}

/** Unknown foreign ids become NOT_FOUND naming the field, not a bare SQLite constraint error. */
async function checkReferences<T extends Row>(db: Db, spec: TableSpec<T>, values: Row): Promise<void> {
  for (const [field, target] of Object.entries(spec.references ?? {})) {
    const id = values[field];
    if (id === undefined || id === null) continue;
    const found = await generic(db).selectFrom(target.table).select('id').where('id', '=', Number(id)).executeTakeFirst();
    if (!found) {
      throw new CoreError('NOT_FOUND', `${field}: ${target.label} ${Number(id)} does not exist`, [{ path: field, message: `${target.label} ${Number(id)} does not exist` }]);
    }
  }
}

export async function insertRow<T extends Row>(db: Db, spec: TableSpec<T>, values: Row, now: Date): Promise<T> {
  await checkReferences(db, spec, values);
  const stamp = now.toISOString();
  const inserted = await generic(db)
    .insertInto(spec.table)
    .values({ ...encodeValues(spec, values), createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getRow(db, spec, Number(inserted.id));
}

export async function updateRow<T extends Row>(db: Db, spec: TableSpec<T>, id: number, patch: Row, now: Date): Promise<T> {
  const stored = await getRow(db, spec, id);
  await checkReferences(db, spec, patch);
  const issues = spec.check?.({ ...stored, ...patch }) ?? [];
  if (issues.length > 0) throw new CoreError('BAD_INPUT', describeIssues(issues), issues);
  const values = encodeValues(spec, patch);
  if (Object.keys(values).length > 0) {
    await generic(db)
      .updateTable(spec.table)
      .set({ ...values, updatedAt: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return getRow(db, spec, id);
}

/** Soft delete: the row stays, hidden from lists, until the user purges it. */
export async function setArchived<T extends Row>(db: Db, spec: TableSpec<T>, id: number, archived: boolean, now: Date): Promise<T> {
  const current = await getRow(db, spec, id);
  // Archiving twice keeps the first date: when it was archived is what the user needs to know.
  if ((current.archivedAt !== null) === archived) return current;
  const stamp = now.toISOString();
  await generic(db)
    .updateTable(spec.table)
    .set({ archivedAt: archived ? stamp : null, updatedAt: stamp })
    .where('id', '=', id)
    .execute();
  return getRow(db, spec, id);
}
