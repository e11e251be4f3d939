import { describe, expect, it } from 'vitest';
import { nextBackupDue } from './schedule';

const HOUR = 3_600_000;
const now = new Date('2026-03-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);

describe('nextBackupDue', () => {
  it('is due at once when no scheduled backup was ever taken', () => {
    expect(nextBackupDue(null, now, 6)).toBe(0);
  });
  it('waits the rest of the interval after a recent backup', () => {
    expect(nextBackupDue(hoursAgo(1), now, 6)).toBe(5 * HOUR);
    expect(nextBackupDue(now, now, 6)).toBe(6 * HOUR);
  });
  it('is due at once when the last backup is as old as the interval or older', () => {
    expect(nextBackupDue(hoursAgo(6), now, 6)).toBe(0);
    expect(nextBackupDue(hoursAgo(100), now, 6)).toBe(0);
  });
  it('never waits longer than one interval, even after the clock went back', () => {
    expect(nextBackupDue(new Date(now.getTime() + 48 * HOUR), now, 6)).toBe(6 * HOUR);
  });
});
