import { describe, expect, it } from 'vitest';
import { currentQuarter, shiftQuarter } from './goalLabels';

describe('quarters', () => {
  it('move across years and name today', () => {
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q2', 0)).toBe('2026-Q2');
    expect(currentQuarter(new Date('2026-12-07T04:00:00Z'))).toBe('2026-Q4');
  });
});
