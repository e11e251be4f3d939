import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../shared/format/format';
import { cell, delimiterLabel, fieldLabel, sourceOf, storedCell } from './cells';

describe('import cells', () => {
  it('labels fields in words, with the known abbreviations', () => {
    expect(fieldLabel('arrMinor')).toBe('ARR');
    expect(fieldLabel('contactEmail')).toBe('Contact e-mail');
    expect(fieldLabel('employeeCount')).toBe('Employee count');
    expect(fieldLabel('name')).toBe('Name');
  });

  it('shows any value as text', () => {
    expect(cell(undefined)).toBe('');
    expect(cell(null)).toBe('');
    expect(cell(0)).toBe('0');
    expect(cell(false)).toBe('false');
    expect(cell(['a', 'b'])).toBe('["a","b"]');
    expect(cell({ a: 1 })).toBe('{"a":1}');
  });

  it('shows money in the row currency, USD when it has none or a malformed one', () => {
    expect(storedCell({ arrMinor: 125000, currency: 'EUR' }, 'arrMinor')).toBe(formatMoney(125000, 'EUR'));
    expect(storedCell({ amountMinor: 500 }, 'amountMinor')).toBe(formatMoney(500, 'USD'));
    expect(storedCell({ amountMinor: 500, currency: 'eur' }, 'amountMinor')).toBe(formatMoney(500, 'USD'));
    // Only numbers are money: text in a money field is shown as it is.
    expect(storedCell({ arrMinor: 'n/a' }, 'arrMinor')).toBe('n/a');
    expect(storedCell({ tags: ['x'] }, 'tags')).toBe('["x"]');
  });

  it('names the source column and the delimiter', () => {
    const mapping = { fields: { name: 'Company', arrMinor: { column: 'MRR', scale: 12 } } };
    expect(sourceOf(mapping, 'name')).toBe('Company');
    expect(sourceOf(mapping, 'arrMinor')).toBe('MRR');
    expect(sourceOf(mapping, 'region')).toBe('');
    expect(delimiterLabel('\t')).toBe('tab');
    expect(delimiterLabel('whitespace')).toBe('spaces');
    expect(delimiterLabel(';')).toBe('“;”');
  });
});
