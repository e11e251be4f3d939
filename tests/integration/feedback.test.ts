import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

/** Today's health band, set by hand so renewal ARR at risk can be computed by hand (the health model is tested in health.test.ts). */
function setBand(accountId: number, band: 'red' | 'amber' | 'green') {
  const sqlite = core.context.sqlite;
  sqlite.prepare('UPDATE health_snapshots SET current = 0 WHERE account_id = ?').run(accountId);
  sqlite
    .prepare(`INSERT INTO health_snapshots (account_id, taken_at, model_version, score, band, coverage_pct, components, current) VALUES (?, ?, 'test', ?, ?, 100, '[]', 1)`)
    .run(accountId, '2026-03-01T00:00:00.000Z', band === 'red' ? 30 : band === 'amber' ? 60 : 85, band);
}

const item = (accountId: number, text: string, extra: Record<string, unknown> = {}) =>
  core.call('feedback.create', { accountId, kind: 'feature_request', text, capturedAt: '2026-02-10', ...extra } as never);

async function workspace() {
  // Today is 2026-03-01 (the test clock); the horizon of 180 days runs to 2026-08-28.
  const acme = await core.call('accounts.create', { name: 'Acme', segment: 'enterprise', arrMinor: 12_000_000, renewalDate: '2026-05-01', owner: 'Dana' });
  const beta = await core.call('accounts.create', { name: 'Beta', segment: 'smb', arrMinor: 3_000_000, renewalDate: '2026-04-15' });
  const corp = await core.call('accounts.create', { name: 'Corp', segment: 'enterprise', arrMinor: 5_000_000, renewalDate: '2027-01-01' });
  const dyn = await core.call('accounts.create', { name: 'Dyn', segment: 'smb', arrMinor: 1_000_000, lifecycleStage: 'churned', churnedAt: '2026-01-15' });
  setBand(acme.id, 'red');
  setBand(beta.id, 'green');
  setBand(corp.id, 'amber');
  const alice = await core.call('contacts.create', { accountId: acme.id, name: 'Alice', email: 'alice@acme.test', isChampion: true });
  const bob = await core.call('contacts.create', { accountId: beta.id, name: 'Bob', email: 'bob@beta.test' });
  return { acme, beta, corp, dyn, alice, bob };
}

describe('product feedback', () => {
  it('weighs each request by the accounts, ARR and renewal ARR at risk behind it, by hand', async () => {
    const { acme, beta, corp, dyn, alice, bob } = await workspace();
    const sso = await core.call('feedbackRequests.create', { title: 'SSO', product: 'Platform', feature: 'SSO' });
    const api = await core.call('feedbackRequests.create', { title: 'Export API', product: 'Platform' });
    const dark = await core.call('feedbackRequests.create', { title: 'Dark mode' });
    const ssoItems = [
      await item(acme.id, 'We need SAML', { contactId: alice.id }),
      await item(acme.id, 'Okta please', { contactId: alice.id }),
      await item(beta.id, 'SSO for our team', { contactId: bob.id }),
      await item(dyn.id, 'Left partly for lack of SSO'),
    ];
    const apiItems = [await item(corp.id, 'Nightly export'), await item(beta.id, 'An API for exports', { contactId: bob.id })];
    await item(corp.id, 'Reports are slow', { kind: 'problem' });
    await item(beta.id, 'Love the new editor', { kind: 'praise' });
    expect(await core.call('feedback.link', { itemIds: ssoItems.map((i) => i.id), requestId: sso.id })).toEqual({ linked: 4 });
    await core.call('feedback.link', { itemIds: apiItems.map((i) => i.id), requestId: api.id });

    const board = await core.call('feedbackRequests.table', {});
    expect(board).toMatchObject({ currency: 'USD', horizonDays: 180, unlinked: 1 });
    expect(board.rows.map((r) => [r.request.title, r.items, r.accounts, r.contacts, r.arrMinor, r.renewalArrAtRiskMinor])).toEqual([
      // Acme 120,000 + Beta 30,000 (Dyn churned: asks, brings no ARR); at risk: Acme only (red, renews 2026-05-01).
      ['SSO', 4, 3, 2, 15_000_000, 12_000_000],
      // Corp 50,000 (amber but renews after the horizon) + Beta 30,000 (green): nothing at risk.
      ['Export API', 2, 2, 1, 8_000_000, 0],
      ['Dark mode', 0, 0, 0, 0, 0],
    ]);
    expect(board.rows[0]!.segments).toEqual([
      { segment: 'enterprise', accounts: 1, arrMinor: 12_000_000 },
      { segment: 'smb', accounts: 2, arrMinor: 3_000_000 },
    ]);
    expect(board.rows[2]!.request.id).toBe(dark.id);
    // A longer horizon reaches Corp's renewal; a status filter keeps only those requests.
    expect((await core.call('feedbackRequests.table', { horizonDays: 365 })).rows.find((r) => r.request.id === api.id)!.renewalArrAtRiskMinor).toBe(5_000_000);
    expect((await core.call('feedbackRequests.table', { status: ['planned'] })).rows).toEqual([]);

    // Taking an item out of its request moves the figures.
    await core.call('feedback.link', { itemIds: [ssoItems[2]!.id], requestId: null });
    const after = (await core.call('feedbackRequests.table', {})).rows.find((r) => r.request.id === sso.id)!;
    expect([after.items, after.accounts, after.contacts, after.arrMinor]).toEqual([3, 2, 1, 12_000_000]);
  });

  it('lists who to tell when a request ships and ranks reference candidates, with reasons', async () => {
    const { acme, beta, dyn, alice, bob } = await workspace();
    await core.call('surveyResponses.create', { accountId: acme.id, contactId: alice.id, kind: 'nps', score: 10, respondedAt: '2026-02-01T10:00:00.000Z' });
    await core.call('surveyResponses.create', { accountId: beta.id, contactId: bob.id, kind: 'nps', score: 5, respondedAt: '2026-02-01T10:00:00.000Z' });
    await item(beta.id, 'Love it', { kind: 'praise' });
    const sso = await core.call('feedbackRequests.create', { title: 'SSO' });
    const items = [await item(acme.id, 'SAML', { contactId: alice.id }), await item(beta.id, 'SSO', { contactId: bob.id }), await item(dyn.id, 'SSO')];
    await core.call('feedback.link', { itemIds: items.map((i) => i.id), requestId: sso.id });

    // The answers above refreshed health; set today's bands by hand again.
    setBand(acme.id, 'red');
    setBand(beta.id, 'green');
    const shipped = await core.call('feedbackRequests.update', { id: sso.id, status: 'shipped' });
    expect(shipped.shippedAt).toBe('2026-03-01');
    const { toTell, referenceCandidates } = await core.call('feedbackRequests.candidates', { id: sso.id });
    // Current customers only (Dyn churned), by ARR, with the contacts who asked.
    expect(toTell).toEqual([
      { accountId: acme.id, name: 'Acme', owner: 'Dana', arrMinor: 12_000_000, contacts: [{ id: alice.id, name: 'Alice', email: 'alice@acme.test' }] },
      { accountId: beta.id, name: 'Beta', owner: null, arrMinor: 3_000_000, contacts: [{ id: bob.id, name: 'Bob', email: 'bob@beta.test' }] },
    ]);
    // Alice: red −2, champion +2, promoter +2 = 2. Bob: green +2, detractor −2, praise from Beta +1 = 1.
    expect(referenceCandidates).toEqual([
      { accountId: acme.id, name: 'Acme', contactId: alice.id, contactName: 'Alice', score: 2, reasons: ['health red', 'champion', 'promoter (NPS 10)'] },
      { accountId: beta.id, name: 'Beta', contactId: bob.id, contactName: 'Bob', score: 1, reasons: ['health green', 'detractor (NPS 5)', 'has given praise'] },
    ]);
    expect((await core.fail('feedbackRequests.candidates', { id: 999 })).code).toBe('NOT_FOUND');

    // Telling them: one task per current customer that asked, owned by its owner, linked to the contact who asked.
    const told = await core.call('feedbackRequests.tell', { id: sso.id });
    expect(told).toMatchObject({ already: 0 });
    const tasks = (ids: number[]) => Promise.all(ids.map((id) => core.call('tasks.get', { id })));
    expect((await tasks(told.opened)).map((t) => [t.accountId, t.title, t.owner, t.contactId, t.status])).toEqual([
      [acme.id, 'Tell Alice that “SSO” shipped', 'Dana', alice.id, 'open'],
      [beta.id, 'Tell Bob that “SSO” shipped', null, bob.id, 'open'],
    ]);
    // A second click (or a retry after a lost answer) opens nothing, nor does one after a task is done (they were told);
    // a cancelled task does not count, so that account gets a new one.
    expect(await core.call('feedbackRequests.tell', { id: sso.id })).toEqual({ opened: [], already: 2 });
    await core.call('tasks.update', { id: told.opened[0]!, status: 'done' });
    await core.call('tasks.update', { id: told.opened[1]!, status: 'cancelled' });
    const again = await core.call('feedbackRequests.tell', { id: sso.id });
    expect(again.already).toBe(1);
    expect((await tasks(again.opened)).map((t) => t.accountId)).toEqual([beta.id]);
    expect((await core.fail('feedbackRequests.tell', { id: 999 })).code).toBe('NOT_FOUND');
  });

  it('captures from tickets and answers (contact taken from the source) and reads satisfaction by product and feature', async () => {
    const { acme, beta, alice, bob } = await workspace();
    const answer = await core.call('surveyResponses.create', {
      accountId: acme.id,
      contactId: alice.id,
      kind: 'nps',
      score: 10,
      comment: 'SSO is great',
      respondedAt: '2026-02-01T10:00:00.000Z',
    });
    const ticket = await core.call('tickets.create', {
      accountId: beta.id,
      contactId: bob.id,
      subject: 'SSO broken',
      openedAt: '2026-02-02T10:00:00.000Z',
      channel: 'email',
      csat: 2,
    });
    const fromAnswer = await item(acme.id, 'SSO is great', { kind: 'praise', source: 'survey', surveyResponseId: answer.id, product: 'Platform', feature: 'SSO' });
    const fromTicket = await item(beta.id, 'SSO broken', { kind: 'problem', source: 'ticket', ticketId: ticket.id, product: 'Platform', feature: 'SSO' });
    expect(fromAnswer.contactId).toBe(alice.id);
    expect(fromTicket.contactId).toBe(bob.id);
    await item(beta.id, 'Charts', { product: 'Reports' });

    expect(await core.call('feedback.productResults', {})).toEqual([
      { product: 'Platform', feature: 'SSO', items: 2, nps: 100, npsAnswers: 1, csat: 0, csatRatings: 1, problems: 1, praise: 1 },
      { product: 'Reports', feature: null, items: 1, nps: null, npsAnswers: 0, csat: null, csatRatings: 0, problems: 0, praise: 0 },
    ]);

    const wrongAccount = await core.fail('feedback.create', { accountId: acme.id, kind: 'problem', text: 'x', capturedAt: '2026-02-02', source: 'ticket', ticketId: ticket.id });
    expect(wrongAccount).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(`belongs to account ${beta.id}`) });
    const noSource = await core.fail('feedback.create', { accountId: acme.id, kind: 'problem', text: 'x', capturedAt: '2026-02-02', source: 'ticket' });
    expect(noSource.issues).toEqual([{ path: 'ticketId', message: 'is required when source is ticket' }]);
    expect((await core.fail('feedback.link', { itemIds: [fromTicket.id], requestId: 42 })).code).toBe('NOT_FOUND');
    expect((await core.fail('feedback.link', { itemIds: [fromTicket.id, 4242], requestId: null })).message).toContain('4242');
  });

  it('exports the board for product teams as CSV and Markdown', async () => {
    const { acme, beta } = await workspace();
    const sso = await core.call('feedbackRequests.create', { title: 'SSO, SAML', product: 'Platform', feature: 'SSO' });
    const items = [await item(acme.id, 'SAML'), await item(beta.id, 'SSO')];
    await core.call('feedback.link', { itemIds: items.map((i) => i.id), requestId: sso.id });
    const csv = await core.call('feedbackRequests.export', { format: 'csv' });
    expect(csv).toMatchObject({ filename: 'requests-2026-03-01.csv', mime: 'text/csv' });
    expect(csv.content.trim().split('\n')).toEqual([
      'id,title,status,product,feature,items,accounts,contacts,arr_USD,renewal_arr_at_risk_USD,segments,shipped_at',
      `${sso.id},"SSO, SAML",open,Platform,SSO,2,2,0,150000.00,120000.00,enterprise (1); smb (1),`,
    ]);
    const md = await core.call('feedbackRequests.export', { format: 'markdown' });
    expect(md.content).toContain('| 1 | SSO, SAML | open | Platform / SSO | 2 | 0 | $150,000.00 | $120,000.00 | enterprise (1); smb (1) |');
  });
});
