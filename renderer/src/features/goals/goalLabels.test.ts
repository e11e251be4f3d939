import { describe, expect, it } from 'vitest';
import { addDays, currentQuarter, quarterStart, scopeText, shiftQuarter } from './goalLabels';

describe('quarters', () => {
  it('move across years and name today', () => {
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q2', 0)).toBe('2026-Q2');
    expect(currentQuarter(new Date('2026-12-07T04:00:00Z'))).toBe('2026-Q4');
  });
});

describe('goal periods and scopes', () => {
  it('move dates by days across months and years, and start quarters', () => {
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(quarterStart('2026-Q4')).toBe('2026-10-01');
  });
  it('say whose accounts a goal is on', () => {
    const goal = { segment: null, owner: null } as Parameters<typeof scopeText>[0];
    expect(scopeText(goal)).toBe('All accounts');
    expect(scopeText({ ...goal, segment: 'mid_market', owner: 'Dana' })).toBe('Mid-market, owned by Dana');
    expect(scopeText({ ...goal, segment: '' })).toBe('No segment');
  });
});
