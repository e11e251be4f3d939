import { describe, expect, it } from 'vitest';
import { businessMinutesBetween, createBusinessClock, zonedToUtc, type BusinessSchedule } from './businessClock';

const weekdays = (timeZone: string, start = '09:00', end = '17:00'): BusinessSchedule => ({ timeZone, days: [1, 2, 3, 4, 5], start, end });
const allWeek = (timeZone: string, start: string, end: string): BusinessSchedule => ({ timeZone, days: [1, 2, 3, 4, 5, 6, 7], start, end });

describe('business minutes', () => {
  it.each([
    // 2026-03-06 is a Friday.
    ['inside one working day', '2026-03-04T10:00:00Z', '2026-03-04T12:30:00Z', 150],
    ['across a weekend: Friday 16:00 to Monday 10:00 is two working hours', '2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z', 120],
    ['opened on Saturday, answered on Sunday: no working time', '2026-03-07T10:00:00Z', '2026-03-08T18:00:00Z', 0],
    ['opened at night, answered at 09:30 the next morning', '2026-03-03T22:00:00Z', '2026-03-04T09:30:00Z', 30],
    ['a whole working week', '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z', 5 * 8 * 60],
    ['end before start', '2026-03-04T12:00:00Z', '2026-03-04T10:00:00Z', 0],
  ])('UTC, Monday-Friday 09-17: %s', (_label, from, to, minutes) => {
    expect(businessMinutesBetween(from, to, weekdays('UTC'))).toBeCloseTo(minutes, 9);
  });

  it("reads the schedule in the team's zone: 09:00 in New York is 14:00 UTC in winter", () => {
    expect(businessMinutesBetween('2026-02-02T13:00:00Z', '2026-02-02T15:00:00Z', weekdays('America/New_York'))).toBe(60);
    // Summer time (EDT, UTC−4): 09:00 local is 13:00 UTC.
    expect(businessMinutesBetween('2026-06-01T13:00:00Z', '2026-06-01T15:00:00Z', weekdays('America/New_York'))).toBe(120);
  });

  it('a day on which summer time begins is an hour shorter (Europe/Berlin, 29 March 2026)', () => {
    // 00:00-06:00 local: 23:00Z (CET) to 04:00Z (CEST) = 5 hours, not 6.
    const s = allWeek('Europe/Berlin', '00:00', '06:00');
    expect(businessMinutesBetween('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', s)).toBe(5 * 60);
    expect(businessMinutesBetween('2026-03-27T12:00:00Z', '2026-03-28T12:00:00Z', s)).toBe(6 * 60);
  });

  it('a day on which summer time ends is an hour longer (Europe/Berlin, 25 October 2026)', () => {
    const s = allWeek('Europe/Berlin', '00:00', '06:00');
    expect(businessMinutesBetween('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', s)).toBe(7 * 60);
  });

  it('a working week across the US change keeps 40 hours and shifts the UTC windows', () => {
    // 2026-03-08 (Sunday) New York moves from UTC−5 to UTC−4.
    const s = weekdays('America/New_York');
    expect(businessMinutesBetween('2026-03-02T00:00:00Z', '2026-03-14T00:00:00Z', s)).toBe(10 * 8 * 60);
    // Monday after the change: 09:00 EDT = 13:00Z, so 13:00Z-14:00Z is working time.
    expect(businessMinutesBetween('2026-03-09T13:00:00Z', '2026-03-09T14:00:00Z', s)).toBe(60);
    expect(businessMinutesBetween('2026-03-06T13:00:00Z', '2026-03-06T14:00:00Z', s)).toBe(0);
  });

  it('maps wall times in a gap forward and repeated ones to the first occurrence', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin: 03:30 CEST = 01:30Z.
    expect(new Date(zonedToUtc(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 on 25 October 2026 happens twice: the first is 00:30Z (CEST).
    expect(new Date(zonedToUtc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('a reused clock gives the same answers as one-off calls', () => {
    const clock = createBusinessClock(weekdays('Europe/Berlin'));
    const from = Date.parse('2026-03-06T15:00:00Z');
    const to = Date.parse('2026-03-10T08:30:00Z');
    expect(clock(from, to)).toBe(businessMinutesBetween(from, to, weekdays('Europe/Berlin')));
    expect(clock(from, to)).toBe(60 + 8 * 60 + 30);
  });
});
