import type { ImportMapping } from '../../../shared/contract/import';
import type { FieldDef, TargetDef } from './targets';
import { isMissing, normaliseKey, parseBoolean, parseInstant, parseNumber } from './values';

// Pure: which column feeds which field. By name first (normalised, then the field's synonyms),
// then by content for fields still open (a column of dates, of 0-10 scores, of yes/no).

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

/** Whether every present value of a column reads as this kind. */
function contentFits(field: FieldDef, values: string[]): boolean {
  if (values.length === 0) return false;
  switch (field.kind) {
    case 'instant':
    case 'date':
      return values.every((value) => /\d/.test(value) && ('value' in parseInstant(value, 'mdy') || 'value' in parseInstant(value, 'dmy')));
    case 'bool':
    case 'churned':
      return values.every((value) => 'value' in parseBoolean(value));
    case 'int':
      if (field.name !== 'score' && field.name !== 'csat') return false;
      return values.every((value) => {
        const parsed = parseNumber(value);
        return 'value' in parsed && Number.isInteger(parsed.value) && parsed.value >= 0 && parsed.value <= 10;
      });
    default:
      return false;
  }
}

export function autoMap(def: TargetDef, headers: readonly string[], sample: Sample): ImportMapping {
  const fields: Record<string, string> = {};
  const taken = new Set<number>();
  // Best name matches first, so "Account Name" goes to name before "Account ID" can.
  const pairs: { field: FieldDef; index: number; score: number; order: number }[] = [];
  for (const field of def.fields) {
    headers.forEach((header, index) => {
      const score = nameScore(field, header);
      if (score > 0) pairs.push({ field, index, score, order: field.synonyms.indexOf(normaliseKey(header)) });
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const { field, index } of pairs) {
    if (fields[field.name] !== undefined || taken.has(index)) continue;
    fields[field.name] = headers[index]!;
    taken.add(index);
  }
  for (const field of def.fields) {
    if (fields[field.name] !== undefined) continue;
    const index = headers.findIndex((_, i) => !taken.has(i) && contentFits(field, columnValues(sample, i)));
    if (index >= 0) {
      fields[field.name] = headers[index]!;
      taken.add(index);
    }
  }
  // Two sources for one value: an explicit first-response time wins over minutes.
  if (fields.firstResponseAt !== undefined) delete fields.firstResponseMinutes;
  return { fields };
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
