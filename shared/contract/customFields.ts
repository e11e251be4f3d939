import { z } from 'zod';
import { calendarDate, id, sortDirection, text } from './common';

// Custom fields (issue 13): columns of an import that match no field, kept as typed attributes of
// the record they came with. A definition per record kind and name; one value per record.

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'bool', 'date', 'choice'] as const;
export const customFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof customFieldType>;

/** The records that can carry custom fields: the import targets matched by a key, so a value finds its row. */
export const CUSTOM_FIELD_KINDS = ['accounts', 'contacts', 'tickets', 'purchases'] as const;
export const customFieldKind = z.enum(CUSTOM_FIELD_KINDS);
export type CustomFieldKind = z.infer<typeof customFieldKind>;

export const customField = z.object({
  id,
  recordKind: customFieldKind,
  name: z.string(),
  type: customFieldType,
  choices: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomField = z.infer<typeof customField>;

/** A value as stored: text for text/choice, a number, a yes/no, an ISO date. */
export const customValue = z.union([z.string(), z.number(), z.boolean()]);
export type CustomValue = z.infer<typeof customValue>;

export const customFieldValue = z.object({ fieldId: id, name: z.string(), type: customFieldType, value: customValue });

/** An import's column kept as a custom field (`mapping.customFields`). */
export const customFieldSource = z.strictObject({
  column: z.string().min(1),
  /** The field's name; the column's header when absent. */
  name: text(100).optional(),
  type: customFieldType,
  /** For `choice`: the allowed values (the column's distinct values when absent). */
  choices: z.array(z.string().min(1)).max(200).optional(),
});
export type CustomFieldSource = z.infer<typeof customFieldSource>;

/** A filter of a list by a custom field: equal to a value, or (numbers, dates) within a range. */
export const customFieldFilter = z.strictObject({
  fieldId: id,
  equals: customValue.optional(),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
});

/**
 * One condition of a table's custom-field filter (the accounts, contacts and tickets lists): text and
 * choice fields `contains` (case-insensitive) or `equals`; numbers and dates within a `range`
 * (inclusive; dates as YYYY-MM-DD); yes/no `equals` true or false; any field `present` (has a value)
 * or not. The core checks each against its field's type and names the field when they disagree.
 */
export const customCondition = z.discriminatedUnion('op', [
  z.strictObject({ fieldId: id, op: z.literal('contains'), text: z.string().trim().min(1, 'is empty: type some text to look for').max(200) }),
  z.strictObject({ fieldId: id, op: z.literal('equals'), value: customValue }),
  z
    .strictObject({ fieldId: id, op: z.literal('range'), min: z.union([z.number(), calendarDate]).optional(), max: z.union([z.number(), calendarDate]).optional() })
    .refine((condition) => condition.min !== undefined || condition.max !== undefined, 'a range needs min, max or both'),
  z.strictObject({ fieldId: id, op: z.literal('present'), present: z.boolean() }),
]);
export type CustomCondition = z.infer<typeof customCondition>;

/** What a list input takes besides its own filters and sort (spread into the list's schema). */
export const customListShape = {
  /** Every condition must hold (AND). */
  customFilters: z.array(customCondition).max(20).optional(),
  /** Sorts by a custom field instead of `sort` (records without a value last, id breaking ties). */
  customSort: z.strictObject({ fieldId: id, direction: sortDirection.default('asc') }).optional(),
};

/** A page's custom values per row: field id (as text) -> value; fields a row has no value for are left out. */
export const customRowValues = z.record(z.string(), customValue);

export const customFieldsContract = {
  'customFields.list': { input: z.strictObject({ recordKind: customFieldKind.optional() }), output: z.array(customField) },
  /** One record's values, in the fields' order. */
  'customFields.values': { input: z.strictObject({ recordKind: customFieldKind, recordId: id }), output: z.array(customFieldValue) },
  /** The ids of the records whose value passes the filter (the accounts table's filter). */
  'customFields.matching': { input: z.strictObject({ recordKind: customFieldKind, filter: customFieldFilter }), output: z.array(id) },
  /** Every account's values by field name: what a churn model reads as features. */
  'customFields.forAccounts': { input: z.strictObject({}), output: z.record(z.string(), z.record(z.string(), customValue)) },
} as const;
