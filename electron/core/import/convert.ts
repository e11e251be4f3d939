import type { ImportMapping } from '../../../shared/contract/import';
import { sourceColumn } from './mapping';
import type { FieldDef, TargetDef } from './targets';
import { isMissing, parseBoolean, parseDate, parseEnum, parseInstant, parseInteger, parseList, parseMoney, parseNumber, type Converted, type DateOrder } from './values';

// Pure: one row of cells -> the record in the API's form (what `<domain>.create` takes), or the
// problems, each naming its column. Compiled once per import so the per-row work is a loop.

export type Record_ = Record<string, unknown>;

export interface Lookups {
  /** An account by external id, by id, or by name (lower-cased). */
  account(ref: string): number | undefined;
  /** A contact by e-mail (lower-cased): its id and account. */
  contact(email: string): { id: number; accountId: number } | undefined;
}

export interface ConvertOptions {
  dateOrders: Record<string, DateOrder>;
  churnDate: string;
  lookups: Lookups;
}

export interface CellProblem {
  column: string | null;
  message: string;
}

interface Step {
  field: FieldDef;
  index: number;
  column: string;
  scale: number;
  fallback?: string;
}

function convertCell(field: FieldDef, raw: string, order: DateOrder, scale: number): Converted<unknown> {
  switch (field.kind) {
    case 'text':
    case 'contactEmail':
    case 'account':
      return { value: raw.trim() };
    case 'int':
      return parseInteger(raw);
    case 'number':
      return parseNumber(raw);
    case 'money':
      return parseMoney(raw, scale);
    case 'date':
      return parseDate(raw, order);
    case 'instant':
      return parseInstant(raw, order);
    case 'bool':
    case 'churned':
      return parseBoolean(raw);
    case 'enum':
      return parseEnum(raw, field.values ?? [], field.aliases);
    case 'list':
      return parseList(raw);
    case 'minutes':
      return /^\d{1,9}$/.test(raw) ? { value: Number(raw) } : parseNumber(raw);
  }
}

const NO_PROBLEMS: CellProblem[] = [];

export type RowConverter = (cells: readonly string[]) => { record: Record_; problems: CellProblem[] };

export function compileConverter(def: TargetDef, mapping: ImportMapping, headers: readonly string[], options: ConvertOptions): RowConverter {
  const steps: Step[] = [];
  for (const field of def.fields) {
    const source = mapping.fields[field.name];
    const fallback = mapping.defaults?.[field.name];
    if (source === undefined && fallback === undefined) continue;
    const column = source === undefined ? '' : sourceColumn(source);
    const scale = typeof source === 'object' ? (source.scale ?? 1) : 1;
    steps.push({ field, index: source === undefined ? -1 : headers.indexOf(column), column, scale, fallback });
  }
  const { lookups } = options;
  // Enum, boolean and list columns hold few distinct values: convert each once.
  const caches = new Map<Step, Map<string, Converted<unknown>>>();
  for (const step of steps) if (['enum', 'bool', 'churned', 'account', 'contactEmail'].includes(step.field.kind)) caches.set(step, new Map());
  const markers = mapping.missingMarkers ? new Set(mapping.missingMarkers.map((marker) => marker.trim().toLowerCase())) : undefined;
  return (cells) => {
    const record: Record_ = {};
    let problems = NO_PROBLEMS;
    let minutes: { step: Step; value: number } | undefined;
    let churned: boolean | undefined;
    for (const step of steps) {
      const { field } = step;
      let raw = step.index >= 0 ? cells[step.index] : undefined;
      let column: string | null = step.column;
      if (raw === undefined || isMissing(raw, markers)) {
        if (step.fallback === undefined) continue;
        raw = step.fallback;
        column = null;
      }
      const cache = caches.get(step);
      let converted = cache?.get(raw);
      if (!converted) {
        converted = convertCell(field, raw, options.dateOrders[step.column] ?? 'ymd', step.scale);
        if (cache && cache.size < 10_000) cache.set(raw, converted);
      }
      if ('error' in converted) {
        problems = [...problems, { column, message: converted.error }];
        continue;
      }
      const value = converted.value;
      if (field.kind === 'account') {
        const id = lookups.account(value as string);
        if (id === undefined) problems = [...problems, { column, message: `'${raw}' is not a known account (by external id, id or name)` }];
        else record.accountId = id;
      } else if (field.kind === 'contactEmail') {
        const contact = lookups.contact((value as string).toLowerCase());
        if (contact) {
          record.contactId = contact.id;
          record.accountId ??= contact.accountId;
        }
      } else if (field.kind === 'churned') churned = value as boolean;
      else if (field.kind === 'minutes') minutes = { step, value: value as number };
      else record[field.name] = value;
    }
    if (minutes && record.firstResponseAt === undefined && typeof record.openedAt === 'string') {
      record.firstResponseAt = new Date(Date.parse(record.openedAt) + Math.round(minutes.value * 60_000)).toISOString();
    }
    if (churned) {
      record.churnedAt ??= options.churnDate;
      record.lifecycleStage ??= 'churned';
    }
    def.finish?.(record);
    return { record, problems };
  };
}

/** The column a field came from, for naming it in a validation problem. */
export function fieldColumns(def: TargetDef, mapping: ImportMapping): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [field, source] of Object.entries(mapping.fields)) columns[field] = sourceColumn(source);
  if (mapping.fields.account) columns.accountId = sourceColumn(mapping.fields.account);
  if (mapping.fields.contactEmail) columns.contactId = sourceColumn(mapping.fields.contactEmail);
  if (mapping.fields.firstResponseMinutes && !mapping.fields.firstResponseAt) columns.firstResponseAt = sourceColumn(mapping.fields.firstResponseMinutes);
  if (mapping.fields.churned) columns.churnedAt = sourceColumn(mapping.fields.churned);
  void def;
  return columns;
}
