import { describe, expect, it } from 'vitest';
import { monthLabel, monthOfDate, monthStart, periodsOf, previousMonths, resolveMonths } from './period';

const NOW = new Date('2026-03-15T12:00:00Z');

describe('periods', () => {
  it('numbers months and back', () => {
    expect(monthOfDate('2026-03-01')).toBe(2026 * 12 + 2);
    expect(monthStart(monthOfDate('2026-12-31'))).toBe('2026-12-01');
    expect(monthLabel(monthOfDate('2025-01-09'))).toBe('2025-01');
  });

  it.each([
    [{}, 'month', '2025-04-01', '2026-04-01'],
    [{ from: '2026-01-01', to: '2026-02-01' }, 'month', '2026-01-01', '2026-02-01'],
    [{ from: '2026-01-15', to: '2026-02-10' }, 'month', '2026-01-01', '2026-03-01'],
    [{ to: '2026-01-01' }, 'month', '2025-01-01', '2026-01-01'],
    [{ from: '2026-02-01', to: '2026-04-01' }, 'quarter', '2026-01-01', '2026-04-01'],
    [{ from: '2026-02-01', to: '2026-02-01' }, 'month', '2026-02-01', '2026-03-01'],
  ] as const)('%j by %s -> %s .. %s', (query, granularity, from, to) => {
    const range = resolveMonths(query, NOW, granularity);
    expect([monthStart(range.from), monthStart(range.to)]).toEqual([from, to]);
  });

  it('the previous period has the same length', () => {
    const range = resolveMonths({ from: '2026-01-01', to: '2026-04-01' }, NOW);
    expect(previousMonths(range)).toEqual({ from: range.from - 3, to: range.from });
  });

  it('splits a range into months or quarters', () => {
    const range = resolveMonths({ from: '2025-11-01', to: '2026-04-01' }, NOW);
    expect(periodsOf(range, 'month').map((p) => p.label)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    const quarters = resolveMonths({ from: '2025-11-01', to: '2026-04-01' }, NOW, 'quarter');
    expect(periodsOf(quarters, 'quarter').map((p) => p.label)).toEqual(['2025-Q4', '2026-Q1']);
  });
});

describe('month of an instant', () => {
  it('agrees with Date across years, leap days and month boundaries', async () => {
    const { monthOfMs } = await import('./period');
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 86_400_000 * 3 + 3_600_000 * 7 + 1) {
      const d = new Date(ms);
      expect(monthOfMs(ms)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
    }
    expect(monthOfMs(Date.UTC(2026, 2, 1) - 1)).toBe(2026 * 12 + 1);
    expect(monthOfMs(Date.UTC(2026, 2, 1))).toBe(2026 * 12 + 2);
    expect(monthOfMs(Date.UTC(2024, 1, 29, 23, 59))).toBe(2024 * 12 + 1);
  });
});
