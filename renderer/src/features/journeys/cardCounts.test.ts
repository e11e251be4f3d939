import { describe, expect, it } from 'vitest';
import { cardCounts } from './journeyFormat';

describe('card counts', () => {
  const target = { metric: 'csat', operator: '>=', value: 4 } as const;
  const rule = { source: 'tickets' } as const;
  it.each([
    [{ target, matchRule: rule }, { n: 1200, volume: 1300 }, 'CSAT · n 1,200 · 1,300 records'],
    [{ target: null, matchRule: rule }, { n: 0, volume: 195 }, '195 records'],
    [{ target: null, matchRule: rule }, { n: 0, volume: 1 }, '1 record'],
    [{ target: null, matchRule: null }, { n: 0, volume: 0 }, 'No rule, nothing linked'],
    [{ target, matchRule: rule }, undefined, '…'],
  ] as const)('%o %o reads %s', (touchpoint, measure, text) => {
    expect(cardCounts(touchpoint, measure)).toBe(text);
  });
});
