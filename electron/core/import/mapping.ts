import type { CustomFieldType } from '../../../shared/contract/customFields';
import type { ColumnSuggestion, ImportMapping } from '../../../shared/contract/import';
import type { FieldDef, TargetDef } from './targets';
import { isMissing, normaliseKey, parseBoolean, parseDate, parseEnum, parseInstant, parseNumber } from './values';

// Pure: which column feeds which field. By name first (normalised, then the field's synonyms) when
// the values fit, then by content for dates and scores still open. Never a flag by content alone:
// `churned <- SeniorCitizen` came from a renamed churn column and the first yes/no column.

const camelToKey = (name: string) => normaliseKey(name.replace(/[A-Z]/g, (c) => `_${c}`));

/** How well a header names a field: 3 its own name, 2 a synonym, 0 not at all. */
function nameScore(field: FieldDef, header: string): number {
  const key = normaliseKey(header);
  if (key === camelToKey(field.name) || key === normaliseKey(field.name)) return 3;
  return field.synonyms.includes(key) ? 2 : 0;
}

type Sample = readonly (readonly string[])[];

function columnValues(sample: Sample, index: number): string[] {
  return sample.map((row) => row[index] ?? '').filter((value) => !isMissing(value));
}

const isInteger = (value: string, min: number, max: number) => {
  const parsed = parseNumber(value);
  return 'value' in parsed && Number.isInteger(parsed.value) && parsed.value >= min && parsed.value <= max;
};

/** Whether one value reads as the field's kind (and, for enums and scores, lies among its allowed values). */
function valueFits(field: FieldDef, value: string): boolean {
  switch (field.kind) {
    case 'instant':
    case 'date':
      return /\d/.test(value) && ('value' in parseInstant(value, 'mdy') || 'value' in parseInstant(value, 'dmy'));
    case 'bool':
    case 'churned':
      return 'value' in parseBoolean(value);
    case 'int':
      if (field.name === 'score') return isInteger(value, 0, 10);
      if (field.name === 'csat') return isInteger(value, 1, 5);
      return isInteger(value, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    case 'number':
    case 'minutes':
      return 'value' in parseNumber(value);
    case 'money':
      return 'value' in parseNumber(value, true);
    case 'enum':
      return 'value' in parseEnum(value, field.values ?? [], field.aliases);
    case 'contactEmail':
      return value.includes('@');
    default:
      return true;
  }
}

/** The share of a column's present values that fit the field, and the first that does not. */
function fitOf(field: FieldDef, values: readonly string[]): { share: number; misfit?: string } {
  if (values.length === 0) return { share: 1 };
  let fit = 0;
  let misfit: string | undefined;
  for (const value of values) {
    if (valueFits(field, value)) fit++;
    else misfit ??= value;
  }
  return { share: fit / values.length, misfit };
}

/** Fields a column's content alone may propose: dates, and 0-10 scores. A yes/no column is never enough (SeniorCitizen is yes/no too). */
function contentProposes(field: FieldDef): boolean {
  return field.kind === 'instant' || field.kind === 'date' || (field.kind === 'int' && (field.name === 'score' || field.name === 'csat'));
}

/** A name match is kept when at least this share of the sample's values fit the field. */
const MIN_FIT = 0.9;

export interface AutoMapping {
  mapping: ImportMapping;
  /** One per header: the field proposed (or null) with a confidence (0..1) and the reason. */
  suggestions: ColumnSuggestion[];
}

/**
 * Pure: which column feeds which field, and how sure. By name (own name, then synonyms), kept only
 * when the sample's values fit the field's type and allowed values; then by content, for dates and
 * scores still open.
 */
export function suggestMapping(def: TargetDef, headers: readonly string[], sample: Sample): AutoMapping {
  const fields: Record<string, string> = {};
  const suggestions = new Map<number, ColumnSuggestion>();
  const taken = new Set<number>();
  const values = headers.map((_, index) => columnValues(sample, index));
  // Best name matches first, so "Account Name" goes to name before "Account ID" can.
  const pairs: { field: FieldDef; index: number; score: number; order: number }[] = [];
  for (const field of def.fields) {
    headers.forEach((header, index) => {
      const score = nameScore(field, header);
      if (score > 0) pairs.push({ field, index, score, order: field.synonyms.indexOf(normaliseKey(header)) });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const { field, index, score } of pairs) {
    if (fields[field.name] !== undefined || taken.has(index)) continue;
    const { share, misfit } = fitOf(field, values[index]!);
    if (share < MIN_FIT) {
      if (!suggestions.has(index)) {
        const reason = `named like ${field.name}, but ${Math.round(100 * (1 - share))} % of the sample does not fit it (e.g. '${misfit}')`;
        suggestions.set(index, { column: headers[index]!, field: null, confidence: 0, reason });
      }
      continue;
    }
    fields[field.name] = headers[index]!;
    taken.add(index);
    const named = score === 3 ? 'its name is the field' : 'a usual name for the field';
    const empty = values[index]!.length === 0;
    suggestions.set(index, {
      column: headers[index]!,
      field: field.name,
      confidence: Math.round((score === 3 ? 0.95 : 0.85) * (empty ? 0.7 : share) * 100) / 100,
      reason: empty ? `${named}; no values in the sample to check` : `${named}; ${Math.round(100 * share)} % of the sample fits`,
    });
  }
  for (const field of def.fields) {
    if (fields[field.name] !== undefined || !contentProposes(field)) continue;
    const index = headers.findIndex((_, i) => !taken.has(i) && !suggestions.has(i) && values[i]!.length > 0 && fitOf(field, values[i]!).share === 1);
    if (index >= 0) {
      fields[field.name] = headers[index]!;
      taken.add(index);
      suggestions.set(index, { column: headers[index]!, field: field.name, confidence: 0.5, reason: `the name says nothing, but every value in the sample fits ${field.name}` });
    }
  }
  // Two sources for one value: an explicit first-response time wins over minutes.
  if (fields.firstResponseAt !== undefined && fields.firstResponseMinutes !== undefined) {
    const index = headers.indexOf(fields.firstResponseMinutes);
    delete fields.firstResponseMinutes;
    suggestions.set(index, { column: headers[index]!, field: null, confidence: 0, reason: 'firstResponseAt is mapped from another column' });
  }
  // A column no field takes can be kept as a custom field: its likely type is proposed with it.
  const ordered = headers.map((column, index) => {
    const suggestion = suggestions.get(index) ?? { column, field: null, confidence: 0, reason: 'matches no field by name or content' };
    return suggestion.field === null ? { ...suggestion, keepAs: inferCustomType(values[index]!) } : suggestion;
  });
  return { mapping: { fields }, suggestions: ordered };
}

/** A column's likely custom-field type from its sample: yes/no, numbers, dates, a few distinct words, else text. */
export function inferCustomType(values: readonly string[]): CustomFieldType {
  if (values.length === 0) return 'text';
  if (values.every((value) => 'value' in parseBoolean(value))) return 'bool';
  if (values.every((value) => 'value' in parseNumber(value))) return 'number';
  if (values.every((value) => /\d/.test(value) && 'value' in parseDate(value, 'mdy'))) return 'date';
  const distinct = new Set(values.map((value) => value.trim().toLowerCase()));
  return distinct.size <= 20 && distinct.size < values.length ? 'choice' : 'text';
}

export function autoMap(def: TargetDef, headers: readonly string[], sample: Sample): ImportMapping {
  return suggestMapping(def, headers, sample).mapping;
}

/** A preset with the caller's changes over it (fields replaced one by one, a field set to "" removed). */
export function overlay(base: ImportMapping, change: ImportMapping | undefined): ImportMapping {
  if (!change) return base;
  const fields = { ...base.fields, ...change.fields };
  for (const [field, source] of Object.entries(fields)) if (source === '') delete fields[field];
  return {
    ...base,
    ...change,
    fields,
    defaults: { ...base.defaults, ...change.defaults },
  };
}

export const sourceColumn = (source: ImportMapping['fields'][string]) => (typeof source === 'string' ? source : source.column);

/** Problems with a mapping itself: unknown fields, columns not in the file. */
export function mappingProblems(def: TargetDef, mapping: ImportMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(def.fields.map((field) => field.name));
  for (const [field, source] of Object.entries(mapping.fields)) {
    if (!known.has(field)) problems.push(`'${field}' is not a field of ${def.name} (fields: ${[...known].join(', ')})`);
    else if (!headers.includes(sourceColumn(source))) problems.push(`column '${sourceColumn(source)}' (for ${field}) is not in the file`);
  }
  for (const field of Object.keys(mapping.defaults ?? {})) if (!known.has(field)) problems.push(`default for unknown field '${field}'`);
  return problems;
}
