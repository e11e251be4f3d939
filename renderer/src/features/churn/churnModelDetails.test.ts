import { describe, expect, it } from 'vitest';
import { splitSpread, weightInWords } from './ChurnModelDetails';

describe('the churn model details in words', () => {
  it('says which way one standard deviation moves the odds, and by how much', () => {
    expect(weightInWords('Tickets in 90 days', 0.61)).toBe('Tickets in 90 days: one standard deviation more raises the churn odds ×1.84');
    expect(weightInWords('Last NPS answer', -0.5)).toBe('Last NPS answer: one standard deviation more lowers the churn odds ×0.61');
    expect(weightInWords('Employees (log)', 0.004)).toBe('Employees (log): barely matters to churn');
    // With the core's step in the feature's unit.
    expect(weightInWords('days since the last touchpoint', 0.3, '45 days')).toBe(
      'days since the last touchpoint: one standard deviation more (45 days) raises the churn odds ×1.35',
    );
    expect(weightInWords('ARR', -0.2, '×2.7')).toBe('ARR: one standard deviation more (×2.7) lowers the churn odds ×0.82');
    expect(weightInWords('median resolution missing', -0.016)).toBe('median resolution unknown: having no value lowers the churn odds (×0.98 per standard deviation)');
  });

  it('gives the mean and the middle 95 % of the splits, by hand', () => {
    // Five AUCs sorted 0.70, 0.75, 0.80, 0.85, 0.90: the 2.5th percentile sits at rank 0.1 (0.70 + 0.1 × 0.05), the 97.5th at rank 3.9.
    const spread = splitSpread([0.8, 0.7, null, 0.9, 0.75, 0.85])!;
    expect(spread.n).toBe(5);
    expect(spread.mean).toBeCloseTo(0.8, 12);
    expect(spread.low).toBeCloseTo(0.705, 12);
    expect(spread.high).toBeCloseTo(0.895, 12);
    expect(splitSpread([null, null])).toBeNull();
  });
});
