import { describe, expect, it } from 'vitest';
import { moveIndex, nextSort } from './dataTableMeta';

describe('header clicks', () => {
  it('sorts a new column ascending and flips the sorted one', () => {
    expect(nextSort(undefined, 'name')).toEqual({ field: 'name', direction: 'asc' });
    expect(nextSort({ field: 'name', direction: 'asc' }, 'name')).toEqual({ field: 'name', direction: 'desc' });
    expect(nextSort({ field: 'name', direction: 'desc' }, 'name')).toEqual({ field: 'name', direction: 'asc' });
    expect(nextSort({ field: 'name', direction: 'desc' }, 'arrMinor')).toEqual({ field: 'arrMinor', direction: 'asc' });
  });
});

describe('keyboard in the table body', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['PageDown', 5, 25],
    ['PageUp', 5, 0],
    ['Home', 500, 0],
    ['End', 5, 19_999],
    ['ArrowDown', 19_999, 19_999],
  ])('%s from row %i goes to row %i', (key, from, to) => {
    expect(moveIndex(key, from, 20_000, 20)).toBe(to);
  });

  it('leaves other keys alone', () => {
    expect(moveIndex('a', 3, 10, 5)).toBeUndefined();
    expect(moveIndex('Tab', 3, 10, 5)).toBeUndefined();
  });
});
