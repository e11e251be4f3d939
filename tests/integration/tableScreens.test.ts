import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import type { CustomField } from '../../shared/contract/customFields';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: the contacts and tickets table screens read contacts.table / tickets.table: the list's
// paging, sort, search and custom-field filters, each row with its account's name and custom values;
// a ticket's times as the support figures count them (wall or business minutes, per Settings).

const FIXTURES = join(import.meta.dirname, '../fixtures/custom-fields');
let core: TestCore;
let fields: Record<string, CustomField>;
let acme: { id: number; name: string };

beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  const accountsImport = await core.call('import.commit', {
    jobId: 'accounts',
    path: join(FIXTURES, 'accounts.csv'),
    into: 'accounts',
    mapping: { fields: { externalId: 'Account ID', name: 'Company' } },
  });
  expect(accountsImport.problems).toEqual([]);
  const contactsImport = await core.call('import.commit', {
    jobId: 'contacts',
    path: join(FIXTURES, 'contacts.csv'),
    into: 'contacts',
    mapping: {
      fields: { email: 'Email', name: 'Name', account: 'Account' },
      customFields: [
        { column: 'Language', type: 'text' },
        { column: 'Decision maker', type: 'bool' },
      ],
    },
  });
  expect(contactsImport.problems).toEqual([]);
  fields = Object.fromEntries((await core.call('customFields.list', { recordKind: 'contacts' })).map((field) => [field.name, field]));
  const first = (await core.call('accounts.list', { pageSize: 1, sort: { field: 'name', direction: 'asc' } })).rows[0]!;
  acme = { id: first.id, name: first.name };
});
afterAll(() => core.close());

describe('contacts.table', () => {
  it('is the list page with each contact’s account name and custom values', async () => {
    const list = await core.call('contacts.list', { pageSize: 3, sort: { field: 'name', direction: 'desc' } });
    const table = await core.call('contacts.table', { pageSize: 3, sort: { field: 'name', direction: 'desc' } });
    expect(table.total).toBe(list.total);
    expect(table.rows.map((row) => row.id)).toEqual(list.rows.map((row) => row.id));
    for (const row of table.rows) {
      const account = await core.call('accounts.get', { id: row.accountId });
      expect(row.accountName).toBe(account.name);
      const values = await core.call('customFields.values', { recordKind: 'contacts', recordId: row.id });
      expect(row.custom).toEqual(Object.fromEntries(values.map((value) => [String(value.fieldId), value.value])));
    }
  });

  it('filters and sorts by custom fields and pages like the list', async () => {
    const makers = await core.call('contacts.table', { customFilters: [{ fieldId: fields['Decision maker']!.id, op: 'equals', value: true }], pageSize: 100 });
    expect(makers.total).toBeGreaterThan(0);
    expect(makers.rows.every((row) => row.custom[String(fields['Decision maker']!.id)] === true)).toBe(true);
    const byLanguage = await core.call('contacts.table', { customSort: { fieldId: fields.Language!.id, direction: 'asc' }, pageSize: 100 });
    const languages = byLanguage.rows.map((row) => row.custom[String(fields.Language!.id)]).filter((value) => value !== undefined) as string[];
    expect(languages).toEqual([...languages].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const second = await core.call('contacts.table', { page: 2, pageSize: 2, sort: { field: 'name', direction: 'asc' } });
    const all = await core.call('contacts.table', { pageSize: 100, sort: { field: 'name', direction: 'asc' } });
    expect(second.rows.map((row) => row.id)).toEqual(all.rows.slice(2, 4).map((row) => row.id));
  });

  it('refuses a bad input naming the problem', async () => {
    const error = await core.fail('contacts.table', { sort: { field: 'email' } });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/sort/);
    expect((await core.fail('contacts.table', { pageSize: 501 })).message).toMatch(/pageSize/);
    expect((await core.fail('contacts.table', { unknown: 1 })).message).toMatch(/unknown/);
  });
});

describe('tickets.table', () => {
  it('gives each ticket its account and its times in wall-clock minutes, then in business minutes when business hours are on', async () => {
    const answered = await core.call('tickets.create', {
      accountId: acme.id,
      channel: 'email',
      subject: 'Friday evening',
      // Friday 16:00 UTC; answered Monday 10:00; resolved Monday 11:30.
      openedAt: '2026-02-20T16:00:00.000Z',
      firstResponseAt: '2026-02-23T10:00:00.000Z',
      resolvedAt: '2026-02-23T11:30:00.000Z',
    });
    const open = await core.call('tickets.create', { accountId: acme.id, channel: 'chat', subject: 'Still open', openedAt: '2026-02-24T09:00:00.000Z' });
    const wall = await core.call('tickets.table', { sort: { field: 'openedAt', direction: 'asc' } });
    expect(wall.rows.map((row) => row.id)).toEqual([answered.id, open.id]);
    expect(wall.rows[0]).toMatchObject({ accountName: acme.name, firstResponseMinutes: 66 * 60, resolutionMinutes: 67.5 * 60, minutesKind: 'wall', custom: {} });
    expect(wall.rows[1]).toMatchObject({ firstResponseMinutes: null, resolutionMinutes: null });

    const settings = await core.call('settings.get', {});
    await core.call('settings.update', { businessHours: { ...settings.businessHours, enabled: true, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    const business = await core.call('tickets.table', { search: 'Friday' });
    // Friday 16:00-17:00 and Monday 09:00-10:00 (then 11:30): 120 and 210 working minutes.
    expect(business.rows).toHaveLength(1);
    expect(business.rows[0]).toMatchObject({ id: answered.id, firstResponseMinutes: 120, resolutionMinutes: 210, minutesKind: 'business' });
  });
});
