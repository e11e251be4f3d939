import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, type MeasureResult } from '../../shared/contract/journeys';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

// The clock is 2026-03-01: the default period is April 2025 up to and including March 2026.
let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe('journey maps: editing', () => {
  it('starts from the CX delivery template with the default stages and measurable touchpoints', async () => {
    const map = await core.call('journeys.create', { name: 'Support lead', template: 'cx_delivery' });
    expect(map.stages.map((s) => s.name)).toEqual([...DEFAULT_STAGES]);
    const cards = map.stages.flatMap((s) => s.touchpoints);
    expect(cards.map((t) => t.name)).toEqual([
      'Onboarding kickoff',
      'Implementation workshops',
      'Go-live',
      'Training',
      'Technical support',
      'Premium support',
      'Support satisfaction survey',
      'Social engagement',
    ]);
    expect(cards.every((t) => t.target !== null && t.matchRule !== null)).toBe(true);
    expect(cards.find((t) => t.name === 'Premium support')).toMatchObject({
      target: { metric: 'first_response_hours', operator: '<=', value: 1 },
      matchRule: { source: 'tickets', priority: 'urgent' },
    });

    const blank = await core.call('journeys.create', { name: 'Blank' });
    expect(blank.stages).toHaveLength(9);
    expect(blank.touchpointCount).toBe(0);
    expect((await core.call('journeys.list', {})).map((m) => [m.name, m.stageCount, m.touchpointCount])).toEqual([
      ['Blank', 9, 0],
      ['Support lead', 9, 8],
    ]);
  });

  it('duplicates a map with its stages, touchpoints, targets and rules', async () => {
    const persona = await core.call('personas.create', { name: 'Admin' });
    const source = await core.call('journeys.create', { name: 'Admin journey', personaId: persona.id, template: 'cx_delivery' });
    const copy = await core.call('journeys.duplicate', { id: source.id });
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ name: 'Admin journey (copy)', personaId: persona.id, personaName: 'Admin' });
    const shape = (m: typeof source) => m.stages.map((s) => [s.name, s.touchpoints.map((t) => [t.name, t.target, t.matchRule, t.isMomentOfTruth, t.lane])]);
    expect(shape(copy)).toEqual(shape(source));
  });

  it('refuses bad input by name and writes nothing', async () => {
    const unknownPersona = await core.fail('journeys.create', { name: 'X', personaId: 99 });
    expect(unknownPersona.code).toBe('NOT_FOUND');
    expect(unknownPersona.message).toContain('persona 99');
    expect(countRows(core, 'journey_maps')).toBe(0);

    const map = await core.call('journeys.create', { name: 'Map' });
    const stageId = map.stages[0]!.id;
    const badMetric = await core.fail('journeys.addTouchpoint', { journeyStageId: stageId, name: 'X', target: { metric: 'happiness', operator: '>=', value: 1 } });
    expect(badMetric.code).toBe('BAD_INPUT');
    expect(badMetric.issues?.[0]?.path).toBe('target.metric');
    const badRule = await core.fail('journeys.addTouchpoint', { journeyStageId: stageId, name: 'X', matchRule: { source: 'tickets', severity: 'high' } });
    expect(badRule.code).toBe('BAD_INPUT');
    expect(badRule.message).toContain('severity');
    const noName = await core.fail('journeys.addTouchpoint', { journeyStageId: stageId, name: ' ' });
    expect(noName.issues?.[0]).toEqual({ path: 'name', message: 'is required' });
    expect(countRows(core, 'journey_touchpoints')).toBe(0);
  });

  it('orders stages, moves touchpoints and undoes removals exactly', async () => {
    const map = await core.call('journeys.create', { name: 'Map' });
    const [aware, evaluate] = map.stages;
    const moved = await core.call('journeys.moveStage', { id: evaluate!.id, position: 1 });
    expect(moved.stages.slice(0, 2).map((s) => s.name)).toEqual(['Evaluate', 'Aware']);
    expect(moved.stages.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    await core.call('journeys.addTouchpoint', { journeyStageId: aware!.id, name: 'Webinar', channel: 'webinar' });
    const withTwo = await core.call('journeys.addTouchpoint', { journeyStageId: aware!.id, name: 'Blog', channel: 'self_service', isMomentOfTruth: true });
    const [webinar, blog] = withTwo.stages[1]!.touchpoints;
    const reordered = await core.call('journeys.updateTouchpoint', { id: blog!.id, position: 1 });
    expect(reordered.stages[1]!.touchpoints.map((t) => t.name)).toEqual(['Blog', 'Webinar']);
    const elsewhere = await core.call('journeys.updateTouchpoint', { id: webinar!.id, journeyStageId: evaluate!.id });
    expect(elsewhere.stages[0]!.touchpoints.map((t) => t.name)).toEqual(['Webinar']);

    // A hand-made link survives remove + undo.
    const account = await core.call('accounts.create', { name: 'Acme' });
    const interaction = await core.call('touchpoints.create', { accountId: account.id, occurredAt: '2026-02-01T10:00:00Z', channel: 'webinar', kind: 'marketing' });
    await core.call('journeys.link', { journeyTouchpointId: webinar!.id, source: 'touchpoints', ids: [interaction.id] });
    const { map: without, removed } = await core.call('journeys.removeStage', { id: evaluate!.id });
    expect(without.stages.map((s) => s.name)).not.toContain('Evaluate');
    expect((await core.call('touchpoints.get', { id: interaction.id })).journeyTouchpointId).toBeNull();
    const restored = await core.call('journeys.restore', removed);
    expect(restored.stages[0]).toMatchObject({ id: evaluate!.id, name: 'Evaluate', touchpoints: [{ id: webinar!.id, name: 'Webinar', channel: 'webinar' }] });
    expect((await core.call('touchpoints.get', { id: interaction.id })).journeyTouchpointId).toBe(webinar!.id);
    const again = await core.fail('journeys.restore', removed);
    expect(again.code).toBe('CONFLICT');
  });

  it('announces every write as journeys.changed', async () => {
    const events: string[] = [];
    const off = core.subscribe((event) => events.push(event.name));
    const map = await core.call('journeys.create', { name: 'Map' });
    await core.call('journeys.updateStage', { id: map.stages[0]!.id, name: 'Notice the need' });
    await core.call('journeys.archive', { id: map.id });
    expect(events.filter((e) => e === 'journeys.changed')).toHaveLength(3);
    off();
    expect((await core.call('journeys.list', {})).length).toBe(0);
    expect((await core.call('journeys.unarchive', { id: map.id })).archivedAt).toBeNull();
  });
});

describe('journey maps: measuring', () => {
  async function workspace() {
    const persona = await core.call('personas.create', { name: 'Admin', channelPreferences: { email: 'willing', phone: 'unwilling' } });
    const enterprise = await core.call('accounts.create', { name: 'Big Co', segment: 'enterprise' });
    const smb = await core.call('accounts.create', { name: 'Small Co', segment: 'smb' });
    const contact = await core.call('contacts.create', { accountId: enterprise.id, name: 'Ada', personaId: persona.id });
    const map = await core.call('journeys.create', { name: 'Map', personaId: persona.id });
    const onboard = map.stages.find((s) => s.name === 'Onboard')!;
    const support = map.stages.find((s) => s.name === 'Get support')!;
    const renew = map.stages.find((s) => s.name === 'Renew')!;
    await core.call('journeys.addTouchpoint', {
      journeyStageId: onboard.id,
      name: 'Kickoff',
      channel: 'in_person',
      isMomentOfTruth: true,
      target: { metric: 'sentiment', operator: '>=', value: 1 },
      matchRule: { source: 'touchpoints', kind: 'onboarding' },
    });
    await core.call('journeys.addTouchpoint', {
      journeyStageId: support.id,
      name: 'Urgent ticket',
      target: { metric: 'first_response_hours', operator: '<=', value: 4 },
      matchRule: { source: 'tickets', priority: 'urgent' },
    });
    await core.call('journeys.addTouchpoint', {
      journeyStageId: support.id,
      name: 'Support survey',
      target: { metric: 'csat', operator: '>=', value: 4.5 },
      matchRule: { source: 'surveyResponses', surveyKind: 'csat', triggeredBy: 'ticket' },
    });
    const full = await core.call('journeys.addTouchpoint', { journeyStageId: renew.id, name: 'Renewal talk' });
    const ids = Object.fromEntries(full.stages.flatMap((s) => s.touchpoints).map((t) => [t.name, t.id]));

    // Kickoffs: sentiments 2 and 0 in the enterprise account (mean 1), -2 in the SMB one.
    const at = (day: string) => `${day}T10:00:00.000Z`;
    await core.call('touchpoints.create', {
      accountId: enterprise.id,
      contactId: contact.id,
      occurredAt: at('2025-06-01'),
      channel: 'in_person',
      kind: 'onboarding',
      sentiment: 2,
    });
    await core.call('touchpoints.create', { accountId: enterprise.id, contactId: contact.id, occurredAt: at('2025-06-11'), channel: 'phone', kind: 'onboarding', sentiment: 0 });
    await core.call('touchpoints.create', { accountId: smb.id, occurredAt: at('2025-07-01'), channel: 'email', kind: 'onboarding', sentiment: -2 });
    // Before the period: not counted.
    await core.call('touchpoints.create', { accountId: smb.id, occurredAt: at('2024-07-01'), channel: 'email', kind: 'onboarding', sentiment: 2 });
    // A renewal talk no rule takes: unmapped until linked by hand.
    const renewal = await core.call('touchpoints.create', {
      accountId: enterprise.id,
      contactId: contact.id,
      occurredAt: at('2026-01-20'),
      channel: 'email',
      kind: 'renewal',
      sentiment: 1,
    });

    // Urgent tickets answered after 2, 3 and 6 hours (median 3); a normal one no rule takes.
    const tickets = [];
    for (const [account, day, hours, priority, csat] of [
      [enterprise.id, '2025-09-01', 2, 'urgent', 5],
      [enterprise.id, '2025-09-02', 3, 'urgent', 4],
      [smb.id, '2025-09-03', 6, 'urgent', 3],
      [smb.id, '2025-09-04', 1, 'normal', null],
    ] as const) {
      tickets.push(await core.call('tickets.create', { accountId: account, openedAt: at(day), firstResponseAt: hoursAfter(at(day), hours), channel: 'email', priority, csat }));
    }
    // Surveys after tickets: CSAT 5, 4, 3 (mean 4).
    for (const [i, score] of [5, 4, 3].entries()) {
      await core.call('surveyResponses.create', { accountId: tickets[i]!.accountId, ticketId: tickets[i]!.id, respondedAt: at('2025-09-10'), kind: 'csat', score });
    }
    return { ids, map: full, enterprise, smb, persona, contact, renewal };
  }

  const byName = (result: MeasureResult, ids: Record<string, number>, name: string) => result.touchpoints.find((t) => t.journeyTouchpointId === ids[name])!;

  it('attaches records by rule, computes actual, gap and verdict per touchpoint, and counts the unmapped', async () => {
    const { ids, map } = await workspace();
    const result = await core.call('journeys.measure', { id: map.id });
    expect(result.scope).toEqual({ from: '2025-04-01', to: '2026-04-01', segment: null });

    const kickoff = byName(result, ids, 'Kickoff');
    expect(kickoff).toMatchObject({ volume: 3, n: 3, verdict: 'missed' });
    expect(kickoff.actual).toBeCloseTo(0, 10); // (2 + 0 − 2) / 3
    expect(kickoff.gap).toBeCloseTo(-1, 10);

    const urgent = byName(result, ids, 'Urgent ticket');
    expect(urgent).toMatchObject({ volume: 3, n: 3, verdict: 'met', answers: 3 });
    expect(urgent.actual! / 3).toBeCloseTo(1, 1); // 3 h, read from log buckets (±4.5 %)
    expect(urgent.gap).toBeGreaterThan(0.8);

    const survey = byName(result, ids, 'Support survey');
    expect(survey).toMatchObject({ volume: 3, n: 3, actual: 4, verdict: 'missed', answers: 3 });
    expect(survey.gap).toBeCloseTo(-0.5, 10);
    expect(survey.satisfaction).toBeCloseTo(75, 10); // CSAT 4 on the 0-100 scale

    expect(byName(result, ids, 'Renewal talk')).toMatchObject({ volume: 0, verdict: 'no_target', actual: null });
    // The renewal talk and the normal ticket are taken by no rule; the surveys are all taken.
    expect(result.unmapped).toEqual({ touchpoints: 1, tickets: 1, surveyResponses: 0 });
  });

  it('measures a segment alone, and follows a changed target to a new verdict', async () => {
    const { ids, map } = await workspace();
    const enterprise = await core.call('journeys.measure', { id: map.id, segment: 'enterprise' });
    expect(byName(enterprise, ids, 'Kickoff')).toMatchObject({ volume: 2, actual: 1, gap: 0, verdict: 'met' });
    expect(byName(enterprise, ids, 'Urgent ticket').volume).toBe(2);

    await core.call('journeys.updateTouchpoint', { id: ids.Kickoff!, target: { metric: 'sentiment', operator: '>=', value: -0.05 } });
    const all = await core.call('journeys.measure', { id: map.id });
    expect(byName(all, ids, 'Kickoff')).toMatchObject({ verdict: 'met' });
    await core.call('journeys.updateTouchpoint', { id: ids.Kickoff!, target: null });
    expect(byName(await core.call('journeys.measure', { id: map.id }), ids, 'Kickoff').verdict).toBe('no_target');
  });

  it('links an unmapped interaction by hand and shows the records behind a card', async () => {
    const { ids, map, renewal } = await workspace();
    const unmapped = await core.call('journeys.unmapped', { id: map.id });
    expect(unmapped.total).toBe(1);
    expect(unmapped.rows[0]).toMatchObject({ source: 'touchpoints', id: renewal.id, accountName: 'Big Co', contactName: 'Ada', channel: 'email', linkedByHand: false });

    await core.call('journeys.link', { journeyTouchpointId: ids['Renewal talk']!, source: 'touchpoints', ids: [renewal.id] });
    const after = await core.call('journeys.measure', { id: map.id });
    expect(byName(after, ids, 'Renewal talk').volume).toBe(1);
    expect(after.unmapped.touchpoints).toBe(0);
    const records = await core.call('journeys.records', { journeyTouchpointId: ids['Renewal talk']! });
    expect(records.rows).toEqual([expect.objectContaining({ id: renewal.id, linkedByHand: true, value: 1 })]);

    const tickets = await core.call('journeys.records', { journeyTouchpointId: ids['Urgent ticket']! });
    expect(tickets.total).toBe(3);
    expect(tickets.rows.map((r) => r.value)).toEqual([6, 3, 2]); // newest first, hours to first response
    const missing = await core.fail('journeys.link', { journeyTouchpointId: ids['Renewal talk']!, source: 'touchpoints', ids: [9999] });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('follows accounts across the stages: time in stage, position, drop-off and duration', async () => {
    const { map, ids, renewal } = await workspace();
    const stage = (result: MeasureResult, name: string) => result.stages.find((s) => s.journeyStageId === map.stages.find((x) => x.name === name)!.id)!;
    const before = await core.call('journeys.measure', { id: map.id });
    // Both accounts reached Onboard and no later stage on this map; neither has had a record on the
    // map for 90 days before the period end (the renewal talk is on no card yet): both stalled there.
    expect(stage(before, 'Onboard')).toMatchObject({ accountsHere: 2, dropOff: 2, daysInStage: null });
    expect(stage(before, 'Onboard').satisfaction).toBeCloseTo(50, 10); // sentiments 2, 0, −2 -> 100, 50, 0
    expect(before.journey).toMatchObject({ accounts: 2, durationMedianDays: null });

    // Linked to the renewal card, the talk moves Big Co on to Renew.
    await core.call('journeys.link', { journeyTouchpointId: ids['Renewal talk']!, source: 'touchpoints', ids: [renewal.id] });
    const after = await core.call('journeys.measure', { id: map.id });
    expect(stage(after, 'Onboard')).toMatchObject({ accountsHere: 1, dropOff: 1, daysInStageN: 1 });
    // 2025-06-01 10:00 to 2026-01-20 10:00: 233 days in Onboard, and the whole journey so far.
    expect(stage(after, 'Onboard').daysInStage).toBeCloseTo(233, 10);
    expect(stage(after, 'Renew')).toMatchObject({ accountsHere: 1, dropOff: 0 });
    expect(after.journey.durationMedianDays).toBeCloseTo(233, 10);
  });
});

describe('journey maps: other sources', () => {
  it('reads resolution times, ticket topics without case, survey triggers and deployments gone live', async () => {
    const account = await core.call('accounts.create', { name: 'Acme', segment: 'smb' });
    const map = await core.call('journeys.create', { name: 'Map' });
    const support = map.stages.find((s) => s.name === 'Get support')!;
    const implement = map.stages.find((s) => s.name === 'Implement')!;
    const add = (journeyStageId: number, name: string, rest: Record<string, unknown>) => core.call('journeys.addTouchpoint', { journeyStageId, name, ...rest });
    await add(support.id, 'Billing fixed', { matchRule: { source: 'tickets', topic: 'billing' }, target: { metric: 'resolution_hours', operator: '<=', value: 24 } });
    await add(support.id, 'NPS after tickets', {
      matchRule: { source: 'surveyResponses', surveyKind: 'nps', triggeredBy: 'ticket' },
      target: { metric: 'nps', operator: '>=', value: 0 },
    });
    await add(implement.id, 'Go-live', { matchRule: { source: 'deployments' }, target: { metric: 'time_to_go_live_days', operator: '<=', value: 60 } });
    const full = await add(implement.id, 'On time', { matchRule: { source: 'deployments' }, target: { metric: 'on_time_go_live_pct', operator: '>=', value: 80 } });
    const ids = Object.fromEntries(full.stages.flatMap((s) => s.touchpoints).map((t) => [t.name, t.id]));

    const opened = '2025-10-01T09:00:00.000Z';
    const billing = [];
    for (const [topic, hours] of [
      ['Billing', 10],
      ['BILLING', 20],
      ['billing', 90],
      ['Login', 1],
    ] as const) {
      billing.push(await core.call('tickets.create', { accountId: account.id, openedAt: opened, resolvedAt: hoursAfter(opened, hours), channel: 'email', topic }));
    }
    // NPS 10 and 0 after tickets (NPS 0), and a 10 after nothing in particular (not taken).
    await core.call('surveyResponses.create', { accountId: account.id, ticketId: billing[0]!.id, respondedAt: '2025-10-02T09:00:00Z', kind: 'nps', score: 10 });
    await core.call('surveyResponses.create', { accountId: account.id, ticketId: billing[1]!.id, respondedAt: '2025-10-02T09:00:00Z', kind: 'nps', score: 0 });
    await core.call('surveyResponses.create', { accountId: account.id, respondedAt: '2025-10-02T09:00:00Z', kind: 'nps', score: 10 });
    // Go-lives after 30 and 90 days (median 60), one of two on the planned date.
    await core.call('deployments.create', {
      accountId: account.id,
      product: 'Desk',
      status: 'live',
      startedAt: '2025-09-01',
      plannedGoLive: '2025-10-01',
      actualGoLive: '2025-10-01',
    });
    await core.call('deployments.create', {
      accountId: account.id,
      product: 'Chat',
      status: 'live',
      startedAt: '2025-09-01',
      plannedGoLive: '2025-10-01',
      actualGoLive: '2025-11-30',
    });

    const result = await core.call('journeys.measure', { id: map.id });
    const of = (name: string) => result.touchpoints.find((t) => t.journeyTouchpointId === ids[name])!;
    expect(of('Billing fixed')).toMatchObject({ volume: 3, n: 3, verdict: 'met' });
    expect(of('Billing fixed').actual! / 20).toBeCloseTo(1, 1); // median 20 h, from log buckets
    expect(of('NPS after tickets')).toMatchObject({ volume: 2, n: 2, actual: 0, gap: 0, verdict: 'met' });
    expect(of('Go-live')).toMatchObject({ volume: 2, n: 2, actual: 60, verdict: 'met' });
    expect(of('On time')).toMatchObject({ actual: 50, n: 2, verdict: 'missed' });
    // The login ticket and the untriggered answer are on no card.
    expect(result.unmapped).toEqual({ touchpoints: 0, tickets: 1, surveyResponses: 1 });
    const records = await core.call('journeys.records', { journeyTouchpointId: ids['Go-live']! });
    expect(records.rows.map((r) => r.value).sort()).toEqual([30, 90]);
  });
});

describe('persona adherence', () => {
  it('is the share of interactions through willing channels, with the violations listed', async () => {
    const persona = await core.call('personas.create', { name: 'Admin', channelPreferences: { email: 'willing', phone: 'unwilling' } });
    const account = await core.call('accounts.create', { name: 'Acme' });
    const ada = await core.call('contacts.create', { accountId: account.id, name: 'Ada', personaId: persona.id });
    const other = await core.call('contacts.create', { accountId: account.id, name: 'Bob' });
    const at = (day: string) => `${day}T10:00:00.000Z`;
    for (const [day, channel] of [
      ['2026-01-05', 'email'],
      ['2026-01-06', 'email'],
      ['2026-02-01', 'phone'],
      ['2026-02-02', 'chat'],
    ] as const) {
      await core.call('touchpoints.create', { accountId: account.id, contactId: ada.id, occurredAt: at(day), channel, kind: 'support' });
    }
    // Another persona's contact: not counted.
    await core.call('touchpoints.create', { accountId: account.id, contactId: other.id, occurredAt: at('2026-02-03'), channel: 'phone', kind: 'support' });

    const result = await core.call('personas.adherence', { id: persona.id });
    expect(result).toMatchObject({ share: 50, n: 4, willing: 2, neutral: 1, unwilling: 1, violationsTotal: 1 });
    expect(result.violations).toEqual([expect.objectContaining({ accountName: 'Acme', contactName: 'Ada', channel: 'phone', kind: 'support', occurredAt: at('2026-02-01') })]);
    expect(result.trend.find((p) => p.month === '2026-01')).toEqual({ month: '2026-01', share: 100, n: 2 });
    expect(result.trend.find((p) => p.month === '2026-02')).toEqual({ month: '2026-02', share: 0, n: 2 });
    expect((await core.fail('personas.adherence', { id: 99 })).code).toBe('NOT_FOUND');
  });
});
