import { expect, it } from 'vitest';
import { defaultPeriod, periodError } from './period';

it('defaults to the twelve months up to and including today', () => {
  expect(defaultPeriod(new Date('2026-03-01T12:00:00Z'))).toEqual({ from: '2025-03-02', to: '2026-03-02' });
  expect(defaultPeriod(new Date('2024-02-29T23:00:00Z'))).toEqual({ from: '2023-03-01', to: '2024-03-01' });
});

it('says what is wrong with a typed period', () => {
  expect(periodError({ from: '2026-01-01', to: '2026-03-01' })).toBeUndefined();
  expect(periodError({ from: '2026-03-01', to: '2026-03-01' })).toBe('“To” must be after “From”');
  expect(periodError({ from: '', to: '2026-03-01' })).toBe('both dates are needed');
});
