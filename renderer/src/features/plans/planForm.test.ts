import { describe, expect, it } from 'vitest';
import { localToday, numberField } from './planForm';

describe('numberField', () => {
  it('reads a typed number, none for blank, and flags the rest', () => {
    expect(numberField(' 42 ')).toBe(42);
    expect(numberField('-3.5')).toBe(-3.5);
    expect(numberField('1 200')).toBe(1200);
    expect(numberField('7,5')).toBe(7.5);
    expect(numberField('')).toBeNull();
    expect(numberField('ten')).toBeUndefined();
    expect(numberField('Infinity')).toBeUndefined();
  });
  it('names today in the local calendar', () => {
    expect(localToday(new Date(2026, 11, 7, 23, 30))).toBe('2026-12-07');
  });
});
