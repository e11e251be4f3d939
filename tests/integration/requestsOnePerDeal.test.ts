import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

// Issue 15: the finder disables a second request for a reference already asked for the deal; the
// core refuses it for every caller (the CLI, the bridge, a stale screen), naming what is open.

let core: TestCore;
let referenceId: number;
let dealId: number;

beforeEach(async () => {
  core = await testCore();
  const account = await core.call('accounts.create', { name: 'Acme Health', owner: 'Olivia Owner' });
  const contact = await core.call('contacts.create', { accountId: account.id, name: 'Dana Reyes' });
  referenceId = (await core.call('references.create', { accountId: account.id, contactId: contact.id, by: 'Sam' })).id;
  for (const activity of ['reference_call', 'case_study'] as const) {
    await core.call('references.grantConsent', { referenceId, activity, grantedBy: 'Dana Reyes', grantedAt: '2026-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' });
  }
  for (const stage of ['nominated', 'recruited', 'active'] as const) await core.call('references.move', { id: referenceId, stage, by: 'Sam' });
  dealId = (await core.call('deals.create', { prospect: 'Initech', openedAt: '2026-02-01T00:00:00Z' })).id;
});
afterEach(() => core.close());

const ask = (extra: Record<string, unknown> = {}) => core.dispatch('requests.create', { referenceId, dealId, requester: 'Ria Sales', activity: 'reference_call', ...extra });

describe('requests: one open request per reference and deal', () => {
  it('refuses a second open request with CONFLICT naming the account, the deal and the open request’s state, and writes nothing', async () => {
    const first = await core.call('requests.create', { referenceId, dealId, requester: 'Ria Sales', activity: 'reference_call' });
    await core.call('requests.approve', { id: first.id, by: 'Olivia Owner' });
    const again = await ask({ activity: 'case_study', requester: 'Marketing Max' });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    const message = `Acme Health already has an open request for deal Initech: request ${first.id} of 2026-03-01 is approved; complete, decline or cancel it before asking again`;
    expect(again.error).toEqual({ code: 'CONFLICT', message, issues: [{ path: 'dealId', message }] });
    expect(countRows(core, 'reference_requests')).toBe(1);
  });

  it('allows asking again once the open one is closed, and for another deal or no deal meanwhile', async () => {
    const first = await core.call('requests.create', { referenceId, dealId, requester: 'Ria Sales', activity: 'reference_call' });
    const otherDeal = (await core.call('deals.create', { prospect: 'Globex', openedAt: '2026-02-01T00:00:00Z' })).id;
    expect((await ask({ dealId: otherDeal })).ok).toBe(true);
    expect((await ask({ dealId: null })).ok).toBe(true);
    expect((await ask()).ok).toBe(false);
    await core.call('requests.decline', { id: first.id, reason: 'Customer is busy this quarter' });
    const second = await ask();
    expect(second.ok).toBe(true);
    expect(countRows(core, 'reference_requests')).toBe(4);
  });
});
