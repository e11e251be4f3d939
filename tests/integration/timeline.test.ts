import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

/** One account's history across the four tables, plus noise the timeline must leave out. */
async function history() {
  const account = await core.call('accounts.create', { name: 'Acme' });
  const other = await core.call('accounts.create', { name: 'Other' });
  const accountId = account.id;
  const oldest = await core.call('touchpoints.create', { accountId, occurredAt: '2026-01-02T00:00:00Z', channel: 'in_person', kind: 'onboarding' });
  const goLive = await core.call('deployments.create', {
    accountId,
    product: 'Analytics',
    status: 'live',
    plannedGoLive: '2026-01-15',
    actualGoLive: '2026-01-20',
  });
  const skipped = await core.call('surveyResponses.create', { accountId, respondedAt: '2026-01-25T00:00:00Z', kind: 'nsat', nonAnswer: 'dont_know' });
  const qbr = await core.call('touchpoints.create', { accountId, occurredAt: '2026-02-01T10:00:00Z', channel: 'email', kind: 'qbr', notes: 'Quarterly review' });
  const ticket = await core.call('tickets.create', {
    accountId,
    openedAt: '2026-02-03T09:00:00Z',
    channel: 'chat',
    subject: 'Login fails',
    priority: 'high',
    topic: 'sso',
  });
  const nps = await core.call('surveyResponses.create', { accountId, respondedAt: '2026-02-04T12:00:00Z', kind: 'nps', score: 9, comment: 'Great' });
  // No dates yet: the deployment sits at the moment it was recorded.
  const rollout = await core.call('deployments.create', { accountId, product: 'Billing', status: 'in_progress' });

  const archived = await core.call('touchpoints.create', { accountId, occurredAt: '2026-02-02T00:00:00Z', channel: 'chat', kind: 'support' });
  await core.call('touchpoints.archive', { id: archived.id });
  await core.call('touchpoints.create', { accountId: other.id, occurredAt: '2026-02-02T00:00:00Z', channel: 'chat', kind: 'support' });
  await core.call('tickets.create', { accountId: other.id, openedAt: '2026-02-02T00:00:00Z', channel: 'chat' });

  const expected = [
    { kind: 'deployment', id: rollout.id, at: FIXED_NOW.toISOString(), title: 'Billing · in progress', detail: 'planned go-live not set', channel: null },
    { kind: 'survey', id: nps.id, at: '2026-02-04T12:00:00.000Z', title: 'NPS 9', detail: 'Great', channel: null },
    { kind: 'ticket', id: ticket.id, at: '2026-02-03T09:00:00.000Z', title: 'Login fails', detail: 'high · open · sso', channel: 'chat' },
    { kind: 'touchpoint', id: qbr.id, at: '2026-02-01T10:00:00.000Z', title: 'qbr (email)', detail: 'Quarterly review', channel: 'email' },
    { kind: 'survey', id: skipped.id, at: '2026-01-25T00:00:00.000Z', title: 'NSAT dont know', detail: null, channel: null },
    {
      kind: 'deployment',
      id: goLive.id,
      at: '2026-01-20T00:00:00.000Z',
      title: 'Analytics · live',
      detail: 'planned go-live 2026-01-15, live since 2026-01-20',
      channel: null,
    },
    { kind: 'touchpoint', id: oldest.id, at: '2026-01-02T00:00:00.000Z', title: 'onboarding (in_person)', detail: null, channel: 'in_person' },
  ];
  return { accountId, expected };
}

describe('accounts.timeline', () => {
  it('merges touchpoints, tickets, surveys and deployments, newest first, without archived rows or other accounts', async () => {
    const { accountId, expected } = await history();
    expect(await core.call('accounts.timeline', { id: accountId })).toEqual({ entries: expected, hasMore: false, nextCursor: null });
  });

  it('pages back with `before` and says when there is more', async () => {
    const { accountId, expected } = await history();
    const first = await core.call('accounts.timeline', { id: accountId, limit: 2 });
    expect(first).toMatchObject({ entries: expected.slice(0, 2), hasMore: true });
    const second = await core.call('accounts.timeline', { id: accountId, limit: 2, before: first.entries[1]!.at });
    expect(second).toMatchObject({ entries: expected.slice(2, 4), hasMore: true });

    // One entry a page, always passing the last entry's `at` back, walks the whole history:
    // a deployment's `at` must be a valid `before` too.
    const walked = [];
    let before: string | undefined;
    for (let page = 0; page < 20; page++) {
      const { entries, hasMore } = await core.call('accounts.timeline', { id: accountId, limit: 1, before });
      walked.push(...entries);
      if (!hasMore) break;
      before = entries.at(-1)!.at;
    }
    expect(walked).toEqual(expected);

    const exactlyAll = await core.call('accounts.timeline', { id: accountId, limit: expected.length });
    expect(exactlyAll.hasMore).toBe(false);
    expect(await core.call('accounts.timeline', { id: accountId, before: '2026-01-01T00:00:00Z' })).toEqual({
      entries: [],
      hasMore: false,
      nextCursor: null,
    });
  });

  it('pages with the cursor without skipping entries that share an instant', async () => {
    const account = await core.call('accounts.create', { name: 'Busy Monday Ltd' });
    const at = '2026-02-02T09:00:00Z';
    for (let i = 0; i < 3; i++) {
      await core.call('touchpoints.create', { accountId: account.id, occurredAt: at, channel: 'email', kind: 'support' });
      await core.call('tickets.create', { accountId: account.id, openedAt: at, channel: 'email', subject: `Same time ${i}` });
    }
    const all = (await core.call('accounts.timeline', { id: account.id })).entries;
    expect(all).toHaveLength(6);

    const walked = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await core.call('accounts.timeline', { id: account.id, limit: 2, cursor });
      walked.push(...result.entries);
      expect(result.hasMore).toBe(result.nextCursor !== null);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(walked).toEqual(all);
    expect((await core.fail('accounts.timeline', { id: account.id, cursor: 'yesterday' })).issues?.[0]?.path).toBe('cursor');
  });

  it('reads `before` as an instant whatever its offset', async () => {
    const { accountId, expected } = await history();
    // 2026-02-04T13:00+02:00 is 11:00Z: before the NPS answer at 12:00Z.
    const { entries } = await core.call('accounts.timeline', { id: accountId, before: '2026-02-04T13:00:00+02:00', limit: 1 });
    expect(entries).toEqual([expected[2]]);
  });

  it('refuses an unknown account, a bad limit and a bad `before`', async () => {
    expect(await core.fail('accounts.timeline', { id: 404 })).toMatchObject({ code: 'NOT_FOUND', message: 'account 404 does not exist' });
    const account = await core.call('accounts.create', { name: 'Quiet' });
    expect(await core.call('accounts.timeline', { id: account.id })).toEqual({ entries: [], hasMore: false, nextCursor: null });
    for (const input of [{ limit: 0 }, { limit: 501 }, { before: '2026-02-01' }, { before: 'yesterday' }]) {
      const error = await core.fail('accounts.timeline', { id: account.id, ...input });
      expect(error.code).toBe('BAD_INPUT');
      expect(error.issues?.[0]?.path).toBe(Object.keys(input)[0]);
    }
  });
});

describe('accounts.facets', () => {
  it('offers the distinct, sorted values of live accounts', async () => {
    const accounts = [
      { name: 'A', segment: 'enterprise', owner: 'Bob', industry: 'Retail', region: 'EMEA' },
      { name: 'B', segment: 'smb', owner: 'Ann', industry: 'Retail', region: 'APAC' },
      { name: 'C', segment: 'enterprise', owner: 'Ann' },
      { name: 'D', segment: 'strategic', owner: 'Zed', industry: 'Mining', region: 'LATAM' },
    ];
    const ids = [];
    for (const account of accounts) ids.push((await core.call('accounts.create', account)).id);
    await core.call('accounts.archive', { id: ids[3]! });
    expect(await core.call('accounts.facets', {})).toEqual({
      segments: ['enterprise', 'smb'],
      owners: ['Ann', 'Bob'],
      industries: ['Retail'],
      regions: ['APAC', 'EMEA'],
    });
    await core.call('accounts.restore', { id: ids[3]! });
    expect((await core.call('accounts.facets', {})).segments).toEqual(['enterprise', 'smb', 'strategic']);
  });

  it('is empty for an empty workspace', async () => {
    expect(await core.call('accounts.facets', {})).toEqual({ segments: [], owners: [], industries: [], regions: [] });
  });
});
