import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftKind } from '../../electron/core/feedback/draft';
import { testCore, type TestCore } from '../fixtures/core';

// "Capture as feedback" (issue 17): feedback.draft reads a ticket, a survey answer or a touchpoint
// into a first draft (kind, account, contact, words, product, feature, day) and says what was
// already captured from it; feedback.create with the source's id keeps the link, through dispatch on
// a real workspace.

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

async function workspace() {
  const acme = await core.call('accounts.create', { name: 'Acme', segment: 'smb' });
  const dana = await core.call('contacts.create', { accountId: acme.id, name: 'Dana Reyes' });
  await core.call('deployments.create', { accountId: acme.id, product: 'Analytics', status: 'live', plannedGoLive: '2025-06-01', actualGoLive: '2025-06-10' });
  const ticket = await core.call('tickets.create', {
    accountId: acme.id,
    contactId: dana.id,
    subject: 'Export to Excel times out',
    openedAt: '2026-02-20T09:00:00Z',
    channel: 'email',
    topic: 'Exports',
  });
  const answer = await core.call('surveyResponses.create', {
    accountId: acme.id,
    contactId: dana.id,
    respondedAt: '2026-02-21T10:00:00Z',
    kind: 'nps',
    score: 9,
    comment: 'Love the new dashboards',
  });
  const touchpoint = await core.call('touchpoints.create', {
    accountId: acme.id,
    occurredAt: '2026-02-22T11:00:00Z',
    channel: 'in_person',
    kind: 'qbr',
    notes: 'Asked for SSO with Okta',
    sentiment: 0,
  });
  return { acme, dana, ticket, answer, touchpoint };
}

describe('capturing feedback from a ticket, an answer or a touchpoint', () => {
  it('drafts each from its row: kind, account, contact, words, the account’s one product, the ticket’s topic, the day', async () => {
    const { acme, dana, ticket, answer, touchpoint } = await workspace();
    const base = { accountId: acme.id, accountName: 'Acme', product: 'Analytics', captured: [] };
    expect(await core.call('feedback.draft', { source: 'ticket', id: ticket.id })).toEqual({
      ...base,
      contactId: dana.id,
      contactName: 'Dana Reyes',
      kind: 'problem',
      text: 'Export to Excel times out',
      feature: 'Exports',
      capturedAt: '2026-02-20',
    });
    expect(await core.call('feedback.draft', { source: 'survey', id: answer.id })).toEqual({
      ...base,
      contactId: dana.id,
      contactName: 'Dana Reyes',
      kind: 'praise',
      text: 'Love the new dashboards',
      feature: null,
      capturedAt: '2026-02-21',
    });
    expect(await core.call('feedback.draft', { source: 'touchpoint', id: touchpoint.id })).toEqual({
      ...base,
      contactId: null,
      contactName: null,
      kind: 'feature_request',
      text: 'Asked for SSO with Okta',
      feature: null,
      capturedAt: '2026-02-22',
    });
  });

  it('captures linked to its source and a request; the next draft says it was captured', async () => {
    const { acme, dana, ticket } = await workspace();
    const request = await core.call('feedbackRequests.create', { title: 'Faster exports', product: 'Analytics' });
    const draft = await core.call('feedback.draft', { source: 'ticket', id: ticket.id });
    const item = await core.call('feedback.create', {
      accountId: draft.accountId,
      contactId: draft.contactId,
      kind: draft.kind,
      text: draft.text,
      product: draft.product,
      feature: draft.feature,
      capturedAt: draft.capturedAt,
      source: 'ticket',
      ticketId: ticket.id,
      requestId: request.id,
    });
    expect(item).toMatchObject({ source: 'ticket', ticketId: ticket.id, contactId: dana.id, requestId: request.id, accountId: acme.id });
    expect((await core.call('feedback.draft', { source: 'ticket', id: ticket.id })).captured).toEqual([{ id: item.id, requestId: request.id, requestTitle: 'Faster exports' }]);
    const board = await core.call('feedbackRequests.table', {});
    expect(board.rows.find((r) => r.request.id === request.id)).toMatchObject({ items: 1, accounts: 1 });
  });

  it('refuses what it cannot draft, naming it', async () => {
    const missing = await core.fail('feedback.draft', { source: 'ticket', id: 999 });
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'ticket 999 does not exist']);
    expect((await core.fail('feedback.draft', { source: 'deployment', id: 1 })).message).toMatch(/source/);
  });

  it('reads the kind from the answer’s scale and the touchpoint’s sentiment', () => {
    const row = (surveyKind: string | null, score: number | null, sentiment: number | null = null) => ({ surveyKind, score, sentiment });
    expect(draftKind('survey', row('nps', 6))).toBe('problem');
    expect(draftKind('survey', row('nps', 8))).toBe('feature_request');
    expect(draftKind('survey', row('nps', 10))).toBe('praise');
    expect(draftKind('survey', row('csat', 2))).toBe('problem');
    expect(draftKind('survey', row('csat', 5))).toBe('praise');
    expect(draftKind('survey', row('ces', 1))).toBe('feature_request');
    expect(draftKind('survey', row('nps', null))).toBe('feature_request');
    expect(draftKind('touchpoint', row(null, null, -1))).toBe('problem');
    expect(draftKind('touchpoint', row(null, null, 2))).toBe('praise');
    expect(draftKind('ticket', row(null, null))).toBe('problem');
  });
});
