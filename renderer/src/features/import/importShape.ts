import type { CustomFieldType } from '../../../../shared/contract/customFields';
import type { ImportMapping, ImportTarget } from '../../../../shared/contract/import';

// Pure: the wizard's choices about a file's shape, each a change of the mapping it sends. Defaults
// stand for a column the file lacks (a survey wave's date, one account for every answer), a scale
// turns monthly charges into ARR, custom fields keep columns no field takes.

/** The targets whose rows can keep custom fields (found again by their key after the insert). */
export const CUSTOM_FIELD_TARGETS: readonly ImportTarget[] = ['accounts', 'contacts', 'tickets', 'purchases'];

/** A default for every row (empty text removes it). */
export function withDefault(mapping: ImportMapping, field: string, value: string): ImportMapping {
  const defaults = { ...mapping.defaults };
  if (value.trim()) defaults[field] = value.trim();
  else delete defaults[field];
  return { ...mapping, defaults };
}

/** The field's column read with a factor (12: monthly amounts as ARR), or plain again with 1. */
export function withScale(mapping: ImportMapping, field: string, scale: number): ImportMapping {
  const source = mapping.fields[field];
  if (source === undefined || source === '') return mapping;
  const column = typeof source === 'string' ? source : source.column;
  return { ...mapping, fields: { ...mapping.fields, [field]: scale === 1 ? column : { column, scale } } };
}

export const scaleOf = (mapping: ImportMapping | undefined, field: string) => {
  const source = mapping?.fields[field];
  return typeof source === 'object' ? (source.scale ?? 1) : 1;
};

/** Keeps `column` as a custom field of `type`, or (type undefined) stops keeping it. */
export function keepColumn(mapping: ImportMapping, column: string, type: CustomFieldType | undefined): ImportMapping {
  const others = (mapping.customFields ?? []).filter((custom) => custom.column !== column);
  const customFields = type ? [...others, { column, type }] : others;
  return { ...mapping, customFields };
}

export const keptAs = (mapping: ImportMapping | undefined, column: string) => mapping?.customFields?.find((custom) => custom.column === column)?.type;

/** A purchases import that makes an account for each customer no account is yet (off: their rows are problems). */
export function withCreateAccounts(mapping: ImportMapping, on: boolean): ImportMapping {
  const { createAccounts: _, ...rest } = mapping;
  return on ? { ...rest, createAccounts: true } : rest;
}

export function withChurnDate(mapping: ImportMapping, date: string): ImportMapping {
  const { churnDate: _, ...rest } = mapping;
  return date ? { ...rest, churnDate: date } : rest;
}

/**
 * A mapping edited over a preset, as the core takes it: the preset's fields the user set to "not
 * imported" are named with '' (the core lays the mapping over the preset, so a field left out would
 * come back from it).
 */
export function overPreset(mapping: ImportMapping, presetFields: readonly string[]): ImportMapping {
  const removed = Object.fromEntries(presetFields.filter((field) => mapping.fields[field] === undefined).map((field) => [field, '' as const]));
  return { ...mapping, fields: { ...mapping.fields, ...removed } };
}

/** What the wizard asks about a file's shape, from its target and mapping. */
export function shapeQuestions(target: ImportTarget, mapping: ImportMapping | undefined) {
  const fields = mapping?.fields ?? {};
  return {
    /** A survey file without a date column: one date for the whole file (the survey wave). */
    surveyDate: target === 'surveyResponses' && !fields.respondedAt,
    /** Answers not tied to an account by a column or a known respondent: one account for all. */
    fixedAccount: (target === 'surveyResponses' || target === 'tickets' || target === 'purchases') && !fields.account,
    /** An ARR column that may hold monthly charges. */
    arrScale: target === 'accounts' && fields.arrMinor !== undefined,
    /** A churn flag without dates: when the churned accounts left, and when everyone started. */
    churnDates: target === 'accounts' && fields.churned !== undefined && !fields.churnedAt,
    contractStart: target === 'accounts' && fields.churned !== undefined && !fields.contractStart,
    /** Purchases whose customers may not be accounts yet (a shop's order export): create them, or report them. */
    createAccounts: target === 'purchases' && Boolean(fields.account),
  };
}
