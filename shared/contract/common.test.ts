import { describe, expect, it } from 'vitest';
import { instant } from './common';

describe('instant', () => {
  it('stores any offset as UTC with milliseconds, and keeps a value already in that form as is', () => {
    expect(instant.parse('2026-03-01T09:30:00+02:00')).toBe('2026-03-01T07:30:00.000Z');
    expect(instant.parse('2026-03-01T09:30:00Z')).toBe('2026-03-01T09:30:00.000Z');
    expect(instant.parse('2026-03-01T09:30:00.1Z')).toBe('2026-03-01T09:30:00.100Z');
    expect(instant.parse('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
  });
  it('still refuses impossible days and times in the canonical form', () => {
    for (const bad of ['2026-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T10:60:00.000Z']) {
      expect(instant.safeParse(bad).success).toBe(false);
    }
  });
  it('refuses an offset that carries the instant past year 9999, and an offset instant before year 0', () => {
    expect(instant.safeParse('9999-12-31T23:59:59-23:59').success).toBe(false);
    expect(instant.safeParse('0000-01-01T00:00:00+01:00').success).toBe(false);
    expect(instant.parse('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
  });
});
