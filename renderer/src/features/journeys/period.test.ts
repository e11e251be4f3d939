import { describe, expect, it } from 'vitest';
import { periodInput, periodRange } from './period';

describe('measuring periods', () => {
  const today = new Date('2026-03-15T10:00:00Z');
  it.each([
    ['last12', '2025-04-01', '2026-04-01'],
    ['last3', '2026-01-01', '2026-04-01'],
    ['previous12', '2024-04-01', '2025-04-01'],
  ] as const)('%s is %s to %s', (id, from, to) => {
    expect(periodInput(id, today)).toEqual({ from, to });
  });
});

it('names the months a period covers', () => {
  expect(periodRange('2025-12-01', '2026-12-01', 'en-US')).toBe('Dec 2025 – Nov 2026');
  expect(periodRange('2026-01-01', '2026-02-01', 'en-US')).toBe('Jan 2026 – Jan 2026');
});
