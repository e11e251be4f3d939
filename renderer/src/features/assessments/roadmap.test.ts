import { describe, expect, it } from 'vitest';
import { emptyDraft, fromDraft, moveDraft, suggestFromGaps } from './roadmap';

const item = (itemKey: string, dimensionKey: string, meanLevel: number | null, target: number | null) => ({
  itemKey,
  dimensionKey,
  statement: itemKey.toUpperCase(),
  meanLevel,
  target,
  gap: meanLevel !== null && target !== null ? target - meanLevel : null,
});

describe('roadmap drafts', () => {
  it('suggests the largest uncovered gaps first, sooner for the floor dimension', () => {
    const results = { items: [item('a1', 'a', 2, 5), item('b1', 'b', 3.5, 4), item('b2', 'b', 4, 4), item('a2', 'a', 1, 4)], floor: { dimensionKey: 'a' } } as never;
    const drafts = [{ ...emptyDraft(), itemKey: 'a2' }];
    const suggested = suggestFromGaps(results, drafts);
    expect(suggested.map((s) => [s.itemKey, s.horizon, s.expectedEffect])).toEqual([
      ['a1', '0_3_months', 'From level 2.0 to 5'],
      ['b1', '3_6_months', 'From level 3.5 to 4'],
    ]);
  });

  it('turns blanks into nulls and moves rows within bounds', () => {
    expect(fromDraft({ ...emptyDraft(), action: 'Do it', owner: '  ' })).toEqual({
      action: 'Do it',
      dimensionKey: null,
      itemKey: null,
      owner: null,
      horizon: null,
      expectedEffect: null,
    });
    expect(moveDraft(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveDraft(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
