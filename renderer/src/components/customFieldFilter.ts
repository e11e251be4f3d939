import type { CustomCondition, CustomField, CustomValue } from '../../../shared/contract/customFields';

// The custom-field filter's pure parts (issue 13): which tests a field's type offers, a condition
// from what the user typed (or the reason it is not one yet), a condition in words, and a stored
// list of conditions cleaned so an old one cannot produce a bad query.

export type FieldLike = Pick<CustomField, 'id' | 'name' | 'type' | 'choices'>;
export type Op = CustomCondition['op'];

/** The tests a field's type offers, first the usual one. */
export function opsFor(type: FieldLike['type']): { op: Op; label: string }[] {
  const present = [
    { op: 'present' as const, label: 'has a value' },
    { op: 'present' as const, label: 'is empty' },
  ];
  switch (type) {
    case 'text':
      return [{ op: 'contains', label: 'contains' }, { op: 'equals', label: 'is' }, ...present];
    case 'choice':
      return [{ op: 'equals', label: 'is' }, { op: 'contains', label: 'contains' }, ...present];
    case 'number':
    case 'date':
      return [{ op: 'range', label: 'between' }, { op: 'equals', label: 'is' }, ...present];
    case 'bool':
      return [{ op: 'equals', label: 'is' }, ...present];
  }
}

/** What the filter form holds: the field, the test's label, and up to two typed values. */
export interface Draft {
  fieldId: number;
  test: string;
  value: string;
  max: string;
}

/** The condition a draft makes, or the reason it is not one yet (shown beside the form). */
export function conditionOf(field: FieldLike, draft: Draft): { condition: CustomCondition } | { error: string } {
  const fieldId = field.id;
  if (draft.test === 'has a value' || draft.test === 'is empty') return { condition: { fieldId, op: 'present', present: draft.test === 'has a value' } };
  const value = draft.value.trim();
  if (draft.test === 'contains') return value ? { condition: { fieldId, op: 'contains', text: value } } : { error: 'Type the text to look for.' };
  if (draft.test === 'between') {
    const max = draft.max.trim();
    if (!value && !max) return { error: 'Give a lowest value, a highest value or both.' };
    if (field.type === 'number') {
      const [low, high] = [value, max].map((text) => (text === '' ? undefined : Number(text)));
      if ([low, high].some((n) => n !== undefined && !Number.isFinite(n))) return { error: 'Both ends must be numbers.' };
      return { condition: { fieldId, op: 'range', ...(low !== undefined ? { min: low } : {}), ...(high !== undefined ? { max: high } : {}) } };
    }
    return { condition: { fieldId, op: 'range', ...(value ? { min: value } : {}), ...(max ? { max } : {}) } };
  }
  // 'is'
  if (field.type === 'bool') return { condition: { fieldId, op: 'equals', value: value !== 'no' } };
  if (!value) return { error: 'Give the value to match.' };
  if (field.type === 'number') return Number.isFinite(Number(value)) ? { condition: { fieldId, op: 'equals', value: Number(value) } } : { error: `'${value}' is not a number.` };
  return { condition: { fieldId, op: 'equals', value } };
}

const valueText = (value: CustomValue) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));

/** "Seats between 10 and 50", "Plan is Gold", "Notes contains “sso”". */
export function describeCondition(field: FieldLike | undefined, condition: CustomCondition): string {
  const name = field?.name ?? `Field ${condition.fieldId}`;
  switch (condition.op) {
    case 'contains':
      return `${name} contains “${condition.text}”`;
    case 'equals':
      return `${name} is ${valueText(condition.value)}`;
    case 'present':
      return `${name} ${condition.present ? 'has a value' : 'is empty'}`;
    case 'range':
      if (condition.min !== undefined && condition.max !== undefined) return `${name} between ${condition.min} and ${condition.max}`;
      return condition.min !== undefined ? `${name} at least ${condition.min}` : `${name} at most ${condition.max}`;
  }
}

/** Remembered conditions from an older session, kept only when they still have their shape. */
export function restoreConditions(stored: unknown): CustomCondition[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((item): item is CustomCondition => {
    if (!item || typeof item !== 'object') return false;
    const c = item as Record<string, unknown>;
    if (typeof c.fieldId !== 'number' || !Number.isInteger(c.fieldId) || c.fieldId < 1) return false;
    if (c.op === 'contains') return typeof c.text === 'string' && c.text.trim() !== '';
    if (c.op === 'equals') return ['string', 'number', 'boolean'].includes(typeof c.value);
    if (c.op === 'present') return typeof c.present === 'boolean';
    if (c.op === 'range') return c.min !== undefined || c.max !== undefined;
    return false;
  });
}

/** A custom column's id, which is also its sort field in the list state. */
export const customColumnId = (fieldId: number) => `custom.${fieldId}`;
export const fieldIdOfColumn = (columnId: string) => (/^custom\.(\d+)$/.exec(columnId) ? Number(columnId.slice('custom.'.length)) : undefined);

/**
 * A remembered list state whose conditions or sort name custom fields that no longer exist (a
 * workspace switched, a field gone): the patch that forgets them, or undefined when all are known.
 * Without it the core would refuse every query of the table (NOT_FOUND).
 */
export function forgetUnknownFields(
  state: { custom: CustomCondition[]; sort: { field: string; direction: 'asc' | 'desc' } },
  known: ReadonlySet<number>,
  fallbackSort: { field: string; direction: 'asc' | 'desc' },
): { custom?: CustomCondition[]; sort?: { field: string; direction: 'asc' | 'desc' } } | undefined {
  const custom = state.custom.filter((condition) => known.has(condition.fieldId));
  const sortField = fieldIdOfColumn(state.sort.field);
  const patch = {
    ...(custom.length !== state.custom.length ? { custom } : {}),
    ...(sortField !== undefined && !known.has(sortField) ? { sort: fallbackSort } : {}),
  };
  return Object.keys(patch).length > 0 ? patch : undefined;
}
