import type { ImportMapping } from '../../../../shared/contract/import';
import { formatMoney } from '../../../../shared/format/format';

// How the import wizard shows fields and stored values: pure, so the tables stay testable without React.

/** Fields stored in minor units of a currency, shown as money and right-aligned. */
export const MONEY_FIELDS = new Set(['arrMinor', 'amountMinor']);

/** `arrMinor` -> "ARR", `employeeCount` -> "Employee count". */
export function fieldLabel(name: string): string {
  const special: Record<string, string> = {
    arrMinor: 'ARR',
    amountMinor: 'Amount',
    externalId: 'External id',
    csat: 'CSAT',
    grossMarginPct: 'Gross margin %',
    contactEmail: 'Contact e-mail',
  };
  if (special[name]) return special[name];
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value as the user reads it: money in its currency, lists and objects as text. */
export function storedCell(row: Record<string, unknown>, field: string): string {
  const value = row[field];
  if (MONEY_FIELDS.has(field) && typeof value === 'number') {
    const currency = typeof row.currency === 'string' && /^[A-Z]{3}$/.test(row.currency) ? row.currency : 'USD';
    return formatMoney(value, currency);
  }
  return cell(value);
}

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? value.toString() : '';
}

/** The file column a field is read from, '' when the field is not mapped. */
export const sourceOf = (mapping: ImportMapping, field: string) => {
  const source = mapping.fields[field];
  return source === undefined ? '' : typeof source === 'string' ? source : source.column;
};

export const delimiterLabel = (d: string) => (d === '\t' ? 'tab' : d === 'whitespace' ? 'spaces' : `“${d}”`);
