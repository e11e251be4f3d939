import { describe, expect, it } from 'vitest';
import { addMonths, addMonthsRollingOver, DAY_MS } from './dates';

describe('addMonths: the day clamped to the month end', () => {
  it.each([
    // date, months, expected
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'], // month end, common year
    ['2024-01-31', 1, '2024-02-29'], // month end, leap year
    ['2000-01-31', 1, '2000-02-29'], // divisible by 400: leap
    ['1900-01-31', 1, '1900-02-28'], // divisible by 100: not leap
    ['2024-02-29', 12, '2025-02-28'], // leap day a year on
    ['2024-02-29', 48, '2028-02-29'], // leap day four years on
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-05-31', -1, '2026-04-30'], // 30-day month
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 1, '2027-01-31'], // across a year
    ['2026-01-31', -1, '2025-12-31'],
    ['2026-11-01', -12, '2025-11-01'],
    ['2026-07-01', -25, '2024-06-01'],
    ['2026-03-15', 0, '2026-03-15'],
    ['2026-03-15T12:34:56.000Z', 1, '2026-04-15'], // a time of day is ignored
  ])('%s %+d months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('never leaves the target month, and a month later is never before the date', () => {
    for (let day = 0; day < 4 * 366; day++) {
      const date = new Date(Date.UTC(2023, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
      for (const months of [-13, -1, 1, 11, 12]) {
        const moved = addMonths(date, months);
        const target = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
        expect(Number(moved.slice(0, 4)) * 12 + Number(moved.slice(5, 7)) - 1).toBe(target);
        expect(Number(moved.slice(8, 10))).toBeLessThanOrEqual(Number(date.slice(8, 10)));
      }
    }
  });
});

describe('addMonthsRollingOver: Date#setUTCMonth (the demo generator only)', () => {
  const ms = (iso: string) => Date.parse(iso);
  it.each([
    ['2026-01-15T09:30:00.000Z', 1, '2026-02-15T09:30:00.000Z'], // keeps the time of day
    ['2026-01-31T00:00:00.000Z', 1, '2026-03-03T00:00:00.000Z'], // rolls over, common year
    ['2024-01-31T00:00:00.000Z', 1, '2024-03-02T00:00:00.000Z'], // rolls over, leap year
    ['2024-02-29T00:00:00.000Z', 12, '2025-03-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', 2, '2027-03-03T23:59:59.999Z'],
    ['2026-11-01T00:00:00.000Z', -24, '2024-11-01T00:00:00.000Z'],
  ])('%s %+d months = %s', (from, months, expected) => {
    expect(new Date(addMonthsRollingOver(ms(from), months)).toISOString()).toBe(expected);
  });
});

it('DAY_MS is one UTC day', () => {
  expect(Date.UTC(2026, 2, 30) - Date.UTC(2026, 2, 29)).toBe(DAY_MS);
});
