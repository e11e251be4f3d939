import { describe, expect, it } from 'vitest';
import { expectationGap, verdictOf } from './gap';

describe('expectation gap', () => {
  it.each([
    // target, actual, gap, verdict
    [{ metric: 'csat', operator: '>=', value: 4.5 } as const, 4.7, 0.2, 'met'],
    [{ metric: 'csat', operator: '>=', value: 4.5 } as const, 4.5, 0, 'met'],
    [{ metric: 'csat', operator: '>=', value: 4.5 } as const, 4.2, -0.3, 'near'],
    [{ metric: 'csat', operator: '>=', value: 4.5 } as const, 3.9, -0.6, 'missed'],
    [{ metric: 'first_response_hours', operator: '<=', value: 4 } as const, 3, 1, 'met'],
    [{ metric: 'first_response_hours', operator: '<=', value: 4 } as const, 4.3, -0.3, 'near'],
    [{ metric: 'first_response_hours', operator: '<=', value: 4 } as const, 6, -2, 'missed'],
    [{ metric: 'nps', operator: '>=', value: 0 } as const, -0.05, -0.05, 'near'],
  ])('%o against %d: gap %d, %s', (target, actual, gap, verdict) => {
    expect(expectationGap(target, actual)).toBeCloseTo(gap, 10);
    expect(verdictOf(target, actual, 10)).toBe(verdict);
  });

  it('says when there is no target or no data rather than guessing', () => {
    expect(verdictOf(null, 4, 10)).toBe('no_target');
    expect(verdictOf({ metric: 'csat', operator: '>=', value: 4 }, null, 0)).toBe('no_data');
  });
});
