import type Database from 'better-sqlite3';
import type { CustomField, CustomFieldKind, CustomFieldType, CustomValue } from '../../../shared/contract/customFields';
import { CoreError } from '../errors';

// Custom fields: definitions per record kind and name, values per record. A value is stored as
// text with its number beside it (numbers, yes/no as 1/0) so range filters compare numbers.

interface FieldRow {
  id: number;
  recordKind: CustomFieldKind;
  name: string;
  type: CustomFieldType;
  choices: string;
  createdAt: string;
  updatedAt: string;
}

const FIELD_COLUMNS = 'id, record_kind AS recordKind, name, type, choices, created_at AS createdAt, updated_at AS updatedAt';
const toField = (row: FieldRow): CustomField => ({ ...row, choices: JSON.parse(row.choices) as string[] });

export function listFields(sqlite: Database.Database, recordKind?: CustomFieldKind): CustomField[] {
  const rows = recordKind
    ? sqlite.prepare<unknown[], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM custom_fields WHERE record_kind = ? ORDER BY id`).all(recordKind)
    : sqlite.prepare<unknown[], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM custom_fields ORDER BY record_kind, id`).all();
  return rows.map(toField);
}

/**
 * The field of this kind and name, created when new; a choice field's list grows by the values
 * given. A field that exists with another type is refused: its stored values would change meaning.
 */
export function ensureField(sqlite: Database.Database, recordKind: CustomFieldKind, name: string, type: CustomFieldType, choices: readonly string[], now: Date): number {
  const existing = sqlite.prepare<unknown[], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM custom_fields WHERE record_kind = ? AND name = ?`).get(recordKind, name);
  const stamp = now.toISOString();
  if (!existing) {
    const result = sqlite
      .prepare('INSERT INTO custom_fields (record_kind, name, type, choices, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(recordKind, name, type, JSON.stringify(type === 'choice' ? [...choices] : []), stamp, stamp);
    return Number(result.lastInsertRowid);
  }
  if (existing.type !== type) throw new CoreError('CONFLICT', `custom field '${name}' of ${recordKind} is already a ${existing.type} field, not ${type}`);
  if (type === 'choice') {
    const known = JSON.parse(existing.choices) as string[];
    const added = choices.filter((choice) => !known.includes(choice));
    if (added.length > 0) sqlite.prepare('UPDATE custom_fields SET choices = ?, updated_at = ? WHERE id = ?').run(JSON.stringify([...known, ...added]), stamp, existing.id);
  }
  return existing.id;
}

/** The stored form of a converted value: text, and the number beside it when it has one. */
export function storedForm(value: CustomValue): { value: string; number: number | null } {
  if (typeof value === 'number') return { value: String(value), number: value };
  if (typeof value === 'boolean') return { value: value ? 'true' : 'false', number: value ? 1 : 0 };
  return { value, number: null };
}

function decode(type: CustomFieldType, value: string): CustomValue {
  if (type === 'number') return Number(value);
  if (type === 'bool') return value === 'true';
  return value;
}

export function upsertValueStatement(sqlite: Database.Database): Database.Statement {
  return sqlite.prepare(
    'INSERT INTO custom_field_values (field_id, record_id, value, number) VALUES (?, ?, ?, ?) ON CONFLICT (field_id, record_id) DO UPDATE SET value = excluded.value, number = excluded.number',
  );
}

export function valuesOf(sqlite: Database.Database, recordKind: CustomFieldKind, recordId: number) {
  return sqlite
    .prepare<unknown[], { fieldId: number; name: string; type: CustomFieldType; value: string }>(
      `SELECT f.id AS fieldId, f.name, f.type, v.value FROM custom_fields f JOIN custom_field_values v ON v.field_id = f.id
       WHERE f.record_kind = ? AND v.record_id = ? ORDER BY f.id`,
    )
    .all(recordKind, recordId)
    .map((row) => ({ ...row, value: decode(row.type, row.value) }));
}

/** Record ids whose value of the field equals `equals` (text case-insensitively) and/or lies within [min, max]. */
export function matchingRecords(
  sqlite: Database.Database,
  recordKind: CustomFieldKind,
  filter: { fieldId: number; equals?: CustomValue; min?: number | string; max?: number | string },
): number[] {
  const field = sqlite.prepare<unknown[], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM custom_fields WHERE id = ? AND record_kind = ?`).get(filter.fieldId, recordKind);
  if (!field) throw new CoreError('NOT_FOUND', `no custom field ${filter.fieldId} of ${recordKind}`);
  const where = ['field_id = ?'];
  const params: unknown[] = [filter.fieldId];
  // Numbers and yes/no compare on the number; dates (ISO) and text on the text.
  const column = field.type === 'number' || field.type === 'bool' ? 'number' : 'value';
  if (filter.equals !== undefined) {
    const stored = storedForm(filter.equals);
    if (column === 'number') {
      where.push('number = ?');
      params.push(stored.number ?? Number(stored.value));
    } else {
      where.push('value = ? COLLATE NOCASE');
      params.push(stored.value);
    }
  }
  if (filter.min !== undefined) {
    where.push(`${column} >= ?`);
    params.push(filter.min);
  }
  if (filter.max !== undefined) {
    where.push(`${column} <= ?`);
    params.push(filter.max);
  }
  return sqlite
    .prepare<unknown[], { id: number }>(`SELECT record_id AS id FROM custom_field_values WHERE ${where.join(' AND ')} ORDER BY record_id`)
    .all(...params)
    .map((row) => row.id);
}

/**
 * Every account's custom values by field name ({ accountId: { name: value } }): the features a churn
 * model reads beside the account's own columns (issue 13 for the economics work).
 */
export function customValuesByAccount(sqlite: Database.Database): Record<string, Record<string, CustomValue>> {
  const out: Partial<Record<string, Record<string, CustomValue>>> = {};
  const rows = sqlite
    .prepare<unknown[], { recordId: number; name: string; type: CustomFieldType; value: string }>(
      `SELECT v.record_id AS recordId, f.name, f.type, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id
       WHERE f.record_kind = 'accounts' ORDER BY v.record_id, f.id`,
    )
    .iterate();
  for (const row of rows) (out[row.recordId] ??= {})[row.name] = decode(row.type, row.value);
  return out as Record<string, Record<string, CustomValue>>;
}
