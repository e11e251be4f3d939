import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';

// Calls to action through dispatch on a real workspace: each rule fires after the write that can
// fire it, does not fire on a near miss, and never opens twice for the same cause (a second write,
// a full pass, the next day); the CTA records what fired it, opens its playbook's tasks and closes
// with an outcome. (Now is 2026-03-01T12:00Z: tests/fixtures/core.ts.)

let core: TestCore;
let events: ChangeEvent[];
beforeEach(async () => {
  core = await testCore();
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(() => core.close());

const ctas = async (accountId?: number) => (await core.call('ctas.list', { accountId })).rows;
const at = (day: string, hours = 0) => new Date(Date.parse(`${day}T09:00:00.000Z`) + hours * 3_600_000).toISOString();

describe('detractor answer', () => {
  it('opens one call to action with the starter playbook’s tasks, and not a second on later writes or passes', async () => {
    const account = await core.call('accounts.create', { name: 'Acme', segment: 'smb', owner: 'Olivia Owner' });
    const contact = await core.call('contacts.create', { accountId: account.id, name: 'Dana Reyes' });
    const passive = await core.call('surveyResponses.create', { accountId: account.id, contactId: contact.id, respondedAt: '2026-02-27T10:00:00Z', kind: 'nps', score: 7 });
    expect(await ctas(account.id)).toEqual([]);
    const answer = await core.call('surveyResponses.create', { accountId: account.id, contactId: contact.id, respondedAt: '2026-02-28T10:00:00Z', kind: 'nps', score: 3 });
    const [cta, ...more] = await ctas(account.id);
    expect(more).toEqual([]);
    expect(cta).toMatchObject({
      id: `detractor:${account.id}:answer:${answer.id}`,
      rule: 'detractor',
      accountName: 'Acme',
      title: 'Detractor: NPS 3 from Dana Reyes',
      status: 'open',
      owner: 'Olivia Owner',
      playbookName: 'Detractor follow-up',
      openedAt: '2026-03-01T12:00:00.000Z',
      openTasks: 3,
      totalTasks: 3,
      firedBy: { summary: 'NPS answer 3 on 2026-02-28 by Dana Reyes', facts: { surveyResponseId: answer.id, score: 3 } },
    });
    expect(events.map((e) => e.name)).toContain('ctas.changed');
    const tasks = await core.call('tasks.list', { ctaId: cta!.id });
    expect(tasks.rows.map((t) => [t.title, t.dueDate, t.owner, t.playbookStep])).toEqual([
      ['Read the answer and the account history', '2026-03-01', 'Olivia Owner', 0],
      ['Call the respondent to close the loop', '2026-03-03', 'Olivia Owner', 1],
      ['Confirm the fix with the respondent', '2026-03-11', 'Olivia Owner', 2],
    ]);
    // The same answer written again, another write on the account, a full pass, the next day: still one.
    await core.call('surveyResponses.update', { id: answer.id, comment: 'slow support' });
    await core.call('surveyResponses.update', { id: passive.id, comment: 'fine' });
    expect((await core.call('ctas.evaluate', {})).opened).toEqual([]);
    core.setNow('2026-03-02T09:00:00.000Z');
    expect((await core.call('ctas.evaluate', { accountId: account.id })).opened).toEqual([]);
    expect(await ctas(account.id)).toHaveLength(1);
    expect((await core.call('tasks.list', { accountId: account.id })).total).toBe(3);
  });

  it('an old detractor answer (over 30 days) opens nothing', async () => {
    const account = await core.call('accounts.create', { name: 'Old news', segment: 'smb' });
    await core.call('surveyResponses.create', { accountId: account.id, respondedAt: '2026-01-10T10:00:00Z', kind: 'nps', score: 2 });
    expect(await ctas(account.id)).toEqual([]);
  });
});

describe('renewal in 90 days with no touchpoint in 30', () => {
  it('fires for a quiet account, not for one with a recent touchpoint, and once per renewal date', async () => {
    const chatty = await core.call('accounts.create', { name: 'Chatty', segment: 'smb' });
    await core.call('touchpoints.create', { accountId: chatty.id, occurredAt: '2026-02-20T10:00:00Z', channel: 'phone', kind: 'qbr' });
    await core.call('accounts.update', { id: chatty.id, renewalDate: '2026-04-15' });
    expect(await ctas(chatty.id)).toEqual([]);

    const quiet = await core.call('accounts.create', { name: 'Quiet', segment: 'smb', renewalDate: '2026-04-15' });
    expect((await ctas(quiet.id)).map((c) => c.id)).toEqual([`renewalQuiet:${quiet.id}:renewal:2026-04-15`]);
    // A touchpoint now does not close it (a person does) nor open another; neither does a moved date while it is open.
    await core.call('accounts.update', { id: quiet.id, renewalDate: '2026-04-20' });
    expect(await ctas(quiet.id)).toHaveLength(1);
  });
});

describe('go-live overdue', () => {
  it('fires for a deployment past its planned go-live, not for a live one', async () => {
    const account = await core.call('accounts.create', { name: 'Builder', segment: 'smb' });
    await core.call('deployments.create', { accountId: account.id, product: 'Analytics', status: 'live', plannedGoLive: '2026-01-15', actualGoLive: '2026-01-20' });
    expect(await ctas(account.id)).toEqual([]);
    const late = await core.call('deployments.create', { accountId: account.id, product: 'Billing', status: 'in_progress', plannedGoLive: '2026-02-15' });
    const [cta] = await ctas(account.id);
    expect(cta).toMatchObject({ id: `goLiveOverdue:${account.id}:deployment:${late.id}@2026-02-15`, title: 'Go-live overdue: Billing', playbookName: 'Go-live rescue' });
    expect(cta!.firedBy.facts).toMatchObject({ daysLate: 14, status: 'in_progress' });
    await core.call('deployments.update', { id: late.id, notes: 'waiting on IT' });
    expect(await ctas(account.id)).toHaveLength(1);
  });
});

describe('reference request approved', () => {
  it('fires on approval, not on the ask', async () => {
    const account = await core.call('accounts.create', { name: 'Referee', segment: 'smb', owner: 'Olivia Owner' });
    const contact = await core.call('contacts.create', { accountId: account.id, name: 'Dana Reyes' });
    const reference = await core.call('references.create', { accountId: account.id, contactId: contact.id, by: 'Sam' });
    await core.call('references.grantConsent', {
      referenceId: reference.id,
      activity: 'reference_call',
      grantedBy: 'Dana',
      grantedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2027-01-01T00:00:00Z',
    });
    for (const stage of ['nominated', 'recruited', 'active'] as const) await core.call('references.move', { id: reference.id, stage, by: 'Sam' });
    const request = await core.call('requests.create', { referenceId: reference.id, requester: 'Ria Sales', activity: 'reference_call' });
    expect(await ctas(account.id)).toEqual([]);
    await core.call('requests.approve', { id: request.id, by: 'Olivia Owner' });
    expect(await ctas(account.id)).toEqual([expect.objectContaining({ id: `referenceApproved:${account.id}:request:${request.id}`, playbookName: 'Reference preparation' })]);
    expect((await core.call('ctas.evaluate', {})).opened).toEqual([]);
  });
});

describe('health entered red and a moment of truth below target', () => {
  it('fire once when an account turns red with a missed moment, not again while it stays red', async () => {
    const map = await core.call('journeys.create', { name: 'Support journey' });
    const support = map.stages.find((s) => s.name === 'Get support')!;
    await core.call('journeys.addTouchpoint', {
      journeyStageId: support.id,
      name: 'Urgent ticket',
      isMomentOfTruth: true,
      target: { metric: 'first_response_hours', operator: '<=', value: 4 },
      matchRule: { source: 'tickets', priority: 'urgent' },
    });
    const account = await core.call('accounts.create', { name: 'Struggling', segment: 'smb', renewalDate: '2026-09-01', contractStart: '2024-01-01', arrMinor: 1_000_000 });
    await core.call('touchpoints.create', { accountId: account.id, occurredAt: '2025-06-01T10:00:00Z', channel: 'email', kind: 'support' });
    for (let i = 0; i < 6; i++) {
      const day = `2026-0${1 + (i % 2)}-1${i}`;
      await core.call('tickets.create', { accountId: account.id, openedAt: at(day), firstResponseAt: at(day, 20), channel: 'email', priority: 'urgent', csat: 1 });
      await core.call('surveyResponses.create', { accountId: account.id, respondedAt: at(day), kind: 'nps', score: 1 });
    }
    const health = await core.call('health.explain', { id: account.id });
    expect(health.band).toBe('red');
    // (Its February answers are detractors too: their own calls to action, tested above.)
    const rules = (await ctas(account.id))
      .filter((c) => c.rule !== 'detractor')
      .map((c) => c.id)
      .sort();
    expect(rules).toEqual([`healthRed:${account.id}:red@2026-03-01`, `momentOfTruth:${account.id}:month:2026-03`]);
    const mot = (await ctas(account.id)).find((c) => c.rule === 'momentOfTruth')!;
    // What fired it reads as health's at-risk reason does: a sentence, not rule text.
    expect(mot.firedBy.summary).toMatch(/^Urgent ticket \(.+\): the first response took .+, not within /);
    expect(mot.firedBy.summary).not.toMatch(/[≥≤]| vs |Moment of truth below target/);
    // The next day it is still red (yesterday's snapshot was red): nothing new; the month's moment is the same cause.
    core.setNow('2026-03-02T09:00:00.000Z');
    await core.call('tickets.create', { accountId: account.id, openedAt: at('2026-03-02'), channel: 'email', priority: 'urgent' });
    expect((await core.call('ctas.evaluate', {})).opened).toEqual([]);
    expect((await ctas(account.id)).filter((c) => c.rule !== 'detractor')).toHaveLength(2);
  });
});

describe('closing', () => {
  it('closes with an outcome, optionally cancelling the open tasks, and refuses a second close or bad input', async () => {
    const account = await core.call('accounts.create', { name: 'Quiet', segment: 'smb', renewalDate: '2026-04-15' });
    const [cta] = await ctas(account.id);
    await core.call('identity.set', { name: 'Olivia Owner', role: 'csm' });
    const closed = await core.call('ctas.close', { id: cta!.id, outcome: 'saved', note: 'Renewal meeting booked', cancelOpenTasks: true });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'saved', outcomeNote: 'Renewal meeting booked', closedBy: 'Olivia Owner', openTasks: 0, totalTasks: 3 });
    expect((await core.fail('ctas.close', { id: cta!.id, outcome: 'churned' })).code).toBe('CONFLICT');
    const bad = await core.fail('ctas.close', { id: cta!.id, outcome: 'won' });
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.message).toMatch(/outcome/);
    expect((await core.fail('ctas.get', { id: 'nope:1:x' })).code).toBe('NOT_FOUND');
    // Closed, the same cause never opens again; the list puts open ones first.
    expect((await core.call('ctas.evaluate', {})).opened).toEqual([]);
    const other = await core.call('accounts.create', { name: 'Another', segment: 'smb', renewalDate: '2026-04-10' });
    expect((await core.call('ctas.list', {})).rows.map((c) => [c.accountId, c.status])).toEqual([
      [other.id, 'open'],
      [account.id, 'closed'],
    ]);
  });
});
