import type { ColumnDef } from '@tanstack/react-table';
import type { CustomValue } from '../../../shared/contract/customFields';
import { formatDate } from '../../../shared/format/format';
import { customColumnId, type FieldLike } from './customFieldFilter';
import './dataTableMeta';

const DASH = '—';

/** A custom value as a table cell shows it: numbers in the locale, dates as the app writes them, yes/no. */
export function customCellText(value: CustomValue | null | undefined, type: FieldLike['type'], locale?: string): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (type === 'bool' || typeof value === 'boolean') return value === true ? 'Yes' : value === false ? 'No' : String(value);
  if (type === 'number' && typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  return String(value);
}

/**
 * A table's custom fields as optional columns (issue 13): hidden until chosen in the column menu,
 * sortable by the core (the column id `custom.<field id>` is the list state's sort field).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function customFieldColumns<Row extends { custom?: Record<string, CustomValue> }>(fields: readonly FieldLike[], locale?: string): ColumnDef<Row, any>[] {
  return fields.map((field) => ({
    id: customColumnId(field.id),
    // An accessor makes the column sortable (TanStack); the core does the sorting.
    accessorFn: (row: Row) => row.custom?.[String(field.id)] ?? null,
    header: field.name,
    size: 110,
    meta: { label: `${field.name} (custom field)`, align: field.type === 'number' ? 'end' : 'start', tooltip: field.type === 'text', defaultHidden: true },
    cell: ({ row }) => customCellText(row.original.custom?.[String(field.id)], field.type, locale),
  }));
}
