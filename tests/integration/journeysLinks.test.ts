import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../shared/contract/journeys';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

// Tickets and survey answers linked to a card by hand (issue 6: "records can also be linked by
// hand"). The clock is 2026-03-01: the default period is April 2025 up to March 2026.
let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

const at = (day: string, hours = 0) => new Date(Date.parse(`${day}T10:00:00.000Z`) + hours * 3_600_000).toISOString();

async function workspace() {
  const big = await core.call('accounts.create', { name: 'Big Co', segment: 'enterprise' });
  const small = await core.call('accounts.create', { name: 'Small Co', segment: 'smb' });
  const map = await core.call('journeys.create', { name: 'Map' });
  const stage = (name: string) => map.stages.find((s) => s.name === name)!.id;
  const add = (journeyStageId: number, name: string, rest: Record<string, unknown>) => core.call('journeys.addTouchpoint', { journeyStageId, name, ...rest });
  await add(stage('Get support'), 'Urgent ticket', { matchRule: { source: 'tickets', priority: 'urgent' }, target: { metric: 'first_response_hours', operator: '<=', value: 4 } });
  await add(stage('Get support'), 'Billing', { matchRule: { source: 'tickets', topic: 'billing' }, target: { metric: 'csat', operator: '>=', value: 4 } });
  await add(stage('Get support'), 'Support survey', {
    matchRule: { source: 'surveyResponses', surveyKind: 'csat', triggeredBy: 'ticket' },
    target: { metric: 'csat', operator: '>=', value: 4.5 },
  });
  await add(stage('Onboard'), 'Kickoff', { matchRule: { source: 'touchpoints', kind: 'onboarding' }, target: { metric: 'csat', operator: '>=', value: 4 } });
  const full = await add(stage('Renew'), 'Renewal talk', { target: { metric: 'csat', operator: '>=', value: 4 } });
  const card = Object.fromEntries(full.stages.flatMap((s) => s.touchpoints).map((t) => [t.name, t.id])) as Record<string, number>;

  const ticket = (accountId: number, day: string, hours: number, priority: 'urgent' | 'normal', topic: string, csat: number) =>
    core.call('tickets.create', { accountId, openedAt: at(day), firstResponseAt: at(day, hours), channel: 'email', priority, topic, csat });
  // Urgent tickets answered after 2 and 6 hours; a renewal question no rule takes.
  const urgentBig = await ticket(big.id, '2025-09-01', 2, 'urgent', 'Login', 5);
  const urgentSmall = await ticket(small.id, '2025-09-02', 6, 'urgent', 'Login', 3);
  const renewalQuestion = await ticket(big.id, '2025-10-01', 1, 'normal', 'Renewal', 2);
  // A CSAT after the first urgent ticket (the survey card takes it) and one after nothing (unmapped).
  const afterTicket = await core.call('surveyResponses.create', { accountId: big.id, ticketId: urgentBig.id, respondedAt: at('2025-09-03'), kind: 'csat', score: 5 });
  const loose = await core.call('surveyResponses.create', { accountId: small.id, respondedAt: at('2025-11-01'), kind: 'csat', score: 2 });
  // A kickoff and the CSAT it triggered: the answer goes with the kickoff.
  const kickoff = await core.call('touchpoints.create', { accountId: big.id, occurredAt: at('2025-06-01'), channel: 'in_person', kind: 'onboarding' });
  const afterKickoff = await core.call('surveyResponses.create', { accountId: big.id, touchpointId: kickoff.id, respondedAt: at('2025-06-02'), kind: 'csat', score: 1 });
  return { map: full, card, big, small, urgentBig, urgentSmall, renewalQuestion, afterTicket, loose, kickoff, afterKickoff };
}

const measure = (id: number, segment?: string) => core.call('journeys.measure', { id, ...(segment ? { segment } : {}) });
const of = (result: MeasureResult, id: number) => result.touchpoints.find((t) => t.journeyTouchpointId === id)!;
const volumes = (result: MeasureResult) => result.touchpoints.reduce((sum, t) => sum + t.volume, 0);

describe('linking tickets by hand', () => {
  it('puts a ticket no rule takes on the card it is linked to, and lists it there', async () => {
    const w = await workspace();
    const before = await measure(w.map.id);
    expect(of(before, w.card['Renewal talk']!)).toMatchObject({ volume: 0, verdict: 'no_data' });
    expect(before.unmapped.tickets).toBe(1);
    const unmapped = await core.call('journeys.unmapped', { id: w.map.id, source: 'tickets' });
    expect(unmapped).toMatchObject({ total: 1, rows: [{ source: 'tickets', id: w.renewalQuestion.id, accountName: 'Big Co', linkedByHand: false }] });

    expect(await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'tickets', ids: [w.renewalQuestion.id] })).toEqual({ linked: 1 });
    const after = await measure(w.map.id);
    // Its CSAT 2 is the card's actual: 2 against ≥ 4.
    expect(of(after, w.card['Renewal talk']!)).toMatchObject({ volume: 1, actual: 2, n: 1, gap: -2, verdict: 'missed', answers: 1, satisfaction: 25 });
    expect(after.unmapped.tickets).toBe(0);
    expect(volumes(after)).toBe(volumes(before) + 1);
    expect((await core.call('journeys.unmapped', { id: w.map.id, source: 'tickets' })).total).toBe(0);
    const records = await core.call('journeys.records', { journeyTouchpointId: w.card['Renewal talk']! });
    expect(records).toMatchObject({ total: 1, rows: [{ source: 'tickets', id: w.renewalQuestion.id, value: 2, linkedByHand: true }] });
    // Outside its segment it counts nowhere.
    expect(of(await measure(w.map.id, 'smb'), w.card['Renewal talk']!).volume).toBe(0);
    expect(of(await measure(w.map.id, 'enterprise'), w.card['Renewal talk']!).volume).toBe(1);
  });

  it('moves a ticket a rule takes to the card it is linked to, without counting it twice, and unlinking puts it back', async () => {
    const w = await workspace();
    const before = await measure(w.map.id);
    const urgent = of(before, w.card['Urgent ticket']!);
    expect(urgent).toMatchObject({ volume: 2, n: 2, answers: 2 });

    await core.call('journeys.link', { journeyTouchpointId: w.card.Billing!, source: 'tickets', ids: [w.urgentSmall.id] });
    const moved = await measure(w.map.id);
    // Urgent keeps the 2-hour ticket alone (from log buckets, ±4.5 %); Billing gets the CSAT 3.
    expect(of(moved, w.card['Urgent ticket']!)).toMatchObject({ volume: 1, n: 1, answers: 1, verdict: 'met' });
    expect(of(moved, w.card['Urgent ticket']!).actual! / 2).toBeCloseTo(1, 1);
    expect(of(moved, w.card.Billing!)).toMatchObject({ volume: 1, actual: 3, n: 1, verdict: 'missed' });
    expect(volumes(moved)).toBe(volumes(before));
    expect(moved.unmapped).toEqual(before.unmapped);
    expect((await core.call('journeys.records', { journeyTouchpointId: w.card['Urgent ticket']! })).rows.map((r) => r.id)).toEqual([w.urgentBig.id]);

    // Linked again elsewhere, it moves on: one card at a time.
    await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'tickets', ids: [w.urgentSmall.id] });
    const again = await measure(w.map.id);
    expect(of(again, w.card.Billing!).volume).toBe(0);
    expect(of(again, w.card['Renewal talk']!)).toMatchObject({ volume: 1, actual: 3 });
    expect(countRows(core, 'journey_links')).toBe(1);

    // A card shows every record linked to it, whatever the source: an interaction beside the ticket.
    await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'touchpoints', ids: [w.kickoff.id] });
    const records = await core.call('journeys.records', { journeyTouchpointId: w.card['Renewal talk']! });
    expect(records.total).toBe(2);
    expect(records.rows.map((r) => [r.source, r.id, r.linkedByHand])).toEqual([
      ['tickets', w.urgentSmall.id, true],
      ['touchpoints', w.kickoff.id, true],
    ]);

    await core.call('journeys.link', { journeyTouchpointId: null, source: 'touchpoints', ids: [w.kickoff.id] });
    await core.call('journeys.link', { journeyTouchpointId: null, source: 'tickets', ids: [w.urgentSmall.id] });
    expect(countRows(core, 'journey_links')).toBe(0);
    expect(await measure(w.map.id)).toEqual(before);
  });
});

describe('linking survey answers by hand', () => {
  it('moves answers between cards like tickets, an answer triggered by an interaction included', async () => {
    const w = await workspace();
    const before = await measure(w.map.id);
    expect(of(before, w.card['Support survey']!)).toMatchObject({ volume: 1, actual: 5 });
    expect(of(before, w.card.Kickoff!)).toMatchObject({ volume: 1, actual: 1, answers: 1 });
    expect(before.unmapped.surveyResponses).toBe(1);
    expect((await core.call('journeys.unmapped', { id: w.map.id, source: 'surveyResponses' })).rows.map((r) => [r.source, r.id])).toEqual([['surveyResponses', w.loose.id]]);

    // The loose answer onto the survey card, whose rule would not take it (no ticket before it).
    await core.call('journeys.link', { journeyTouchpointId: w.card['Support survey']!, source: 'surveyResponses', ids: [w.loose.id] });
    const linked = await measure(w.map.id);
    expect(of(linked, w.card['Support survey']!)).toMatchObject({ volume: 2, actual: 3.5, n: 2, answers: 2 });
    expect(linked.unmapped.surveyResponses).toBe(0);
    const records = await core.call('journeys.records', { journeyTouchpointId: w.card['Support survey']! });
    expect(records.rows.map((r) => [r.id, r.linkedByHand])).toEqual([
      [w.loose.id, true],
      [w.afterTicket.id, false],
    ]);

    // The answer after the kickoff leaves the kickoff's card for the renewal talk.
    await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'surveyResponses', ids: [w.afterKickoff.id] });
    const moved = await measure(w.map.id);
    expect(of(moved, w.card.Kickoff!)).toMatchObject({ volume: 1, actual: null, answers: 0, verdict: 'no_data' });
    expect(of(moved, w.card['Renewal talk']!)).toMatchObject({ volume: 1, actual: 1, answers: 1 });
    expect(moved.unmapped).toEqual(linked.unmapped);

    await core.call('journeys.link', { journeyTouchpointId: null, source: 'surveyResponses', ids: [w.loose.id, w.afterKickoff.id] });
    expect(await measure(w.map.id)).toEqual(before);
  });
});

describe('hand links across maps, removal and undo', () => {
  it('counts a record linked on another map by this map’s rules, and does not copy links with a map', async () => {
    const w = await workspace();
    await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'tickets', ids: [w.urgentSmall.id] });
    const copy = await core.call('journeys.duplicate', { id: w.map.id });
    const copyCard = (name: string) => copy.stages.flatMap((s) => s.touchpoints).find((t) => t.name === name)!.id;
    const measured = await measure(copy.id);
    expect(of(measured, copyCard('Urgent ticket'))).toMatchObject({ volume: 2, n: 2 });
    expect(of(measured, copyCard('Renewal talk')).volume).toBe(0);
    expect(countRows(core, 'journey_links')).toBe(1);
  });

  it('takes the links away with a removed card and puts back those still free on undo', async () => {
    const w = await workspace();
    await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'tickets', ids: [w.renewalQuestion.id, w.urgentSmall.id] });
    await core.call('journeys.link', { journeyTouchpointId: w.card['Renewal talk']!, source: 'surveyResponses', ids: [w.loose.id] });
    const linked = await measure(w.map.id);

    const { removed } = await core.call('journeys.removeTouchpoint', { id: w.card['Renewal talk']! });
    expect(removed.touchpoints[0]!.links).toEqual({ touchpoints: [], tickets: [w.urgentSmall.id, w.renewalQuestion.id].sort((a, b) => a - b), surveyResponses: [w.loose.id] });
    expect(countRows(core, 'journey_links')).toBe(0);
    // Meanwhile the user links one of them elsewhere: that later choice stands.
    await core.call('journeys.link', { journeyTouchpointId: w.card.Billing!, source: 'tickets', ids: [w.urgentSmall.id] });

    await core.call('journeys.restore', removed);
    const restored = await measure(w.map.id);
    expect(of(restored, w.card['Renewal talk']!)).toMatchObject({ volume: 2, actual: 2, n: 2 }); // the renewal question (CSAT 2) and the loose answer (2)
    expect(of(restored, w.card.Billing!)).toMatchObject({ volume: 1, actual: 3 });
    expect(of(linked, w.card['Renewal talk']!).volume).toBe(3);
    expect(countRows(core, 'journey_links')).toBe(3);
  });
});

describe('journeys.link refuses bad input by name and writes nothing', () => {
  it.each([
    [
      'an unknown ticket',
      (w: Awaited<ReturnType<typeof workspace>>) => ({ journeyTouchpointId: w.card.Billing, source: 'tickets', ids: [w.urgentBig.id, 9999] }),
      'NOT_FOUND',
      'ticket 9999 does not exist',
    ],
    [
      'an unknown survey answer',
      (w: Awaited<ReturnType<typeof workspace>>) => ({ journeyTouchpointId: w.card.Billing, source: 'surveyResponses', ids: [9999] }),
      'NOT_FOUND',
      'survey answer 9999 does not exist',
    ],
    [
      'an unknown card',
      (w: Awaited<ReturnType<typeof workspace>>) => ({ journeyTouchpointId: 9999, source: 'tickets', ids: [w.urgentBig.id] }),
      'NOT_FOUND',
      'journey touchpoint 9999',
    ],
    [
      'a source that cannot be linked',
      (w: Awaited<ReturnType<typeof workspace>>) => ({ journeyTouchpointId: w.card.Billing, source: 'deployments', ids: [w.urgentBig.id] }),
      'BAD_INPUT',
      'source',
    ],
    ['no source', (w: Awaited<ReturnType<typeof workspace>>) => ({ journeyTouchpointId: w.card.Billing, ids: [w.urgentBig.id] }), 'BAD_INPUT', 'source'],
    [
      'the old field name',
      (w: Awaited<ReturnType<typeof workspace>>) => ({ journeyTouchpointId: w.card.Billing, source: 'tickets', ids: [w.urgentBig.id], touchpointIds: [1] }),
      'BAD_INPUT',
      'touchpointIds',
    ],
  ])('refuses %s', async (_label, input, code, message) => {
    const w = await workspace();
    const error = await core.fail('journeys.link', input(w));
    expect(error.code).toBe(code);
    expect(`${error.message} ${JSON.stringify(error.issues ?? [])}`).toContain(message);
    expect(countRows(core, 'journey_links')).toBe(0);
  });

  it('refuses an archived ticket, and a card of an archived map', async () => {
    const w = await workspace();
    await core.call('tickets.archive', { id: w.renewalQuestion.id });
    const archived = await core.fail('journeys.link', { journeyTouchpointId: w.card.Billing!, source: 'tickets', ids: [w.urgentBig.id, w.renewalQuestion.id] });
    expect(archived).toMatchObject({ code: 'CONFLICT', message: `ids: ticket ${w.renewalQuestion.id} is archived` });
    await core.call('journeys.archive', { id: w.map.id });
    const map = await core.fail('journeys.link', { journeyTouchpointId: w.card.Billing!, source: 'surveyResponses', ids: [w.loose.id] });
    expect(map.code).toBe('CONFLICT');
    expect(map.message).toContain(`journey map ${w.map.id} is archived`);
    expect(countRows(core, 'journey_links')).toBe(0);
  });

  it('announces a link as journeys.changed of every map it touches, not as a change of tickets', async () => {
    const w = await workspace();
    const other = await core.call('journeys.create', { name: 'Other', template: 'cx_delivery' });
    const otherCard = other.stages.flatMap((s) => s.touchpoints)[0]!.id;
    await core.call('journeys.link', { journeyTouchpointId: w.card.Billing!, source: 'tickets', ids: [w.urgentBig.id] });
    const events: { name: string; ids?: readonly number[] }[] = [];
    const off = core.subscribe((event) => events.push(event));
    await core.call('journeys.link', { journeyTouchpointId: otherCard, source: 'tickets', ids: [w.urgentBig.id] });
    await core.call('journeys.link', { journeyTouchpointId: null, source: 'tickets', ids: [w.urgentBig.id] });
    off();
    expect(events.map((e) => [e.name, [...(e.ids ?? [])].sort()])).toEqual([
      ['journeys.changed', [w.map.id, other.id].sort()],
      ['journeys.changed', [other.id]],
    ]);
  });
});
