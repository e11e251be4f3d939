import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 16 through dispatch: reference fatigue counts days, not instants. Two reference calls
// completed at 15:00 on day 10 and day 70 of 2026, with the default rules (2 calls per rolling 90
// days, 30 days' rest): the reference is available from day 100 (10 April), not day 101.

const BY = 'Rhea Marketing';
/** Day n of 2026 (day 1 = 1 January). */
const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);

let core: TestCore;
let referenceId: number;
/** A reference with two reference calls completed at `at(10)` and `at(70)` (instants), asked on day 80. */
async function withTwoCalls(core: TestCore, at: (n: number) => string): Promise<number> {
  const account = await core.call('accounts.create', { name: 'Alpha Bank', contractStart: '2023-01-15' });
  const contact = await core.call('contacts.create', { accountId: account.id, name: 'Ada Champion', isChampion: true });
  const deal = await core.call('deals.create', { prospect: 'Globex', stage: 'propose', amountMinor: 1_000_00, openedAt: '2026-01-05T00:00:00Z' });
  const ref = await core.call('references.create', { accountId: account.id, contactId: contact.id, by: BY });
  await core.call('references.move', { id: ref.id, stage: 'nominated', by: BY });
  await core.call('references.grantConsent', {
    referenceId: ref.id,
    activity: 'reference_call',
    grantedAt: '2025-06-01T00:00:00Z',
    grantedBy: BY,
    expiresAt: '2027-06-01T00:00:00Z',
    restrictions: null,
    rules: [],
  });
  await core.call('references.move', { id: ref.id, stage: 'recruited', by: BY });
  await core.call('references.move', { id: ref.id, stage: 'active', by: BY });
  for (const n of [10, 70]) {
    core.setNow(`${day(n)}T09:00:00.000Z`);
    const request = await core.call('requests.create', { referenceId: ref.id, dealId: deal.id, requester: 'Sam Sales', activity: 'reference_call' });
    await core.call('requests.approve', { id: request.id, by: 'Owner' });
    await core.call('requests.schedule', { id: request.id, scheduledFor: at(n) });
    core.setNow(`${day(n + 1)}T17:00:00.000Z`);
    await core.call('requests.complete', { id: request.id, happened: true, rating: 5, completedAt: at(n) });
  }
  core.setNow(`${day(80)}T12:00:00.000Z`);
  return ref.id;
}
beforeAll(async () => {
  core = await testCore();
  referenceId = await withTwoCalls(core, (n) => `${day(n)}T15:00:00Z`);
});
afterAll(() => core.close());

describe('reference fatigue by days (leverage.availability)', () => {
  it('calls at 15:00 on day 10 and day 70: held on day 99, available from day 100', async () => {
    expect(day(100)).toBe('2026-04-10');
    const before = await core.call('leverage.availability', { referenceId, on: day(99) });
    expect(before).toMatchObject({ available: false, availableFrom: day(100), restUntil: day(99) });
    expect(before.total.asks).toBe(2);
    const on = await core.call('leverage.availability', { referenceId, on: day(100) });
    // The day-10 call is exactly 90 days before day 100: it no longer counts.
    expect(on).toMatchObject({ available: true, availableFrom: day(100) });
    expect(on.total.asks).toBe(1);
  });

  it('asked on day 80, the answer names day 100 as the first free day', async () => {
    const a = await core.call('leverage.availability', { referenceId });
    expect(a).toMatchObject({ on: day(80), available: false, availableFrom: day(100) });
    expect(a.reason).toBe('2 reference calls in the last 90 days (budget 2): available from 10 April 2026');
  });
});

describe("local days: the workspace's time zone (Settings, business hours' zone)", () => {
  it('calls at 23:30 New York time on day 10 and day 70 (04:30 and 03:30 UTC the next day) count on days 10 and 70: available from day 100', async () => {
    const ny = await testCore();
    try {
      // 10 Jan 23:30 EST = 11 Jan 04:30 UTC; 11 Mar 23:30 EDT (since 8 Mar) = 12 Mar 03:30 UTC.
      const at = (n: number) => (n === 10 ? '2026-01-11T04:30:00.000Z' : '2026-03-12T03:30:00.000Z');
      const id = await withTwoCalls(ny, at);
      // In UTC the calls fall on days 11 and 71: held one day longer.
      expect(await ny.call('leverage.availability', { referenceId: id, on: day(100) })).toMatchObject({ available: false, availableFrom: day(101) });
      const settings = await ny.call('settings.get', {});
      await ny.call('settings.update', { businessHours: { ...settings.businessHours, timeZone: 'America/New_York' } });
      const before = await ny.call('leverage.availability', { referenceId: id, on: day(99) });
      expect(before).toMatchObject({ available: false, availableFrom: day(100), restUntil: day(99) });
      expect(before.reason).toBe('2 reference calls in the last 90 days (budget 2): available from 10 April 2026');
      expect(await ny.call('leverage.availability', { referenceId: id, on: day(100) })).toMatchObject({ available: true, total: { asks: 1 } });
    } finally {
      await ny.close();
    }
  });
});

describe('"today" is the local day too', () => {
  it('Tokyo (UTC+9): calls at 23:30 local on days 10 and 70 count on those days; at 00:30 local on day 100 (15:30 UTC on day 99) the reference is free', async () => {
    const tokyo = await testCore();
    try {
      // 23:30 JST = 14:30 UTC the same day: days 10 and 70 in both zones.
      const id = await withTwoCalls(tokyo, (n) => `${day(n)}T14:30:00.000Z`);
      const settings = await tokyo.call('settings.get', {});
      // Business hours stay off: the zone is the workspace's whatever the clock.
      expect(settings.businessHours.enabled).toBe(false);
      await tokyo.call('settings.update', { businessHours: { ...settings.businessHours, timeZone: 'Asia/Tokyo' } });
      expect(await tokyo.call('leverage.availability', { referenceId: id, on: day(99) })).toMatchObject({ available: false, availableFrom: day(100) });
      // 00:30 on day 100 in Tokyo; still day 99 in UTC, where the reference would be held a few hours more.
      tokyo.setNow(`${day(99)}T15:30:00.000Z`);
      const now = await tokyo.call('leverage.availability', { referenceId: id });
      expect(now).toMatchObject({ on: day(100), available: true, availableFrom: day(100), total: { asks: 1 } });
      // One second before local midnight it is day 99 there too: held.
      tokyo.setNow(`${day(99)}T14:59:59.000Z`);
      expect(await tokyo.call('leverage.availability', { referenceId: id })).toMatchObject({ on: day(99), available: false, availableFrom: day(100) });
    } finally {
      await tokyo.close();
    }
  });
});
