import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { customerValueAdded, customerValueFigures, customerValueRatio } from './customerValue';
import { metricDefinition } from './definitions';
import { clvCohort, clvSimple } from './value';

// Issue 16, hand-computed: CLV under both survival conventions and net of the acquisition cost;
// Gale's customer value added and the weighted customer value ratio.

describe('CLV survival conventions and acquisition cost', () => {
  // m 1,000 a year, r 0.8, i 0.1: 1 + i − r = 0.3.
  it('retained to year 1 (r^t): 1000 · 0.8 / 0.3 = 2,666.67; with AC 500: 2,166.67', () => {
    expect(clvSimple({ margin: 1000, retention: 0.8, discount: 0.1 }).value).toBeCloseTo(2666.6667, 3);
    expect(clvSimple({ margin: 1000, retention: 0.8, discount: 0.1, survival: 'retained', acquisitionCost: 500 }).value).toBeCloseTo(2166.6667, 3);
  });

  it('present in year 1 (r^(t−1)): 1000 / 0.3 = 3,333.33; with AC 500: 2,833.33', () => {
    const present = clvSimple({ margin: 1000, retention: 0.8, discount: 0.1, survival: 'present' });
    expect(present.value).toBeCloseTo(3333.3333, 3);
    expect(present.multiple).toBeCloseTo(1 / 0.3, 12);
    expect(clvSimple({ margin: 1000, retention: 0.8, discount: 0.1, survival: 'present', acquisitionCost: 500 }).value).toBeCloseTo(2833.3333, 3);
  });

  it('the two conventions differ by the factor r: present = retained / r', () => {
    const retained = clvSimple({ margin: 700, retention: 0.6, discount: 0.05 }).value!;
    expect(clvSimple({ margin: 700, retention: 0.6, discount: 0.05, survival: 'present' }).value).toBeCloseTo(retained / 0.6, 9);
  });

  it('cohort form, two years of 100 with r 0.5 and i 0: retained 50 + 25 = 75, present 100 + 50 = 150', () => {
    expect(clvCohort({ margins: [100, 100], retention: 0.5, discount: 0 }).value).toBeCloseTo(75, 12);
    expect(clvCohort({ margins: [100, 100], retention: 0.5, discount: 0, survival: 'present' }).value).toBeCloseTo(150, 12);
    // An observed curve S = (0.9, 0.6), i = 10 %, AC 20: present = 100/1.1 + 100·0.9/1.21 − 20.
    const cohort = clvCohort({ margins: [100, 100], retention: [0.9, 0.6], discount: 0.1, survival: 'present', acquisitionCost: 20 });
    expect(cohort.value).toBeCloseTo(100 / 1.1 + 90 / 1.21 - 20, 9);
    expect(clvCohort({ margins: [100, 100], retention: [0.9, 0.6], discount: 0.1, acquisitionCost: 20 }).value).toBeCloseTo(90 / 1.1 + 60 / 1.21 - 20, 9);
  });

  it('each convention has its definition, naming it', () => {
    expect(metricDefinition('clv')?.formula).toContain('r^t');
    expect(metricDefinition('clv')?.formula).toContain('AC');
    expect(metricDefinition('clvPresent')?.formula).toContain('r^(t−1)');
    expect(metricDefinition('clvCohortPresent')?.formula).toContain('present in year 1');
  });
});

describe('customer value added and the weighted customer value ratio (Gale)', () => {
  it('by hand: quality 125, price satisfaction 118.7 → relative price 84.25; CVA 125 / 84.25 = 1.48; CVR 80/20 = 0.8·1.25 + 0.2·1.187 = 1.2374', () => {
    expect(customerValueAdded(125, 10_000 / 118.7)).toBeCloseTo(1.48375, 12);
    expect(customerValueRatio(125, 118.7, { quality: 80, price: 20 })).toBeCloseTo(1.2374, 12);
    // Weights are relative: 4/1 is 80/20; 50/50 is the plain mean.
    expect(customerValueRatio(125, 118.7, { quality: 4, price: 1 })).toBeCloseTo(1.2374, 12);
    expect(customerValueRatio(125, 118.7, { quality: 50, price: 50 })).toBeCloseTo(1.2185, 12);
    expect(customerValueAdded(100, 100)).toBe(1);
    expect(customerValueRatio(100, 100, { quality: 0, price: 0 })).toBeNull();
  });

  it('from the value-map survey in settings, with the settings’ weights', () => {
    const survey = {
      competitor: 'Marque B',
      rounding: 'ratio-2dp' as const,
      quality: [
        { name: 'reliability', weight: 50, ours: 8, theirs: 8 },
        { name: 'service', weight: 50, ours: 9, theirs: 6 },
      ],
      price: [
        { name: 'purchase price', weight: 60, ours: 9, theirs: 7 },
        { name: 'trade-in value', weight: 20, ours: 6, theirs: 6 },
        { name: 'resale value', weight: 10, ours: 9, theirs: 8 },
        { name: 'finance rate', weight: 10, ours: 7, theirs: 7 },
      ],
    };
    const cv = customerValueFigures(survey, { quality: 70, price: 30 });
    expect(cv.customerValueAdded).toMatchObject({ definition: 'customerValueAdded', n: 6 });
    expect(cv.customerValueAdded.value).toBeCloseTo((125 * 118.7) / 10_000, 12);
    expect(cv.customerValueRatio).toMatchObject({ definition: 'customerValueRatio', qualityWeight: 70, priceWeight: 30 });
    expect(cv.customerValueRatio.value).toBeCloseTo(0.7 * 1.25 + 0.3 * 1.187, 12);
    expect(customerValueFigures(survey).customerValueRatio.value).toBeCloseTo(1.2374, 12); // default 80/20
  });

  it('without a survey both say what to enter', () => {
    const cv = customerValueFigures(DEFAULT_SETTINGS.valueMap);
    expect(cv.customerValueAdded).toMatchObject({ value: null, reason: expect.stringContaining('no value-map survey') });
    expect(cv.customerValueRatio).toMatchObject({ value: null, reason: expect.stringContaining('no value-map survey') });
  });
});
