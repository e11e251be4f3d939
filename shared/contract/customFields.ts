import { z } from 'zod';
import { id, text } from './common';

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

export const customFieldsContract = {
  'customFields.list': { input: z.strictObject({ recordKind: customFieldKind.optional() }), output: z.array(customField) },
  /** One record's values, in the fields' order. */
  'customFields.values': { input: z.strictObject({ recordKind: customFieldKind, recordId: id }), output: z.array(customFieldValue) },
  /** The ids of the records whose value passes the filter (the accounts table's filter). */
  'customFields.matching': { input: z.strictObject({ recordKind: customFieldKind, filter: customFieldFilter }), output: z.array(id) },
  /** Every account's values by field name: what a churn model reads as features. */
  'customFields.forAccounts': { input: z.strictObject({}), output: z.record(z.string(), z.record(z.string(), customValue)) },
} as const;
