import type { z } from 'zod';
import type { ImportMapping } from '../../../shared/contract/import';
import { tables } from '../db/tables';
import { sourceColumn } from './mapping';
import type { FieldDef, TargetDef } from './targets';
import {
  describeMissing,
  isMissing,
  parseBoolean,
  parseDate,
  parseEnum,
  parseInstant,
  parseInteger,
  parseList,
  parseMoney,
  parseNumber,
  type Converted,
  type DateOrder,
} from './values';

// Pure: one row of cells -> the record in the API's form (what `<domain>.create` takes), or the
// problems, each naming its column. Compiled once per import so the per-row work is a loop.

export type Record_ = Record<string, unknown>;

export interface Lookups {
  /** An account by external id, by id, or by name (lower-cased). */
  account(ref: string): number | undefined;
  /** A contact by e-mail (lower-cased): its id and account. */
  contact(email: string): { id: number; accountId: number } | undefined;
  /** An account's name, for a problem that names it. */
  accountName?(id: number): string | undefined;
}

export interface ConvertOptions {
  dateOrders: Record<string, DateOrder>;
  churnDate: string;
  lookups: Lookups;
  /** Said after "is not a known account": how to make it one (a purchases import can create its customers). */
  unknownAccountHint?: string;
}

export interface CellProblem {
  column: string | null;
  message: string;
  /** A mapping gap: every row has it, so it is listed once (the plan's `gaps`), not per row. */
  once?: boolean;
}

interface Step {
  field: FieldDef;
  index: number;
  column: string;
  scale: number;
  fallback?: string;
  /** The record's key the field fills (account -> accountId), for naming a missing cell's field. */
  key: string;
  /** A number whose column is NOT NULL: a missing cell cannot be stored as unknown (the column's default 0 would stand in). */
  notNull: boolean;
}

const NUMERIC_KINDS = new Set(['int', 'number', 'money', 'minutes']);
const RECORD_KEY: Partial<Record<FieldDef['kind'], string>> = { account: 'accountId', contactEmail: 'contactId', churned: 'churnedAt' };

/** The record key a field fills: what the create schema and its issues name. */
// `into`: the key a field feeds through another (minutes -> firstResponseAt, first/last name -> name, joined by the target's finish()).
export const recordKey = (field: FieldDef) => field.into ?? RECORD_KEY[field.kind] ?? field.name;

/** Whether a target's table column for this field is NOT NULL (db/tables: '<family>' or '<family> generated'). */
function notNullColumn(def: TargetDef, field: FieldDef): boolean {
  const table = (tables as Record<string, Record<string, string>>)[def.table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
  const spec = table?.[field.name];
  return spec !== undefined && !spec.endsWith(' null');
}

const UNDECODED = '\ufffd';

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
    // The column holds dates for sure here, so a bare number is one: an Excel serial or Unix time.
    case 'date':
      return parseDate(raw, order, true);
    case 'instant':
      return parseInstant(raw, order, true);
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

/** `missing`: record key -> the text of a missing cell (empty, NA, N/A…), for "is required but missing (NA)". */
export type RowConverter = (cells: readonly string[]) => { record: Record_; problems: CellProblem[]; missing?: Record<string, string> };

export function compileConverter(def: TargetDef, mapping: ImportMapping, headers: readonly string[], options: ConvertOptions): RowConverter {
  const steps: Step[] = [];
  for (const field of def.fields) {
    const source = mapping.fields[field.name];
    const fallback = mapping.defaults?.[field.name];
    if (source === undefined && fallback === undefined) continue;
    const column = source === undefined ? '' : sourceColumn(source);
    const scale = typeof source === 'object' ? (source.scale ?? 1) : 1;
    steps.push({
      field,
      index: source === undefined ? -1 : headers.indexOf(column),
      column,
      scale,
      fallback,
      key: recordKey(field),
      notNull: NUMERIC_KINDS.has(field.kind) && notNullColumn(def, field),
    });
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
    let missing: Record<string, string> | undefined;
    let accountByDefault = false;
    for (const step of steps) {
      const { field } = step;
      let raw = step.index >= 0 ? cells[step.index] : undefined;
      let column: string | null = step.column;
      if (raw === undefined || isMissing(raw, markers)) {
        if (step.fallback === undefined) {
          // Blank is unknown, not zero: where the column cannot hold null, say so rather than let its default 0 stand in.
          if (step.notNull)
            problems = [
              ...problems,
              { column, message: `${describeMissing(raw)}; ${field.name} cannot be left unknown (it would be stored as 0): fill it in or give the mapping a default` },
            ];
          else (missing ??= {})[step.key] = raw ?? '';
          continue;
        }
        raw = step.fallback;
        column = null;
      }
      const cache = caches.get(step);
      let converted = cache?.get(raw);
      if (!converted) {
        // U+FFFD is what a decoder writes for bytes it could not read (a Windows-1252 "é" read as UTF-8): never stored unnoticed.
        converted = raw.includes(UNDECODED)
          ? { error: `'${raw}' holds a character that could not be decoded (U+FFFD): the file is probably in another encoding; choose it (--encoding, or the preview's encoding)` }
          : convertCell(field, raw, options.dateOrders[step.column] ?? 'ymd', step.scale);
        if (cache && cache.size < 10_000) cache.set(raw, converted);
      }
      if ('error' in converted) {
        problems = [...problems, { column, message: converted.error }];
        continue;
      }
      const value = converted.value;
      if (field.kind === 'account') {
        const id = lookups.account(value as string);
        if (id === undefined) problems = [...problems, { column, message: `'${raw}' is not a known account (by external id, id or name)${options.unknownAccountHint ?? ''}` }];
        else {
          record.accountId = id;
          accountByDefault = column === null;
        }
      } else if (field.kind === 'contactEmail') {
        const contact = lookups.contact((value as string).toLowerCase());
        // The mapping's default account is for rows that name none; a contact of another account
        // would be filed under the wrong one (or keep its own and contradict the row): a problem.
        if (contact && accountByDefault && contact.accountId !== record.accountId) {
          const name = (id: number) => `'${lookups.accountName?.(id) ?? `account ${id}`}'`;
          problems = [
            ...problems,
            {
              column,
              message: `contact '${raw}' belongs to ${name(contact.accountId)}, not to ${name(record.accountId as number)} (the mapping's default account): map an account column or leave this row out`,
            },
          ];
        } else if (contact) {
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
    return missing ? { record, problems, missing } : { record, problems };
  };
}

/**
 * A create/update schema issue as the row's problem: a required field whose cell was missing says
 * "missing (NA)" and what the cell held; a field no column feeds (a mapping gap, `gaps`) is marked
 * `once`, since the plan lists it once for the whole file.
 */
export function schemaProblem(
  issue: z.core.$ZodIssue,
  record: Record_,
  columns: Record<string, string>,
  missing: Record<string, string> | undefined,
  gaps: ReadonlySet<string>,
): CellProblem {
  const field = String(issue.path[0] ?? '');
  const column = columns[field] ?? null;
  if (field && record[field] === undefined) {
    if (field === 'accountId' && !column && columns.contactId)
      return { column: columns.contactId, message: "names no known contact, and no column is mapped to 'account' to find the account by" };
    if (column) return { column, message: `is required but ${describeMissing(missing?.[field] ?? '')}` };
    return { column: null, message: `'${fieldName(field)}' is required and no column is mapped to it`, once: gaps.has(field) };
  }
  return { column, message: column ? issue.message : `${fieldName(field) || 'row'}: ${issue.message}` };
}

/** A record key as the mapping names its field (accountId is fed by `account`, contactId by `contactEmail`). */
export const fieldName = (key: string) => (key === 'accountId' ? 'account' : key === 'contactId' ? 'contactEmail' : key);

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
