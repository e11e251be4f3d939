import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: purchases (orders with a customer, a day and an amount) as their own import target and
// domain: imported without a mapping, listed per account, matched by order id on a second import.

let core: TestCore;
let dir: string;
let acme: number;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-purchases-'));
  acme = (await core.call('accounts.create', { name: 'Acme', externalId: 'C-1' })).id;
  const beta = await core.call('accounts.create', { name: 'Beta' });
  await core.call('contacts.create', { accountId: beta.id, name: 'Bo', email: 'bo@beta.example' });
});
afterAll(() => core.close());

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('purchases', () => {
  it('import by automatic mapping: the customer by external id, name or a buyer e-mail; amounts in minor units', async () => {
    const path = file(
      'orders.csv',
      'Order ID,Customer,Email,Order Date,Total,Currency\nO-1,C-1,,2026-01-05,$120.50,USD\nO-2,Acme,,02/13/2026,80,USD\nO-3,,bo@beta.example,2026-02-11,"1,000.00",EUR\n',
    );
    const preview = await core.call('import.preview', { path, into: 'purchases' });
    expect(preview.mapping.fields).toEqual({
      account: 'Customer',
      contactEmail: 'Email',
      externalId: 'Order ID',
      purchasedOn: 'Order Date',
      amountMinor: 'Total',
      currency: 'Currency',
    });
    const result = await core.call('import.commit', { jobId: 'orders', path, into: 'purchases' });
    expect(result.problems).toEqual([]);
    expect(result.counts.inserts).toBe(3);
    const listed = await core.call('purchases.list', { accountId: acme });
    expect(listed.total).toBe(2);
    expect(listed.rows.map((row) => [row.externalId, row.purchasedOn, row.amountMinor, row.currency])).toEqual([
      ['O-2', '2026-02-13', 8_000, 'USD'],
      ['O-1', '2026-01-05', 12_050, 'USD'],
    ]);
    expect((await core.call('purchases.list', {})).rows.find((row) => row.externalId === 'O-3')).toMatchObject({ amountMinor: 100_000, currency: 'EUR' });
  });

  it('a second import updates an order by its id instead of adding it again', async () => {
    const path = file('again.csv', 'Order ID,Customer,Order Date,Total\nO-1,C-1,2026-01-05,130.00\nO-4,C-1,2026-03-01,10\n');
    const result = await core.call('import.commit', { jobId: 'again', path, into: 'purchases' });
    expect(result.counts).toMatchObject({ inserts: 1, updates: 1, errors: 0 });
    const rows = (await core.call('purchases.list', { accountId: acme })).rows;
    expect(rows.map((row) => [row.externalId, row.amountMinor])).toEqual([
      ['O-4', 1_000],
      ['O-2', 8_000],
      ['O-1', 13_000],
    ]);
  });

  it('an unknown customer or a negative amount is a problem naming row and column', async () => {
    const path = file('bad.csv', 'Order ID,Customer,Order Date,Total\nO-9,Nobody,2026-01-05,5\nO-10,C-1,2026-01-05,-5\n');
    const preview = await core.call('import.preview', { path, into: 'purchases' });
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Customer'],
      [3, 'Total'],
    ]);
  });

  it('create and update through the channels; a second order with the same id is refused', async () => {
    const made = await core.call('purchases.create', { accountId: acme, externalId: 'M-1', purchasedOn: '2026-02-01', amountMinor: 500 });
    expect(made).toMatchObject({ currency: 'USD', amountMinor: 500 });
    expect((await core.call('purchases.update', { id: made.id, amountMinor: 700 })).amountMinor).toBe(700);
    expect((await core.fail('purchases.create', { accountId: acme, externalId: 'M-1', purchasedOn: '2026-02-01', amountMinor: 1 })).code).toBe('CONFLICT');
    expect((await core.fail('purchases.create', { accountId: acme, purchasedOn: '2026-02-30', amountMinor: 1 })).message).toContain('purchasedOn');
  });
});
