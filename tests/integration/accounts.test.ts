import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

describe('accounts', () => {
  it('creates, reads, updates and archives an account', async () => {
    const created = await core.call('accounts.create', { name: 'Acme Corp', segment: 'enterprise', arrMinor: 12_000_000, tags: ['pilot'] });
    expect(created).toMatchObject({ name: 'Acme Corp', segment: 'enterprise', currency: 'USD', lifecycleStage: 'onboarding', tags: ['pilot'] });
    expect(created.createdAt).toBe('2026-03-01T12:00:00.000Z');

    const updated = await core.call('accounts.update', { id: created.id, renewalDate: '2026-12-31', owner: 'Dana' });
    expect(updated).toMatchObject({ renewalDate: '2026-12-31', owner: 'Dana', name: 'Acme Corp' });

    const archived = await core.call('accounts.archive', { id: created.id });
    expect(archived.archivedAt).not.toBeNull();
    expect((await core.call('accounts.list', {})).total).toBe(0);
    expect((await core.call('accounts.list', { includeArchived: true })).total).toBe(1);
    const restored = await core.call('accounts.restore', { id: created.id });
    expect(restored.archivedAt).toBeNull();
  });

  it('names the field of bad input and writes nothing', async () => {
    const error = await core.fail('accounts.create', { name: '', renewalDate: '31/12/2026', arrMinor: 10.5 });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['arrMinor', 'name', 'renewalDate']);
    expect(error.message).toContain('renewalDate: must be a date as YYYY-MM-DD');
    expect((await core.call('accounts.list', { includeArchived: true })).total).toBe(0);
  });

  it('refuses a wrong type and an unknown channel', async () => {
    expect((await core.fail('accounts.get', { id: 'seven' })).code).toBe('BAD_INPUT');
    expect((await core.fail('accounts.get', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await core.fail('accounts.explode', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it('sorts, filters, searches and pages', async () => {
    for (const [name, segment, owner, arr] of [
      ['Beta Ltd', 'smb', 'Ann', 100],
      ['Alpha Inc', 'enterprise', 'Bob', 900],
      ['Gamma GmbH', 'enterprise', 'Ann', 500],
      ['Delta 100% Co', 'mid_market', 'Bob', 300],
    ] as const) {
      await core.call('accounts.create', { name, segment, owner, arrMinor: arr });
    }
    const bySize = await core.call('accounts.list', { sort: { field: 'arrMinor', direction: 'desc' } });
    expect(bySize.rows.map((r) => r.name)).toEqual(['Alpha Inc', 'Gamma GmbH', 'Delta 100% Co', 'Beta Ltd']);
    const enterprise = await core.call('accounts.list', { filter: { segment: 'enterprise', owner: ['Ann'] } });
    expect(enterprise.rows.map((r) => r.name)).toEqual(['Gamma GmbH']);
    // A % in the search is a character, not a wildcard.
    expect((await core.call('accounts.list', { search: '100%' })).rows.map((r) => r.name)).toEqual(['Delta 100% Co']);
    const page2 = await core.call('accounts.list', { pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ total: 4, page: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(['Gamma GmbH']);
    expect(await core.call('accounts.facets', {})).toMatchObject({ owners: ['Ann', 'Bob'], segments: ['enterprise', 'mid_market', 'smb'] });
  });

  it('refuses a duplicate external id as a conflict', async () => {
    await core.call('accounts.create', { name: 'One', externalId: 'CRM-1' });
    const error = await core.fail('accounts.create', { name: 'Two', externalId: 'CRM-1' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('external_id');
  });
});

describe('input that does not fit', () => {
  it('refuses a misspelt field by name instead of ignoring it', async () => {
    const account = await core.call('accounts.create', { name: 'Strict Ltd' });
    const error = await core.fail('accounts.update', { id: account.id, nmae: 'Typo Ltd' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('nmae');
    expect((await core.call('accounts.get', { id: account.id })).name).toBe('Strict Ltd');
    expect((await core.fail('accounts.list', { pageSzie: 10 })).message).toContain('pageSzie');
  });
});
