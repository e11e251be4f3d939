import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { type Ask, asksInWindow, availabilityOf, localDay } from './fatigue';

const rules = DEFAULT_SETTINGS.leverage.fatigue; // window 90, calls 2, others 1, total 4, rest 30
const ON = '2026-03-01';

describe('availability of a reference (hand-computed)', () => {
  it('no asks: available today', () => {
    const a = availabilityOf([], rules, 'reference_call', ON);
    expect(a).toMatchObject({ available: true, availableFrom: ON, lastUsedAt: null, restUntil: null, total: { asks: 0, budget: 4 } });
    expect(a.reason).toBe('0 reference calls of 2 and 0 asks of 4 in the last 90 days');
  });

  it('two calls in the window: free when the older one leaves it (10 Jan + 90 days = 10 Apr, whatever its time of day)', () => {
    const asks: Ask[] = [
      { activity: 'reference_call', at: '2026-01-10T10:00:00.000Z', completed: true },
      { activity: 'reference_call', at: '2026-02-20T10:00:00.000Z', completed: true },
    ];
    const a = availabilityOf(asks, rules, 'reference_call', ON);
    expect(a.available).toBe(false);
    expect(a.availableFrom).toBe('2026-04-10');
    expect(a.reason).toBe('2 reference calls in the last 90 days (budget 2): available from 10 April 2026');
    expect(a.restUntil).toBe('2026-03-21');
    expect(a.activities).toEqual([{ activity: 'reference_call', asks: 2, budget: 2 }]);
    // Another activity is only held by the rest period after the last use (20 Feb + 30 days).
    const quote = availabilityOf(asks, rules, 'press_quote', ON);
    expect(quote.availableFrom).toBe('2026-03-22');
    expect(quote.reason).toBe('resting after the use on 20 February 2026: available from 22 March 2026');
  });

  it('the rest period alone', () => {
    const a = availabilityOf([{ activity: 'reference_call', at: '2026-02-20T10:00:00.000Z', completed: true }], rules, 'reference_call', ON);
    expect(a).toMatchObject({ available: false, availableFrom: '2026-03-22', restUntil: '2026-03-21', lastUsedAt: '2026-02-20T10:00:00.000Z' });
    expect(availabilityOf([{ activity: 'reference_call', at: '2026-02-20T10:00:00.000Z', completed: true }], rules, 'reference_call', '2026-03-22').available).toBe(true);
  });

  it('all asks of the contact count against the total budget, open and scheduled ones too', () => {
    const asks: Ask[] = [
      { activity: 'analyst_briefing', at: '2025-12-15T09:00:00.000Z', completed: false },
      { activity: 'logo_use', at: '2026-01-05T09:00:00.000Z', completed: false },
      { activity: 'press_quote', at: '2026-02-01T09:00:00.000Z', completed: false },
      { activity: 'case_study', at: '2026-03-10T09:00:00.000Z', completed: false },
      { activity: 'case_study', at: '2025-11-01T09:00:00.000Z', completed: false }, // outside the window
    ];
    const a = availabilityOf(asks, rules, 'reference_call', ON);
    expect(a.total).toEqual({ asks: 4, budget: 4, fromUsageLimit: false });
    expect(a.availableFrom).toBe('2026-03-15'); // 15 Dec + 90 days = 15 Mar (days, not instants)
    expect(a.reason).toBe('4 asks in the last 90 days (budget 4): available from 15 March 2026');
    // The reference's own usage limit replaces the total budget.
    const limited = availabilityOf(asks, rules, 'reference_call', ON, 5);
    expect(limited).toMatchObject({ available: true, total: { asks: 4, budget: 5, fromUsageLimit: true } });
    // Limit 2: three of the four must leave; the third oldest (1 Feb) leaves on 2 May.
    expect(availabilityOf(asks, rules, 'reference_call', ON, 2).reason).toBe('4 asks in the last 90 days (usage limit 2): available from 2 May 2026');
  });

  it('a budget of 0 never allows the activity', () => {
    const a = availabilityOf([], { ...rules, budgets: { ...rules.budgets, site_visit: 0 } }, 'site_visit', ON);
    expect(a).toMatchObject({ available: false, availableFrom: null, reason: 'the budget for site visits is 0' });
  });

  it('an ask leaves the window at exactly its date + window', () => {
    const asks: Ask[] = [
      { activity: 'reference_call', at: '2025-12-01T00:00:00.000Z', completed: false },
      { activity: 'reference_call', at: '2026-01-15T00:00:00.000Z', completed: false },
    ];
    // 1 Dec + 90 days = 1 Mar 00:00: on 1 Mar the older ask no longer counts.
    expect(availabilityOf(asks, rules, 'reference_call', '2026-02-28').availableFrom).toBe('2026-03-01');
    expect(availabilityOf(asks, rules, 'reference_call', '2026-03-01').available).toBe(true);
  });

  it('counts asks in the window', () => {
    const asks: Ask[] = [
      { activity: 'reference_call', at: '2026-02-01T00:00:00.000Z', completed: true },
      { activity: 'press_quote', at: '2025-10-01T00:00:00.000Z', completed: true },
    ];
    expect(asksInWindow(asks, 90, ON)).toBe(1);
    expect(asksInWindow(asks, 365, ON)).toBe(2);
  });
});

/** Day n of 2026 (day 1 = 1 January) as YYYY-MM-DD, and a time on it. */
const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);
const call = (n: number, time: string, completed = true): Ask => ({ activity: 'reference_call', at: `${day(n)}T${time}.000Z`, completed });

describe('fatigue counts days, not instants (issue 16)', () => {
  // At most 2 calls per rolling 90 days, 30 days' rest after a use (the defaults).
  it.each(['00:00:00', '09:00:00', '15:00:00', '23:59:59'])('calls on day 10 and day 70 at %s: available from day 100, not before', (time) => {
    const asks = [call(10, time), call(70, time)];
    expect(availabilityOf(asks, rules, 'reference_call', day(80))).toMatchObject({ available: false, availableFrom: day(100) });
    expect(availabilityOf(asks, rules, 'reference_call', day(99))).toMatchObject({ available: false, availableFrom: day(100) });
    expect(availabilityOf(asks, rules, 'reference_call', day(100))).toMatchObject({ available: true, availableFrom: day(100) });
  });

  it('the window boundary: a call exactly 90 days ago no longer counts, one 89 days ago does', () => {
    const asks = [call(10, '15:00:00', false), call(20, '15:00:00', false)];
    expect(asksInWindow(asks, 90, day(100))).toBe(1); // day 10 is 90 days before day 100
    expect(asksInWindow(asks, 90, day(99))).toBe(2); // 89 days before day 99
    expect(availabilityOf(asks, rules, 'reference_call', day(99)).available).toBe(false);
    expect(availabilityOf(asks, rules, 'reference_call', day(100)).available).toBe(true);
  });

  it('the rest period ends on the use’s day + rest days, whatever the hour of the use', () => {
    for (const time of ['00:00:01', '15:00:00', '23:59:59']) {
      const asks = [call(70, time)];
      expect(availabilityOf(asks, rules, 'press_quote', day(99))).toMatchObject({ available: false, availableFrom: day(100), restUntil: day(99) });
      expect(availabilityOf(asks, rules, 'press_quote', day(100)).available).toBe(true);
    }
  });
});

describe("fatigue counts the workspace's local days (issue 16: a call at 23:30 local time counts on that day)", () => {
  const NY = 'America/New_York';
  // Day 0 = 1 Jan 2026. Calls at 23:30 New York time on day 10 (11 Jan, EST, 04:30 UTC on the 12th) and
  // day 70 (12 Mar, EDT since 8 Mar, 03:30 UTC on the 13th): local days 10 and 70.
  const at = ['2026-01-12T04:30:00.000Z', '2026-03-13T03:30:00.000Z'];
  const local: Ask[] = at.map((a) => ({ activity: 'reference_call', at: a, completed: true, day: localDay(a, NY) }));
  const utc: Ask[] = at.map((a) => ({ activity: 'reference_call', at: a, completed: true }));

  it('an instant falls on its calendar day in the zone, across midnight both ways', () => {
    expect(localDay('2026-01-12T04:30:00.000Z', NY)).toBe('2026-01-11');
    expect(localDay('2026-03-13T03:30:00.000Z', NY)).toBe('2026-03-12');
    expect(localDay('2026-01-12T05:00:00.000Z', NY)).toBe('2026-01-12');
    // East of UTC: 00:30 in Berlin on 11 Jan is 23:30 UTC on the 10th.
    expect(localDay('2026-01-10T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-01-11');
    // A date alone is its own day; UTC is the UTC day.
    expect(localDay('2026-01-10', NY)).toBe('2026-01-10');
    expect(localDay('2026-01-12T04:30:00.000Z', 'UTC')).toBe('2026-01-12');
  });

  it('calls on local days 10 and 70 (2 per 90 days, 30 days rest) free the reference on day 100, 11 April, not day 101', () => {
    // 11 Jan + 90 days = 11 Apr (the older call leaves the window); 12 Mar + 30 days of rest = 11 Apr.
    const before = availabilityOf(local, rules, 'reference_call', '2026-04-10');
    expect(before).toMatchObject({ available: false, availableFrom: '2026-04-11', restUntil: '2026-04-10' });
    expect(before.reason).toBe('2 reference calls in the last 90 days (budget 2): available from 11 April 2026');
    expect(availabilityOf(local, rules, 'reference_call', '2026-04-11').available).toBe(true);
    // Counted on their UTC days (12 Jan and 13 Mar) the same calls would hold it one day longer.
    expect(availabilityOf(utc, rules, 'reference_call', '2026-04-10').availableFrom).toBe('2026-04-12');
    // The rest period names the local day of the use.
    expect(availabilityOf([local[1]!], rules, 'press_quote', '2026-03-20').reason).toBe('resting after the use on 12 March 2026: available from 11 April 2026');
  });

  it('the window counts local days: on day 100 the day-10 call is out, on day 99 it is in', () => {
    expect(asksInWindow(local, 90, '2026-04-10')).toBe(2);
    expect(asksInWindow(local, 90, '2026-04-11')).toBe(1);
    expect(asksInWindow(utc, 90, '2026-04-11')).toBe(2);
  });
});
