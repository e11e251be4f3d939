import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seenKeys';

describe('SeenKeys', () => {
  it('answers like a Map over 200,000 keys, through its growth', () => {
    const seen = new SeenKeys();
    const map = new Map<string, number>();
    for (let row = 1; row <= 300_000; row++) {
      // Every third key repeats an earlier one.
      const key = row % 3 === 0 ? `T-${Math.floor(row / 7)}` : `T-${row}`;
      const expected = map.get(key);
      if (expected === undefined) map.set(key, row);
      expect(seen.firstRow(key, row)).toBe(expected);
    }
  });

  it('keys that differ in one character, or only in case or length, are distinct', () => {
    const seen = new SeenKeys();
    const keys = ['a', 'A', 'ab', 'ba', 'a ', '', 'T-10', 'T-01', 'é', 'e\u0301'];
    keys.forEach((key, i) => expect(seen.firstRow(key, i + 1)).toBeUndefined());
    keys.forEach((key, i) => expect(seen.firstRow(key, 99)).toBe(i + 1));
  });
});
