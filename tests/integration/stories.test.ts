import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

let core: TestCore;
let events: ChangeEvent[];
let acme: { id: number };
let globex: { id: number };

beforeEach(async () => {
  core = await testCore();
  acme = await core.call('accounts.create', { name: 'Acme Logistics', segment: 'enterprise', industry: 'Logistics' });
  globex = await core.call('accounts.create', { name: 'Globex', segment: 'smb', industry: 'Retail' });
  await core.call('deployments.create', { accountId: acme.id, product: 'Service Cloud', status: 'live' });
  await core.call('deployments.create', { accountId: acme.id, product: 'Analytics', status: 'planned' });
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(() => core.close());

const responseTime = () =>
  core.call('outcomes.create', {
    accountId: acme.id,
    metric: 'First response time',
    baseline: 12,
    achieved: 4,
    unit: 'hours',
    periodStart: '2025-07-01',
    periodEnd: '2025-12-31',
    method: 'Median over all tickets, from the helpdesk export',
    verifiedBy: 'Ana Ruiz, Head of Support',
    verifiedAt: '2026-01-15',
  });

async function storyAt(stage: 'drafting' | 'customer_review') {
  const story = await core.call('stories.create', { accountId: acme.id, title: 'How Acme cut response times' });
  await core.call('stories.move', { id: story.id, stage: 'drafting' });
  if (stage === 'customer_review') await core.call('stories.move', { id: story.id, stage: 'customer_review' });
  return story;
}

describe('stories: writing one', () => {
  it('starts as an idea with the account’s industry and live products, and emits stories.changed', async () => {
    const story = await core.call('stories.create', { accountId: acme.id, title: '  How Acme cut response times ' });
    expect(story).toMatchObject({
      title: 'How Acme cut response times',
      stage: 'idea',
      industry: 'Logistics',
      products: ['Service Cloud'],
      quotes: [],
      accountName: 'Acme Logistics',
      results: [],
      approvals: [],
      publishedAt: null,
    });
    expect(events).toEqual([{ name: 'stories.changed', ids: [story.id] }]);
  });

  it('updates the words, quotes with their speaker and products, and refuses what is malformed', async () => {
    const story = await core.call('stories.create', { accountId: acme.id, title: 'Draft' });
    const updated = await core.call('stories.update', {
      id: story.id,
      challenge: 'Tickets waited half a day.',
      solution: 'Routing by skill.',
      industry: 'Freight',
      quotes: [{ text: 'We answer before the customer finishes the coffee.', speaker: 'Maria Lopez, VP Operations' }],
      products: ['Service Cloud', 'Routing'],
    });
    expect(updated).toMatchObject({ challenge: 'Tickets waited half a day.', industry: 'Freight', products: ['Service Cloud', 'Routing'] });
    expect((await core.call('stories.get', { id: story.id })).quotes).toEqual([
      { text: 'We answer before the customer finishes the coffee.', speaker: 'Maria Lopez, VP Operations' },
    ]);

    const oldShape = await core.fail('stories.update', { id: story.id, quotes: [{ text: 'Hi', author: 'Maria' }] });
    expect(oldShape.code).toBe('BAD_INPUT');
    expect(oldShape.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['quotes.0.speaker']));
    const stage = await core.fail('stories.update', { id: story.id, stage: 'published' });
    expect(stage.code).toBe('BAD_INPUT');
    expect(stage.message).toMatch(/stage/);
    const account = await core.fail('stories.update', { id: story.id, accountId: globex.id });
    expect(account.code).toBe('BAD_INPUT');
    expect((await core.fail('stories.update', { id: story.id, title: '  ' })).issues).toEqual([{ path: 'title', message: 'is required' }]);
    expect((await core.fail('stories.create', { accountId: 999, title: 'Nobody' })).code).toBe('NOT_FOUND');
    expect(countRows(core, 'success_stories')).toBe(1);
  });

  it('lists with the account name, approval badges and result count, filtered by stage, account, product and industry', async () => {
    const a = await core.call('stories.create', { accountId: acme.id, title: 'Acme story' });
    const g = await core.call('stories.create', { accountId: globex.id, title: 'Globex story', products: ['Billing'] });
    await core.call('stories.move', { id: g.id, stage: 'drafting' });
    await core.call('stories.approve', { id: a.id, approver: 'Kim Marketing', role: 'marketing' });
    await core.call('stories.approve', { id: a.id, approver: 'Maria Lopez', role: 'customer' });
    await core.call('stories.linkOutcome', { id: a.id, outcomeId: (await responseTime()).id });

    const all = await core.call('stories.list', { sort: { field: 'title', direction: 'asc' } });
    expect(all.rows.map((r) => [r.title, r.accountName, r.approvedBy, r.resultCount])).toEqual([
      ['Acme story', 'Acme Logistics', ['customer', 'marketing'], 1],
      ['Globex story', 'Globex', [], 0],
    ]);
    const titles = async (filter: object) => (await core.call('stories.list', { filter })).rows.map((r) => r.title);
    expect(await titles({ stage: 'drafting' })).toEqual(['Globex story']);
    expect(await titles({ accountId: acme.id })).toEqual(['Acme story']);
    expect(await titles({ product: 'Billing' })).toEqual(['Globex story']);
    expect(await titles({ industry: ['Logistics'] })).toEqual(['Acme story']);
    expect((await core.call('stories.list', { search: 'globex' })).rows.map((r) => r.title)).toEqual(['Globex story']);

    await core.call('stories.archive', { id: g.id });
    expect((await core.call('stories.list', {})).total).toBe(1);
    expect((await core.call('stories.list', { includeArchived: true })).total).toBe(2);
    const archived = await core.fail('stories.move', { id: g.id, stage: 'customer_review' });
    expect(archived).toMatchObject({ code: 'CONFLICT', message: `story ${g.id} is archived: it can no longer be changed` });
  });
});

describe('stories: stages', () => {
  it('moves one stage at a time, forward or one back, and says what else is allowed', async () => {
    const story = await core.call('stories.create', { accountId: acme.id, title: 'Stepwise' });
    const skip = await core.fail('stories.move', { id: story.id, stage: 'customer_review' });
    expect(skip).toEqual({ code: 'CONFLICT', message: 'A story moves one stage at a time: from idea it can go forward to drafting, not to customer review.' });
    expect((await core.call('stories.move', { id: story.id, stage: 'drafting' })).stage).toBe('drafting');
    expect((await core.call('stories.move', { id: story.id, stage: 'idea' })).stage).toBe('idea');
    expect((await core.fail('stories.move', { id: story.id, stage: 'nowhere' })).code).toBe('BAD_INPUT');
    expect((await core.fail('stories.move', { id: 999, stage: 'drafting' })).code).toBe('NOT_FOUND');
  });

  it('will not approve or publish without the customer’s approval, whoever else signed', async () => {
    const story = await storyAt('customer_review');
    await core.call('stories.approve', { id: story.id, approver: 'Lena Legal', role: 'legal' });
    await core.call('stories.approve', { id: story.id, approver: 'Kim Marketing', role: 'marketing', note: 'Looks good' });
    const before = await core.call('stories.get', { id: story.id });
    events = [];
    const refused = await core.fail('stories.move', { id: story.id, stage: 'approved' });
    expect(refused).toEqual({
      code: 'CONFLICT',
      message: "A story cannot be approved without the customer's approval: record the customer's approval first.",
    });
    expect(await core.call('stories.get', { id: story.id })).toEqual(before);
    expect(events).toEqual([]);

    core.setNow('2026-03-02T09:00:00.000Z');
    const approved = await core.call('stories.approve', { id: story.id, approver: 'Maria Lopez, VP Operations', role: 'customer', note: 'Two wording changes' });
    expect(approved.approvals.at(-1)).toMatchObject({
      approver: 'Maria Lopez, VP Operations',
      role: 'customer',
      approvedAt: '2026-03-02T09:00:00.000Z',
      note: 'Two wording changes',
    });
    expect((await core.call('stories.move', { id: story.id, stage: 'approved' })).publishedAt).toBeNull();

    core.setNow('2026-03-05T10:00:00.000Z');
    const published = await core.call('stories.move', { id: story.id, stage: 'published' });
    expect(published).toMatchObject({ stage: 'published', publishedAt: '2026-03-05T10:00:00.000Z' });
    expect(events.at(-1)).toEqual({ name: 'stories.changed', ids: [story.id] });

    // Retiring keeps the date it went out; taking it back to approved un-publishes it.
    core.setNow('2026-06-01T10:00:00.000Z');
    expect((await core.call('stories.move', { id: story.id, stage: 'retired' })).publishedAt).toBe('2026-03-05T10:00:00.000Z');
    expect((await core.call('stories.move', { id: story.id, stage: 'published' })).publishedAt).toBe('2026-03-05T10:00:00.000Z');
    expect((await core.call('stories.move', { id: story.id, stage: 'approved' })).publishedAt).toBeNull();
  });

  it('withdraws an approval recorded by mistake, but never the customer’s only one while approved', async () => {
    const story = await storyAt('customer_review');
    const wrong = await core.call('stories.approve', { id: story.id, approver: 'Lena Legal', role: 'customer' });
    const mistaken = wrong.approvals[0]!; // legal, recorded as the customer
    const withdrawn = await core.call('stories.withdrawApproval', { id: story.id, approvalId: mistaken.id });
    expect(withdrawn.approvals).toEqual([]);
    expect((await core.fail('stories.move', { id: story.id, stage: 'approved' })).code).toBe('CONFLICT');

    const customer = (await core.call('stories.approve', { id: story.id, approver: 'Maria Lopez', role: 'customer' })).approvals[0]!;
    await core.call('stories.move', { id: story.id, stage: 'approved' });
    const refused = await core.fail('stories.withdrawApproval', { id: story.id, approvalId: customer.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: "This is the customer's only approval and the story is approved: move it back to customer review first." });
    expect((await core.call('stories.get', { id: story.id })).approvals).toHaveLength(1);

    await core.call('stories.move', { id: story.id, stage: 'customer_review' });
    expect((await core.call('stories.withdrawApproval', { id: story.id, approvalId: customer.id })).approvals).toEqual([]);
    expect((await core.fail('stories.withdrawApproval', { id: story.id, approvalId: customer.id })).code).toBe('NOT_FOUND');
    expect(events.filter((e) => e.name === 'stories.changed').length).toBeGreaterThan(0);
  });

  it('refuses an approval with an unknown role or without an approver', async () => {
    const story = await storyAt('drafting');
    expect((await core.fail('stories.approve', { id: story.id, approver: 'X', role: 'ceo' })).issues?.[0]?.path).toBe('role');
    expect((await core.fail('stories.approve', { id: story.id, approver: ' ', role: 'customer' })).issues).toEqual([{ path: 'approver', message: 'is required' }]);
    expect(countRows(core, 'story_approvals')).toBe(0);
  });
});

describe('stories: results', () => {
  it('links only outcomes of the story’s own account, once, and unlinks them', async () => {
    const story = await storyAt('drafting');
    const own = await responseTime();
    const foreign = await core.call('outcomes.create', { accountId: globex.id, metric: 'Checkout conversion', baseline: 2, achieved: 3, unit: '%' });

    const linked = await core.call('stories.linkOutcome', { id: story.id, outcomeId: own.id });
    expect(linked.results).toEqual([own]);
    expect((await core.call('stories.linkOutcome', { id: story.id, outcomeId: own.id })).results).toHaveLength(1);

    const refused = await core.fail('stories.linkOutcome', { id: story.id, outcomeId: foreign.id });
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.issues).toEqual([{ path: 'outcomeId', message: `outcome ${foreign.id} was measured at another account: a story's results must be its own customer's` }]);
    expect((await core.fail('stories.linkOutcome', { id: story.id, outcomeId: 999 })).code).toBe('NOT_FOUND');
    expect(countRows(core, 'story_outcomes')).toBe(1);

    expect((await core.call('stories.unlinkOutcome', { id: story.id, outcomeId: own.id })).results).toEqual([]);
    const again = await core.fail('stories.unlinkOutcome', { id: story.id, outcomeId: own.id });
    expect(again).toEqual({ code: 'NOT_FOUND', message: `outcome ${own.id} is not a result of story ${story.id}` });
  });
});
