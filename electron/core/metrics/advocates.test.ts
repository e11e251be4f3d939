import { describe, expect, it } from 'vitest';
import { advocateSegmentOf, advocateSegments } from './advocates';

describe('advocate segments (high = 9-10 on both 0-10 questions)', () => {
  it.each([
    { recommend: 9, buyAgain: 9, segment: 'champions' },
    { recommend: 10, buyAgain: 10, segment: 'champions' },
    { recommend: 10, buyAgain: 8, segment: 'moralSupporters' },
    { recommend: 9, buyAgain: 0, segment: 'moralSupporters' },
    { recommend: 8, buyAgain: 9, segment: 'captives' },
    { recommend: 0, buyAgain: 10, segment: 'captives' },
    { recommend: 8, buyAgain: 8, segment: 'rebels' },
    { recommend: 0, buyAgain: 0, segment: 'rebels' },
    { recommend: null, buyAgain: 9, segment: null },
    { recommend: 9, buyAgain: 11, segment: null },
    { recommend: 9.5, buyAgain: 9, segment: null },
  ])('recommend $recommend × buy again $buyAgain -> $segment', ({ recommend, buyAgain, segment }) => {
    expect(advocateSegmentOf({ recommend, buyAgain })).toBe(segment);
  });

  it('counts, shares and the champions share as the value', () => {
    const r = advocateSegments([
      { recommend: 10, buyAgain: 9 },
      { recommend: 9, buyAgain: 3 },
      { recommend: 5, buyAgain: 10 },
      { recommend: 2, buyAgain: 2 },
      { recommend: undefined, buyAgain: 2 },
    ]);
    expect(r).toMatchObject({ value: 25, n: 4, excluded: 1 });
    expect(r.counts).toEqual({ champions: 1, moralSupporters: 1, captives: 1, rebels: 1 });
    expect(r.shares).toEqual({ champions: 25, moralSupporters: 25, captives: 25, rebels: 25 });
  });

  it('a different cut-off can be chosen', () => {
    expect(advocateSegmentOf({ recommend: 8, buyAgain: 8 }, 7)).toBe('champions');
  });

  it.each([
    { pairs: [], reason: 'no answer pairs' },
    { pairs: [{ recommend: null, buyAgain: null }], reason: '1 incomplete' },
  ])('no complete pairs -> null ($reason)', ({ pairs, reason }) => {
    const r = advocateSegments(pairs);
    expect(r).toMatchObject({ value: null, n: 0 });
    expect(r.reason).toContain(reason);
    expect(r.shares.champions).toBeNull();
  });
});
