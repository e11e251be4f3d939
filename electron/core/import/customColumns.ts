import type Database from 'better-sqlite3';
import type { CustomFieldKind, CustomValue } from '../../../shared/contract/customFields';
import { CUSTOM_FIELD_KINDS } from '../../../shared/contract/customFields';
import type { ImportMapping } from '../../../shared/contract/import';
import { ensureField, listFields, storedForm, upsertValueStatement } from '../customFields/repo';
import { CoreError } from '../errors';
import type { CellProblem, Record_ } from './convert';
import type { TargetDef } from './targets';
import { respondentsHook, type RespondentCounts } from './respondents';
import { isMissing, parseBoolean, parseDate, parseNumber } from './values';

// Columns kept as custom fields (`mapping.customFields`): each cell converted to the field's type
// beside the row's own conversion (a bad cell is a problem of its row), remembered for the rows the
// import accepts, and written once the rows are: a value finds its record by the row's key (the
// external id; a contact's e-mail), inside the import's transaction.

/** What the row loop (run.ts) calls for the columns kept as custom fields. */
export interface RowHook {
  /** The row's custom cells converted (problems name their column); remembered until `accepted`. */
  check(cells: readonly string[], record: Record_): CellProblem[];
  /** The row passed: its values belong to the record `id` (an update) or the one its key will find. */
  accepted(id: number | undefined, record: Record_): void;
  /** Inside the import's transaction, after the rows are written: definitions and values. */
  write(sqlite: Database.Database, now: Date): void;
  /** Survey imports (respondents.ts): how the answers' accounts were found, for the preview and the result. */
  respondents?(): RespondentCounts;
}

/** The field a record is found by after its insert, per kind (the table's external_id is UNIQUE, so indexed). */
const KEYS: Record<CustomFieldKind, { field: string; table: string }> = {
  accounts: { field: 'externalId', table: 'accounts' },
  tickets: { field: 'externalId', table: 'tickets' },
  purchases: { field: 'externalId', table: 'purchases' },
  contacts: { field: 'email', table: 'contacts' },
};

const KEYS_PER_QUERY = 500;
let tempTables = 0;

/**
 * The records the rows' keys name, found all at once after the rows are written (not one query per
 * row): external ids 500 a statement through their unique index; e-mails, which have no index and
 * compare case-insensitively, in one pass over contacts joined to a temporary table of the wanted
 * lower-cased e-mails (the newest contact of an e-mail wins).
 */
export function recordsByKey(sqlite: Database.Database, kind: CustomFieldKind, keys: Iterable<string>): Map<string, number> {
  const found = new Map<string, number>();
  if (kind === 'contacts') {
    const name = `temp."custom_keys_${++tempTables}"`;
    sqlite.exec(`CREATE TABLE ${name} (key TEXT PRIMARY KEY) WITHOUT ROWID`);
    try {
      const add = sqlite.prepare(`INSERT OR IGNORE INTO ${name} (key) VALUES (?)`);
      for (const key of keys) add.run(key.toLowerCase());
      const rows = sqlite.prepare<unknown[], { key: string; id: number }>(
        `SELECT k.key, max(c.id) AS id FROM contacts c JOIN ${name} k ON k.key = lower(c.email) WHERE c.email IS NOT NULL GROUP BY k.key`,
      );
      for (const row of rows.iterate()) found.set(row.key, row.id);
    } finally {
      sqlite.exec(`DROP TABLE IF EXISTS ${name}`);
    }
    return found;
  }
  const all = [...new Set(keys)];
  const table = KEYS[kind].table;
  for (let start = 0; start < all.length; start += KEYS_PER_QUERY) {
    const chunk = all.slice(start, start + KEYS_PER_QUERY);
    const rows = sqlite.prepare<unknown[], { key: string; id: number }>(`SELECT external_id AS key, id FROM "${table}" WHERE external_id IN (${chunk.map(() => '?').join(', ')})`);
    for (const row of rows.iterate(...chunk)) found.set(row.key, row.id);
  }
  return found;
}

/** The form of a key `recordsByKey` answers under: e-mails lower-cased. */
const keyForm = (kind: CustomFieldKind, key: string) => (kind === 'contacts' ? key.toLowerCase() : key);

const MAX_CHOICES = 200;

interface Column {
  index: number;
  column: string;
  name: string;
  type: 'text' | 'number' | 'bool' | 'date' | 'choice';
  /** Lower-cased choice -> its spelling; open (collecting) when no choices were given. */
  choices: Map<string, string>;
  open: boolean;
}

function convertCell(column: Column, raw: string): { value: CustomValue } | { error: string } {
  switch (column.type) {
    case 'text':
      return { value: raw.trim() };
    case 'number':
      return parseNumber(raw);
    case 'bool':
      return parseBoolean(raw);
    case 'date':
      return parseDate(raw, 'mdy');
    case 'choice': {
      const text = raw.trim();
      const known = column.choices.get(text.toLowerCase());
      if (known !== undefined) return { value: known };
      if (!column.open) return { error: `'${text}' is not one of ${[...column.choices.values()].join(', ')}` };
      if (column.choices.size >= MAX_CHOICES) return { error: `more than ${MAX_CHOICES} different values: keep '${column.column}' as text instead of a choice` };
      column.choices.set(text.toLowerCase(), text);
      return { value: text };
    }
  }
}

export function customColumnsHook(sqlite: Database.Database, def: TargetDef, mapping: ImportMapping, headers: readonly string[]): RowHook | undefined {
  const sources = mapping.customFields ?? [];
  // The plan's one row hook: a survey import (which keeps no custom fields) matches its respondents by domain instead.
  if (sources.length === 0) return respondentsHook(sqlite, def, mapping, headers);
  const kind = def.name as CustomFieldKind;
  if (!(CUSTOM_FIELD_KINDS as readonly string[]).includes(kind)) {
    throw new CoreError('BAD_INPUT', `custom fields are kept for ${CUSTOM_FIELD_KINDS.join(', ')}, not ${def.name}: leave those columns out`);
  }
  const key = KEYS[kind];
  if (mapping.fields[key.field] === undefined) {
    throw new CoreError('BAD_INPUT', `custom fields of ${kind} need the ${key.field} field mapped: it finds the record a kept value belongs to`);
  }
  const used = new Set(Object.values(mapping.fields).map((source) => (typeof source === 'string' ? source : source.column)));
  const names = new Set<string>();
  const existing = listFields(sqlite, kind);
  const columns: Column[] = sources.map((source) => {
    const index = headers.indexOf(source.column);
    if (index < 0) throw new CoreError('BAD_INPUT', `column '${source.column}' (kept as a custom field) is not in the file`);
    if (used.has(source.column)) throw new CoreError('BAD_INPUT', `column '${source.column}' is mapped to a field and kept as a custom field: choose one`);
    const name = source.name ?? source.column;
    if (names.has(name)) throw new CoreError('BAD_INPUT', `two columns are kept as the custom field '${name}'`);
    // Said at the preview already, not only when the commit would write the definition.
    const stored = existing.find((field) => field.name === name);
    if (stored && stored.type !== source.type) throw new CoreError('CONFLICT', `custom field '${name}' of ${kind} is already a ${stored.type} field, not ${source.type}`);
    names.add(name);
    const choices = new Map((source.choices ?? []).map((choice) => [choice.toLowerCase(), choice]));
    return { index, column: source.column, name, type: source.type, choices, open: choices.size === 0 };
  });

  let current: (CustomValue | undefined)[] = [];
  const pending: { id?: number; key?: string; values: (CustomValue | undefined)[] }[] = [];

  return {
    check(cells, record) {
      const problems: CellProblem[] = [];
      current = columns.map((column) => {
        const raw = cells[column.index];
        if (raw === undefined || isMissing(raw)) return undefined;
        const converted = convertCell(column, raw);
        if ('error' in converted) {
          problems.push({ column: column.column, message: converted.error });
          return undefined;
        }
        return converted.value;
      });
      if (record[key.field] === undefined && current.some((value) => value !== undefined)) {
        problems.push({ column: null, message: `the row has custom field values but no ${key.field}, which finds the record they belong to` });
      }
      return problems;
    },
    accepted(id, record) {
      if (current.every((value) => value === undefined)) return;
      const keyValue = record[key.field];
      pending.push({ id, key: typeof keyValue === 'string' ? keyValue : undefined, values: current });
    },
    write(sqlite, now) {
      const fieldIds = columns.map((column) => ensureField(sqlite, kind, column.name, column.type, [...column.choices.values()], now));
      const upsert = upsertValueStatement(sqlite);
      const inserted = recordsByKey(
        sqlite,
        kind,
        pending.flatMap((row) => (row.id === undefined && row.key !== undefined ? [row.key] : [])),
      );
      for (const row of pending) {
        const id = row.id ?? (row.key === undefined ? undefined : inserted.get(keyForm(kind, row.key)));
        if (id === undefined) continue;
        row.values.forEach((value, i) => {
          if (value === undefined) return;
          const stored = storedForm(value);
          upsert.run(fieldIds[i], id, stored.value, stored.number);
        });
      }
    },
  };
}
