import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

let core: TestCore;
let events: ChangeEvent[];
let referenceId: number;
let dealId: number;

/** An active reference whose contact consented to reference calls (not to press quotes). */
beforeEach(async () => {
  core = await testCore();
  const account = await core.call('accounts.create', { name: 'Acme Health', owner: 'Olivia Owner' });
  const contact = await core.call('contacts.create', { accountId: account.id, name: 'Dana Reyes' });
  referenceId = (await core.call('references.create', { accountId: account.id, contactId: contact.id, by: 'Sam' })).id;
  await core.call('references.grantConsent', {
    referenceId,
    activity: 'reference_call',
    grantedBy: 'Dana Reyes',
    grantedAt: '2026-01-01T00:00:00Z',
    expiresAt: '2027-01-01T00:00:00Z',
  });
  for (const stage of ['nominated', 'recruited', 'active'] as const) await core.call('references.move', { id: referenceId, stage, by: 'Sam' });
  dealId = (await core.call('deals.create', { prospect: 'Initech', openedAt: '2026-02-01T00:00:00Z' })).id;
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(() => core.close());

const ask = (extra: Record<string, unknown> = {}) =>
  core.call('requests.create', { referenceId, dealId, requester: 'Ria Sales', activity: 'reference_call', neededBy: '2026-03-10', ...extra } as never);

describe('requests: the lifecycle', () => {
  it('goes requested -> approved -> scheduled -> completed with feedback, and announces each step', async () => {
    const created = await ask();
    expect(created).toMatchObject({
      status: 'requested',
      requester: 'Ria Sales',
      requestedAt: '2026-03-01T12:00:00.000Z',
      neededBy: '2026-03-10',
      accountName: 'Acme Health',
      accountOwner: 'Olivia Owner',
      contactName: 'Dana Reyes',
      prospect: 'Initech',
      daysOpen: 0,
      overdueSla: false,
    });
    expect(events).toEqual([
      { name: 'requests.changed', ids: [created.id] },
      { name: 'references.changed', ids: [referenceId] },
    ]);
    core.setNow('2026-03-02T08:00:00.000Z');
    const approved = await core.call('requests.approve', { id: created.id, by: 'Olivia Owner' });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Olivia Owner', approvedAt: '2026-03-02T08:00:00.000Z' });
    const scheduled = await core.call('requests.schedule', { id: created.id, scheduledFor: '2026-03-05T15:00:00+01:00' });
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: '2026-03-05T14:00:00.000Z' });
    const moved = await core.call('requests.schedule', { id: created.id, scheduledFor: '2026-03-06T14:00:00Z' });
    expect(moved.scheduledFor).toBe('2026-03-06T14:00:00.000Z');
    core.setNow('2026-03-06T16:00:00.000Z');
    const completed = await core.call('requests.complete', {
      id: created.id,
      happened: true,
      rating: 5,
      feedback: 'Prospect asked about onboarding',
      referenceSaid: 'We went live in six weeks',
    });
    expect(completed).toMatchObject({
      status: 'completed',
      completedAt: '2026-03-06T16:00:00.000Z',
      closedAt: '2026-03-06T16:00:00.000Z',
      happened: true,
      rating: 5,
      feedback: 'Prospect asked about onboarding',
      referenceSaid: 'We went live in six weeks',
      daysOpen: 5,
      overdueSla: false,
    });
    expect(await core.call('requests.get', { id: created.id })).toEqual(completed);
    expect(events.filter((e) => e.name === 'requests.changed')).toHaveLength(5);
  });

  it('refuses illegal transitions with CONFLICT and a clear message, changing nothing', async () => {
    const created = await ask();
    const early = await core.fail('requests.schedule', { id: created.id, scheduledFor: '2026-03-05T10:00:00Z' });
    expect(early).toEqual({ code: 'CONFLICT', message: `request ${created.id} is requested: only an approved request can be scheduled` });
    const unscheduled = await core.fail('requests.complete', { id: created.id, happened: true });
    expect(unscheduled.message).toBe(`request ${created.id} is requested: only a scheduled request can be completed`);
    await core.call('requests.approve', { id: created.id, by: 'Olivia' });
    expect((await core.fail('requests.approve', { id: created.id, by: 'Olivia' })).message).toContain('only a requested request can be approved');
    const declined = await core.call('requests.decline', { id: created.id, reason: 'Customer is in a renewal negotiation' });
    expect(declined).toMatchObject({ status: 'declined', closedReason: 'Customer is in a renewal negotiation', closedAt: '2026-03-01T12:00:00.000Z' });
    const cancelClosed = await core.fail('requests.cancel', { id: created.id, reason: 'x' });
    expect(cancelClosed).toMatchObject({
      code: 'CONFLICT',
      message: `request ${created.id} is declined: only an open request (requested, approved or scheduled) can be cancelled`,
    });
    expect(await core.call('requests.get', { id: created.id })).toEqual(declined);
    expect((await core.fail('requests.approve', { id: 999, by: 'x' })).code).toBe('NOT_FOUND');
  });

  it('cancels an open request with a reason, which is required', async () => {
    const created = await ask();
    const noReason = await core.fail('requests.cancel', { id: created.id, reason: '  ' });
    expect(noReason.issues).toEqual([{ path: 'reason', message: 'is required' }]);
    const cancelled = await core.call('requests.cancel', { id: created.id, reason: 'Deal lost before the call' });
    expect(cancelled).toMatchObject({ status: 'cancelled', closedReason: 'Deal lost before the call' });
  });

  it('refuses dates before the request and feedback out of range', async () => {
    const created = await ask();
    await core.call('requests.approve', { id: created.id, by: 'Olivia' });
    const past = await core.fail('requests.schedule', { id: created.id, scheduledFor: '2026-02-01T00:00:00Z' });
    expect(past).toMatchObject({ code: 'BAD_INPUT', issues: [{ path: 'scheduledFor', message: expect.stringContaining('before the request was made') }] });
    await core.call('requests.schedule', { id: created.id, scheduledFor: '2026-03-03T00:00:00Z' });
    const rating = await core.fail('requests.complete', { id: created.id, happened: true, rating: 6 });
    expect(rating.issues).toEqual([{ path: 'rating', message: 'must be 1-5' }]);
    const noHappened = await core.fail('requests.complete', { id: created.id, rating: 4 });
    expect(noHappened.issues?.[0]?.path).toBe('happened');
    const notHeld = await core.call('requests.complete', { id: created.id, happened: false, feedback: 'Reference was ill' });
    expect(notHeld).toMatchObject({ status: 'completed', happened: false, rating: null, referenceSaid: null });
  });
});

describe('requests: consent and stage gates', () => {
  it("refuses a deal the consent's rules exclude, naming the rule, and writes nothing", async () => {
    await core.call('references.grantConsent', {
      referenceId,
      activity: 'case_study',
      grantedBy: 'Dana Reyes',
      grantedAt: '2026-01-01T00:00:00Z',
      restrictions: 'EMEA prospects only',
      rules: [{ kind: 'regionsOnly', regions: ['EMEA'] }],
    });
    const inNorthAmerica = (await core.call('deals.create', { prospect: 'Globex', region: 'NA', openedAt: '2026-02-01T00:00:00Z' })).id;
    const refused = await core.fail('requests.create', { referenceId, dealId: inNorthAmerica, requester: 'Ria Sales', activity: 'case_study' });
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.issues).toEqual([{ path: 'dealId', message: "Dana Reyes's consent for case study is only for prospects in EMEA, not NA (“EMEA prospects only”)" }]);
    expect(countRows(core, 'reference_requests')).toBe(0);

    const inEurope = (await core.call('deals.create', { prospect: 'Umbrella', region: 'EMEA', openedAt: '2026-02-01T00:00:00Z' })).id;
    expect((await core.call('requests.create', { referenceId, dealId: inEurope, requester: 'Ria Sales', activity: 'case_study' })).status).toBe('requested');
  });

  it('refuses an activity without valid consent, naming it, and writes nothing', async () => {
    const press = await core.fail('requests.create', { referenceId, requester: 'Ria', activity: 'press_quote' });
    expect(press).toEqual({
      code: 'BAD_INPUT',
      message: 'activity: no valid consent for press quote: Dana Reyes has not consented to it',
      issues: [{ path: 'activity', message: 'no valid consent for press quote: Dana Reyes has not consented to it' }],
    });
    core.setNow('2027-02-01T00:00:00.000Z');
    const expired = await core.fail('requests.create', { referenceId, requester: 'Ria', activity: 'reference_call' });
    expect(expired.message).toBe("activity: no valid consent for reference call: Dana Reyes's consent expired on 2027-01-01");
    core.setNow('2026-03-01T12:00:00.000Z');
    const { consents } = await core.call('references.consents', { referenceId });
    await core.call('references.revokeConsent', { id: consents[0]!.id });
    const revoked = await core.fail('requests.create', { referenceId, requester: 'Ria', activity: 'reference_call' });
    expect(revoked.message).toContain('Dana Reyes revoked it on 2026-03-01');
    expect(countRows(core, 'reference_requests')).toBe(0);
  });

  it('refuses references that are not recruited or active, and unknown deals', async () => {
    await core.call('references.move', { id: referenceId, stage: 'resting', by: 'Sam' });
    const resting = await core.fail('requests.create', { referenceId, requester: 'Ria', activity: 'reference_call' });
    expect(resting).toEqual({ code: 'CONFLICT', message: 'Acme Health is resting: only recruited or active references can be asked' });
    await core.call('references.move', { id: referenceId, stage: 'active', by: 'Sam' });
    const noDeal = await core.fail('requests.create', { referenceId, dealId: 999, requester: 'Ria', activity: 'reference_call' });
    expect(noDeal).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'dealId', message: 'deal 999 does not exist' }] });
    const badDate = await core.fail('requests.create', { referenceId, requester: 'Ria', activity: 'reference_call', neededBy: '10/03/2026' });
    expect(badDate.issues?.[0]?.path).toBe('neededBy');
    expect(countRows(core, 'reference_requests')).toBe(0);
  });
});

describe('requests: the log and its SLA flag', () => {
  it('flags requests open longer than 3 days, and never closed ones', async () => {
    const old = await ask();
    core.setNow('2026-03-03T12:00:00.000Z');
    const recent = await ask({ dealId: null });
    const done = await ask({ dealId: null }); // a second open request for the same deal is refused (requestsOnePerDeal.test.ts)
    await core.call('requests.cancel', { id: done.id, reason: 'No longer needed' });
    core.setNow('2026-03-04T12:00:00.000Z');
    const exactly3 = await core.call('requests.get', { id: old.id });
    expect(exactly3).toMatchObject({ daysOpen: 3, overdueSla: false });
    core.setNow('2026-03-04T12:00:01.000Z');
    const list = await core.call('requests.list', {});
    const flags = Object.fromEntries(list.rows.map((r) => [r.id, [r.daysOpen, r.overdueSla]]));
    expect(flags).toEqual({ [old.id]: [3, true], [recent.id]: [1, false], [done.id]: [0, false] });
    core.setNow('2026-03-10T00:00:00.000Z');
    expect((await core.call('requests.get', { id: done.id })).overdueSla).toBe(false);
  });

  it('measures against the SLA set in settings', async () => {
    const request = await ask();
    core.setNow('2026-03-05T12:00:01.000Z');
    expect(await core.call('requests.get', { id: request.id })).toMatchObject({ daysOpen: 4, overdueSla: true, slaDays: 3 });
    const { leverage } = await core.call('settings.get', {});
    await core.call('settings.update', { leverage: { ...leverage, requestSlaDays: 5 } });
    expect(await core.call('requests.get', { id: request.id })).toMatchObject({ daysOpen: 4, overdueSla: false, slaDays: 5 });
  });

  it('filters by status, reference, deal and open-only, and searches account, prospect and requester', async () => {
    const first = await ask();
    core.setNow('2026-03-02T12:00:00.000Z');
    const second = await ask({ dealId: null, requester: 'Marketing Max' });
    await core.call('requests.cancel', { id: second.id, reason: 'Event moved' });
    const ids = async (input: Record<string, unknown>) => (await core.call('requests.list', input as never)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([second.id, first.id]);
    expect(await ids({ openOnly: true })).toEqual([first.id]);
    expect(await ids({ filter: { status: ['cancelled', 'declined'] } })).toEqual([second.id]);
    expect(await ids({ filter: { dealId } })).toEqual([first.id]);
    expect(await ids({ filter: { referenceId } })).toEqual([second.id, first.id]);
    expect(await ids({ search: 'initech' })).toEqual([first.id]);
    expect(await ids({ search: 'max' })).toEqual([second.id]);
    expect(await ids({ search: 'acme' })).toEqual([second.id, first.id]);
    expect(await ids({ sort: { field: 'requestedAt', direction: 'asc' } })).toEqual([first.id, second.id]);
    const bad = await core.fail('requests.list', { filter: { status: 'lost' } });
    expect(bad.code).toBe('BAD_INPUT');
  });
});
