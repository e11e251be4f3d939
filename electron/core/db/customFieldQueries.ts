import type Database from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import type { CustomCondition, CustomFieldKind, CustomFieldType, CustomValue } from '../../../shared/contract/customFields';
import type { Db } from './schema';
import { CoreError } from '../errors';

// Custom fields in a table's list query (issue 13): filters and a sort by a field kept from an
// import, paged in the core. Each filter is `id IN (the field's matching values)`, a subquery SQLite
// runs once through the field's index (custom_field_values_number / _text, migration 0009), never
// a lookup per listed row; the sort reads one value per row through the (field_id, record_id) key.

export interface CustomListQuery {
  customFilters?: CustomCondition[];
  customSort?: { fieldId: number; direction: 'asc' | 'desc' };
}

export interface FieldInfo {
  id: number;
  name: string;
  type: CustomFieldType;
}

/** The custom-field kind of a table the generic list serves, when its records can carry custom fields. */
export const CUSTOM_KIND_OF_TABLE: Readonly<Record<string, CustomFieldKind>> = { accounts: 'accounts', contacts: 'contacts', tickets: 'tickets', purchases: 'purchases' };

/** The fields a query names, checked to be the kind's: an unknown id is NOT_FOUND naming it. */
export async function queryFields(db: Db, kind: CustomFieldKind, query: CustomListQuery): Promise<Map<number, FieldInfo>> {
  const ids = [...new Set([...(query.customFilters ?? []).map((c) => c.fieldId), ...(query.customSort ? [query.customSort.fieldId] : [])])];
  if (ids.length === 0) return new Map();
  const { rows } = await sql<FieldInfo>`SELECT id, name, type FROM custom_fields WHERE record_kind = ${kind} AND id IN (${sql.join(ids)})`.execute(db);
  const fields = new Map(rows.map((row) => [row.id, row]));
  const unknown = ids.find((fieldId) => !fields.has(fieldId));
  if (unknown !== undefined) throw new CoreError('NOT_FOUND', `custom field ${unknown} is not a custom field of ${kind}`);
  return fields;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function refuse(field: FieldInfo, message: string): never {
  throw new CoreError('BAD_INPUT', `customFilters: '${field.name}' is a ${field.type} field: ${message}`, [{ path: 'customFilters', message: `'${field.name}': ${message}` }]);
}

/** The value test of one condition inside the field's values (`v`), or refused when the field's type cannot take it. */
function valueTest(field: FieldInfo, condition: CustomCondition): RawBuilder<unknown> {
  const numeric = field.type === 'number' || field.type === 'bool';
  switch (condition.op) {
    case 'contains':
      if (field.type !== 'text' && field.type !== 'choice') refuse(field, 'only text and choice fields are searched for text; use equals or a range');
      return sql`v.value LIKE ${`%${escapeLike(condition.text)}%`} ESCAPE '\\'`;
    case 'equals': {
      const value = condition.value;
      if (field.type === 'number') return typeof value === 'number' ? sql`v.number = ${value}` : refuse(field, `'${String(value)}' is not a number`);
      if (field.type === 'bool') return typeof value === 'boolean' ? sql`v.number = ${value ? 1 : 0}` : refuse(field, 'it equals true or false');
      if (field.type === 'date' && !(typeof value === 'string' && DAY.test(value))) refuse(field, `'${String(value)}' is not a date as YYYY-MM-DD`);
      if (typeof value !== 'string') refuse(field, `'${String(value)}' is not text`);
      // NOCASE on both sides: the field's text index (field_id, value COLLATE NOCASE) serves it.
      return sql`v.value = ${value} COLLATE NOCASE`;
    }
    case 'range': {
      if (field.type !== 'number' && field.type !== 'date') refuse(field, 'only number and date fields have a range');
      const bounds = [condition.min, condition.max];
      if (field.type === 'number' && bounds.some((b) => b !== undefined && typeof b !== 'number')) refuse(field, 'a range of numbers needs numbers');
      if (field.type === 'date' && bounds.some((b) => b !== undefined && typeof b !== 'string')) refuse(field, 'a range of dates needs dates as YYYY-MM-DD');
      const tests: RawBuilder<unknown>[] = [];
      if (numeric) {
        if (condition.min !== undefined) tests.push(sql`v.number >= ${condition.min}`);
        if (condition.max !== undefined) tests.push(sql`v.number <= ${condition.max}`);
      } else {
        // ISO dates sort as text; NOCASE so the text index serves the range (digits compare the same).
        if (condition.min !== undefined) tests.push(sql`v.value >= ${condition.min} COLLATE NOCASE`);
        if (condition.max !== undefined) tests.push(sql`v.value <= ${condition.max} COLLATE NOCASE`);
      }
      return sql.join(tests, sql` AND `);
    }
    case 'present':
      return sql`1`;
  }
}

/** One condition as a test of the listed record's id (`idRef`). */
export function conditionSql(field: FieldInfo, condition: CustomCondition, idRef: RawBuilder<unknown>): RawBuilder<boolean> {
  const values = sql`SELECT v.record_id FROM custom_field_values v WHERE v.field_id = ${field.id} AND ${valueTest(field, condition)}`;
  return condition.op === 'present' && !condition.present ? sql<boolean>`${idRef} NOT IN (${values})` : sql<boolean>`${idRef} IN (${values})`;
}

/** Every condition of a query, for the list's WHERE (AND). */
export function conditionsSql(fields: Map<number, FieldInfo>, query: CustomListQuery, idRef: RawBuilder<unknown>): RawBuilder<boolean>[] {
  return (query.customFilters ?? []).map((condition) => conditionSql(fields.get(condition.fieldId)!, condition, idRef));
}

/** The sort key of a custom field: the record's value (numbers and yes/no as numbers, text without case), null when it has none. */
export function sortKeySql(field: FieldInfo, idRef: RawBuilder<unknown>): RawBuilder<unknown> {
  // lower(), not COLLATE: a collation does not survive the subquery the accounts table sorts over.
  const column = field.type === 'number' || field.type === 'bool' ? sql`s.number` : sql`lower(s.value)`;
  return sql`(SELECT ${column} FROM custom_field_values s WHERE s.field_id = ${field.id} AND s.record_id = ${idRef})`;
}

export function decodeCustom(type: CustomFieldType, value: string): CustomValue {
  if (type === 'number') return Number(value);
  if (type === 'bool') return value === 'true';
  return value;
}

const IDS_PER_QUERY = 500;

/**
 * The custom values of these records (a page, an export batch): record id -> field id (as text) ->
 * value, read through the values' (record_id, field_id) index, 500 ids a statement.
 */
export function customValuesOf(sqlite: Database.Database, kind: CustomFieldKind, ids: readonly number[]): Map<number, Record<string, CustomValue>> {
  const out = new Map<number, Record<string, CustomValue>>();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const chunk = ids.slice(start, start + IDS_PER_QUERY);
    const rows = sqlite
      .prepare<unknown[], { recordId: number; fieldId: number; type: CustomFieldType; value: string }>(
        `SELECT v.record_id AS recordId, v.field_id AS fieldId, f.type, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id
         WHERE v.record_id IN (${chunk.map(() => '?').join(', ')}) AND f.record_kind = ?`,
      )
      .all(...chunk, kind);
    for (const row of rows) {
      let values = out.get(row.recordId);
      if (!values) out.set(row.recordId, (values = {}));
      values[String(row.fieldId)] = decodeCustom(row.type, row.value);
    }
  }
  return out;
}

/** A kind's fields in their order: the columns a table or an export adds. */
export function fieldsOfKind(sqlite: Database.Database, kind: CustomFieldKind): FieldInfo[] {
  return sqlite.prepare<unknown[], FieldInfo>('SELECT id, name, type FROM custom_fields WHERE record_kind = ? ORDER BY id').all(kind);
}
