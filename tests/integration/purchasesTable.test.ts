import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: purchases have a table screen like contacts and tickets. purchases.table pages, sorts,
// searches and filters them (customer, currency, the purchase day, custom fields), each row with its
// customer's name and custom values; export.table of purchases writes what a query selects.

const FIXTURES = join(import.meta.dirname, '../fixtures/custom-fields');
let core: TestCore;
let dir: string;
let fields: Record<string, number>;
let names: Map<number, string>;

beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-purchases-table-'));
  await core.call('import.commit', { jobId: 'a', path: join(FIXTURES, 'accounts.csv'), into: 'accounts', mapping: { fields: { externalId: 'Account ID', name: 'Company' } } });
  const imported = await core.call('import.commit', {
    jobId: 'p',
    path: join(FIXTURES, 'purchases.csv'),
    into: 'purchases',
    mapping: {
      fields: { externalId: 'Order', account: 'Customer', purchasedOn: 'Date', amountMinor: 'Amount' },
      customFields: [
        { column: 'Channel', type: 'choice' },
        { column: 'Items', type: 'number' },
      ],
    },
  });
  expect(imported.problems).toEqual([]);
  const acme = (await core.call('accounts.list', { search: 'Acme' })).rows[0]!;
  await core.call('purchases.create', { accountId: acme.id, externalId: 'O-5', purchasedOn: '2026-03-01', amountMinor: 9_900, currency: 'EUR' });
  fields = Object.fromEntries((await core.call('customFields.list', { recordKind: 'purchases' })).map((field) => [field.name, field.id]));
  names = new Map((await core.call('accounts.list', { pageSize: 100 })).rows.map((account) => [account.id, account.name]));
});
afterAll(() => core.close());

const orders = (page: { rows: { externalId: string | null }[] }) => page.rows.map((row) => row.externalId);

describe('purchases.table', () => {
  it('is every purchase, newest first, with its customer’s name and custom values', async () => {
    const table = await core.call('purchases.table', {});
    const list = await core.call('purchases.list', {});
    expect(table.total).toBe(list.total);
    expect(table.total).toBe(5);
    expect(table.rows.map((row) => row.id)).toEqual(list.rows.map((row) => row.id));
    for (const row of table.rows) {
      expect(row.accountName).toBe(names.get(row.accountId));
      const values = await core.call('customFields.values', { recordKind: 'purchases', recordId: row.id });
      expect(row.custom).toEqual(Object.fromEntries(values.map((value) => [String(value.fieldId), value.value])));
    }
  });

  it('sorts by its columns and custom fields, and pages', async () => {
    expect(orders(await core.call('purchases.table', { sort: { field: 'amountMinor', direction: 'desc' } }))).toEqual(['O-4', 'O-1', 'O-5', 'O-2', 'O-3']);
    expect(orders(await core.call('purchases.table', { sort: { field: 'accountName', direction: 'asc' } }))).toEqual(['O-1', 'O-3', 'O-5', 'O-2', 'O-4']);
    // Without a value last, whichever the direction.
    expect(orders(await core.call('purchases.table', { customSort: { fieldId: fields.Items!, direction: 'asc' } }))).toEqual(['O-2', 'O-3', 'O-1', 'O-4', 'O-5']);
    const second = await core.call('purchases.table', { page: 2, pageSize: 2, sort: { field: 'purchasedOn', direction: 'asc' } });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(orders(second)).toEqual(['O-3', 'O-4']);
  });

  it('searches the order id and the customer, and filters by customer, currency, day and custom field', async () => {
    expect(orders(await core.call('purchases.table', { search: 'birch' }))).toEqual(['O-2']);
    expect(orders(await core.call('purchases.table', { search: 'o-4' }))).toEqual(['O-4']);
    const acme = [...names].find(([, name]) => name === 'Acme Corp')![0];
    expect(orders(await core.call('purchases.table', { filter: { accountId: acme } }))).toEqual(['O-5', 'O-3', 'O-1']);
    expect(orders(await core.call('purchases.table', { filter: { currency: 'eur' } }))).toEqual(['O-5']);
    expect(orders(await core.call('purchases.table', { from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }))).toEqual(['O-4', 'O-3']);
    expect(orders(await core.call('purchases.table', { customFilters: [{ fieldId: fields.Channel!, op: 'equals', value: 'web' }] }))).toEqual(['O-3', 'O-1']);
    expect(await core.call('purchases.facets', {})).toEqual({ currencies: ['EUR', 'USD'] });
  });

  it('refuses a bad input naming the problem', async () => {
    expect((await core.fail('purchases.table', { sort: { field: 'amount' } })).message).toMatch(/sort/);
    expect((await core.fail('purchases.table', { pageSize: 501 })).message).toMatch(/pageSize/);
    expect((await core.fail('purchases.table', { filter: { segment: 'smb' } })).message).toMatch(/segment/);
    expect((await core.fail('purchases.table', { customFilters: [{ fieldId: 9999, op: 'equals', value: 'x' }] })).code).toBe('NOT_FOUND');
  });
});

describe('export.table of purchases', () => {
  /** The CSV's records keyed by header (these cells hold no quotes or line breaks). */
  const read = (path: string) => {
    const [header, ...lines] = readFileSync(path, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    const names = header!.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
  };

  it('writes the rows a table query selects, readable, with the custom fields as columns', async () => {
    const query = { customFilters: [{ fieldId: fields.Channel!, op: 'equals', value: 'web' }], sort: { field: 'amountMinor', direction: 'desc' } };
    const path = join(dir, 'web.csv');
    const written = await core.call('export.table', { table: 'purchases', format: 'csv', path, query });
    const shown = await core.call('purchases.table', { ...query, pageSize: 500 } as never);
    expect(written.rows).toBe(shown.total);
    const rows = read(path);
    expect(rows.map((row) => row['External ID'])).toEqual(shown.rows.map((row) => row.externalId));
    expect(rows.map((row) => row['Account name'])).toEqual(shown.rows.map((row) => row.accountName));
    expect(rows.map((row) => row.Amount)).toEqual(shown.rows.map((row) => String(row.amountMinor / 100)));
    expect(rows.map((row) => row.Channel)).toEqual(['Web', 'Web']);
  });

  it('writes every purchase without a query, raw for machines', async () => {
    const path = join(dir, 'all.csv');
    expect((await core.call('export.table', { table: 'purchases', format: 'csv', path, style: 'raw' })).rows).toBe(5);
    expect(read(path).map((row) => row.externalId)).toEqual(['O-1', 'O-2', 'O-3', 'O-4', 'O-5']);
  });
});
