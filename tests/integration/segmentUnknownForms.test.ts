import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SEGMENT } from '../../shared/contract/accounts';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: the account form leaves the segment blank for unknown (stored as null, not refused, not
// guessed), and the dashboard's segment filter chooses the accounts without one by NO_SEGMENT.

let core: TestCore;
let unknown: number;
beforeAll(async () => {
  core = await testCore();
  await core.call('accounts.create', { name: 'Known Co', segment: 'enterprise', arrMinor: 5_000_000 });
  unknown = (await core.call('accounts.create', { name: 'Unknown Co', segment: null, arrMinor: 1_200_000 })).id;
  await core.call('accounts.create', { name: 'Left Out Co', arrMinor: 300_000 });
});
afterAll(() => core.close());

describe('an account without a segment', () => {
  it('is created and updated with none, as the form sends a blank one', async () => {
    expect((await core.call('accounts.get', { id: unknown })).segment).toBeNull();
    await core.call('accounts.update', { id: unknown, segment: 'smb' });
    expect((await core.call('accounts.update', { id: unknown, segment: null })).segment).toBeNull();
    // A blank text is not "unknown": the form sends null, and the core names a blank segment a problem.
    const error = await core.fail('accounts.create', { name: 'Blank', segment: '' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/segment/);
  });

  it('is listed as NO_SEGMENT in the facets and chosen by it on the dashboard', async () => {
    expect((await core.call('accounts.facets', {})).segments).toContain(NO_SEGMENT);
    const all = await core.call('metrics.portfolio', {});
    const none = await core.call('metrics.portfolio', { segment: [NO_SEGMENT] });
    const enterprise = await core.call('metrics.portfolio', { segment: ['enterprise'] });
    expect(all.accounts).toBe(3);
    expect(none.accounts).toBe(2);
    expect(enterprise.accounts).toBe(1);
    expect(none.accounts + enterprise.accounts).toBe(all.accounts);
  });
});
