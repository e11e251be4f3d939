import { describe, expect, it } from 'vitest';
import { clvCohort, clvSimple, customerEquity, returnOnCustomer } from './value';

describe('CLV simple form fixtures (metrics.md): m · r / (1 + i − r)', () => {
  it.each([
    { i: 0.1, r: 0.6, multiple: 1.2 },
    { i: 0.1, r: 0.7, multiple: 1.75 },
    { i: 0.1, r: 0.8, multiple: 2.667 },
    { i: 0.1, r: 0.9, multiple: 4.5 },
    { i: 0.12, r: 0.8, multiple: 2.5 },
    { i: 0.12, r: 0.9, multiple: 4.09 },
  ])('i = $i, r = $r -> $multiple m', ({ i, r, multiple }) => {
    const result = clvSimple({ margin: 1, retention: r, discount: i });
    const decimals = String(multiple).split('.')[1]?.length ?? 0;
    expect(Number(result.multiple!.toFixed(decimals))).toBe(multiple);
    expect(result.value).toBe(result.multiple);
    expect(result.n).toBe(1);
  });

  it('m = 100, r = 0.8, i = 0.1 -> 266.67', () => {
    const r = clvSimple({ margin: 100, retention: 0.8, discount: 0.1 });
    expect(r.value).toBeCloseTo(266.67, 2);
    expect(r.value).toBeCloseTo(800 / 3, 9); // unrounded inside
  });
});

describe('CLV simple form edges', () => {
  it.each([
    { input: { margin: 100, retention: 0, discount: 0.1 }, value: 0 },
    { input: { margin: 100, retention: 1, discount: 0.25 }, value: 400 },
    { input: { margin: -50, retention: 0.5, discount: 0 }, value: -50 },
  ])('%# $input -> $value', ({ input, value }) => {
    expect(clvSimple(input).value).toBeCloseTo(value, 9);
  });

  it.each([
    { input: { margin: 100, retention: 1, discount: 0 }, reason: 'converge' },
    { input: { margin: 100, retention: 1.2, discount: 0.1 }, reason: 'between 0 and 1' },
    { input: { margin: 100, retention: 0.8, discount: -1 }, reason: 'above' },
    { input: { margin: Number.NaN, retention: 0.8, discount: 0.1 }, reason: 'numbers' },
  ])('%# $input -> null ($reason)', ({ input, reason }) => {
    const r = clvSimple(input);
    expect(r.value).toBeNull();
    expect(r.reason).toContain(reason);
  });
});

describe('CLV cohort form: Σ m_t · S_t / (1 + i)^t, t = 1..T', () => {
  it.each([
    // One period: 100 · 0.8 / 1.1
    { margins: [100], retention: 0.8, i: 0.1, value: 80 / 1.1 },
    // Two periods: 100 · 0.8 / 1.1 + 120 · 0.64 / 1.21
    { margins: [100, 120], retention: 0.8, i: 0.1, value: 80 / 1.1 + 76.8 / 1.21 },
    // A survival curve instead of a constant rate
    { margins: [100, 100], retention: [0.9, 0.5], i: 0, value: 140 },
  ])('%# -> $value', ({ margins, retention, i, value }) => {
    const r = clvCohort({ margins, retention, discount: i });
    expect(r.value).toBeCloseTo(value, 9);
    expect(r.n).toBe(margins.length);
    expect(r.terms).toHaveLength(margins.length);
  });

  it('tends to the simple form as the horizon grows (same timing)', () => {
    const margins = Array<number>(400).fill(100);
    expect(clvCohort({ margins, retention: 0.8, discount: 0.1 }).value).toBeCloseTo(800 / 3, 6);
    const simple = clvSimple({ margin: 100, retention: 0.9, discount: 0.12 }).value!;
    expect(clvCohort({ margins, retention: 0.9, discount: 0.12 }).value).toBeCloseTo(simple, 6);
  });

  it.each([
    { input: { margins: [], retention: 0.8, discount: 0.1 }, reason: 'no margins' },
    { input: { margins: [100, 100], retention: [0.9], discount: 0.1 }, reason: 'survival curve' },
    { input: { margins: [100], retention: [1.5], discount: 0.1 }, reason: 'between 0 and 1' },
    { input: { margins: [100], retention: 0.8, discount: -2 }, reason: 'above' },
  ])('%# -> null ($reason)', ({ input, reason }) => {
    const r = clvCohort(input);
    expect(r.value).toBeNull();
    expect(r.reason).toContain(reason);
  });
});

describe('customer equity and return on customer fixtures (metrics.md)', () => {
  it('CE = sum of CLV: 266.67 + 120 + 50 -> 436.67', () => {
    expect(customerEquity([266.67, 120, 50])).toMatchObject({ value: expect.closeTo(436.67, 9), n: 3 });
    const clv = clvSimple({ margin: 100, retention: 0.8, discount: 0.1 });
    expect(customerEquity([clv, 120, 50]).value).toBeCloseTo(436.67, 2);
  });

  it.each([
    { name: 'cash flow 100, CE 1000 -> 950', cashFlow: 100, start: 1000, end: 950, roc: 5 },
    { name: '"milking": cash flow 200, CE 1000 -> 800', cashFlow: 200, start: 1000, end: 800, roc: 0 },
  ])('ROC: $name = $roc %', ({ cashFlow, start, end, roc }) => {
    expect(returnOnCustomer({ cashFlow, equityStart: start, equityEnd: end })).toEqual({ value: roc, n: 1 });
  });
});

describe('customer equity and ROC edges', () => {
  it.each([
    { clvs: [], value: null, n: 0, warned: false },
    { clvs: [null, { value: null, n: 1 }], value: null, n: 0, warned: false },
    { clvs: [100, null, { value: 50, n: 1 }], value: 150, n: 2, warned: true },
  ])('CE of $clvs -> $value', ({ clvs, value, n, warned }) => {
    const r = customerEquity(clvs);
    expect(r).toMatchObject({ value, n });
    expect(r.warning !== undefined).toBe(warned);
    if (value === null) expect(r.reason).toBeTruthy();
  });

  it.each([
    { input: { cashFlow: 10, equityStart: 0, equityEnd: 10 }, value: null },
    { input: { cashFlow: Number.NaN, equityStart: 100, equityEnd: 10 }, value: null },
    { input: { cashFlow: 0, equityStart: 100, equityEnd: 80, accounts: 12 }, value: -20 },
  ])('%# ROC -> $value', ({ input, value }) => {
    expect(returnOnCustomer(input).value).toBe(value);
  });
});
