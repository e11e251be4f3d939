import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { describeProblem } from '../../shared/contract/import';
import { runCli } from '../../electron/cli/index';
import { CDNOW_PURCHASES, cdnowSample, expectPublishedFits } from '../fixtures/cdnow';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Issue 13 and 16: the raw CDNOW sample (tests/fixtures/cdnow, 6,919 purchases of 2,357 customer
// codes) imported as purchases into a workspace with no accounts. By default a customer no account
// is yet is a problem of its row; `mapping.createAccounts` (the wizard's choice, --create-accounts)
// makes one account per customer, named and keyed by its code, and the BG/NBD and Gamma-Gamma fits of
// `purchases.model` on what was imported reproduce the published figures.

const purchases = CDNOW_PURCHASES;

/** The CLI's router in this process (the npm bin runs the built copy, which this checkout's sources may be ahead of). */
async function fulcrum(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), errIsTTY: false });
  return { code, stdout, stderr };
}

let core: TestCore;
let dir: string;
let source: string;
const count = (table: string) => (core.context.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  ({ dir, source } = cdnowSample('fulcrum-create-accounts-'));
});
afterAll(() => core.close());

describe('a purchases import that creates its customers', () => {
  it('by default reports each customer no account is as a problem of its row, saying how to create them', async () => {
    const preview = await core.call('import.preview', { path: source, into: 'purchases', mapping: purchases });
    expect(preview.counts).toMatchObject({ rows: 6919, inserts: 0, errors: 6919 });
    expect(describeProblem(preview.problems[0]!)).toBe(
      "row 1, 'column2': '0001' is not a known account (by external id, id or name): create the missing accounts (the wizard’s choice, --create-accounts) or import the accounts first",
    );
    expect(preview.accountsCreated).toBeUndefined();
  });

  it('previews the accounts it will make, with the ids and names the rows will be stored with, writing nothing', async () => {
    const preview = await core.call('import.preview', { path: source, into: 'purchases', mapping: { ...purchases, createAccounts: true }, previewRows: 3 });
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: 6919, inserts: 6919, errors: 0 });
    expect(preview.accountsCreated?.count).toBe(2357);
    expect(preview.accountsCreated?.names.slice(0, 3)).toEqual(['0001', '0002', '0003']);
    expect(preview.accountsCreated?.names).toHaveLength(20);
    expect(preview.rows.map((row) => ({ account: row.account, purchasedOn: row.purchasedOn, amountMinor: row.amountMinor }))).toEqual([
      { account: '0001', purchasedOn: '1997-01-01', amountMinor: 2933 },
      { account: '0001', purchasedOn: '1997-01-18', amountMinor: 2973 },
      { account: '0001', purchasedOn: '1997-08-02', amountMinor: 1496 },
    ]);
    expect(count('accounts')).toBe(0);

    const result = await core.call('import.commit', { jobId: 'cdnow-create', path: source, into: 'purchases', mapping: { ...purchases, createAccounts: true }, previewRows: 3 });
    expect(result.committed).toBe(true);
    expect(result.counts).toMatchObject({ rows: 6919, inserts: 6919, errors: 0 });
    expect(result.accountsCreated?.count).toBe(2357);
    expect(count('accounts')).toBe(2357);
    expect(count('purchases')).toBe(6919);
    // The preview's ids are the stored ones.
    const first = core.context.sqlite.prepare(`SELECT id, name, external_id AS externalId FROM accounts WHERE external_id = '0001'`).get();
    expect(first).toEqual({ id: preview.rows[0]!.accountId, name: '0001', externalId: '0001' });
    // Importing the same file again updates the purchases it made: no account is made twice.
    const again = await core.call('import.preview', { path: source, into: 'purchases', mapping: { ...purchases, createAccounts: true } });
    expect(again.accountsCreated?.count).toBe(0);
  });

  it('reproduces the published BG/NBD (r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4) and Gamma-Gamma (p 6.25, q 3.74, γ 15.44) fits', async () => {
    expectPublishedFits(await core.call('purchases.model', { calibrationEnd: '1997-09-30', limit: 1 }));
  });

  it('makes no account for a customer whose every row was refused, and is refused outside purchases', async () => {
    const path = writeFixture(dir, 'orders.csv', 'Order,Customer,Date,Amount\nN-1,NEW-1,2026-01-05,10.00\nN-2,NEW-2,2026-01-06,abc\nN-3,NEW-1,2026-01-07,5.00\n');
    const mapping = { fields: { externalId: 'Order', account: 'Customer', purchasedOn: 'Date', amountMinor: 'Amount' }, createAccounts: true };
    const result = await core.call('import.commit', { jobId: 'orders', path, into: 'purchases', mapping, policy: 'skip' });
    expect(result.counts).toMatchObject({ inserts: 2, errors: 1 });
    expect(result.accountsCreated).toEqual({ count: 1, names: ['NEW-1'] });
    expect(core.context.sqlite.prepare(`SELECT name FROM accounts WHERE name LIKE 'NEW-%'`).all()).toEqual([{ name: 'NEW-1' }]);

    const refused = await core.fail('import.preview', { path, into: 'tickets', mapping: { fields: { account: 'Customer' }, createAccounts: true } });
    expect(refused.message).toMatch(/createAccounts makes the customers of a purchases import, not of tickets/);
    const unmapped = await core.fail('import.preview', { path, into: 'purchases', mapping: { fields: { externalId: 'Order', purchasedOn: 'Date' }, createAccounts: true } });
    expect(unmapped.message).toMatch(/createAccounts needs a column mapped to 'account'/);
  });
});

describe('fulcrum import --create-accounts', () => {
  it('creates the customers from the command line; without the flag the dry run says how', async () => {
    const db = join(dir, 'cli.fulcrum');
    const map = join(dir, 'cdnow.mapping.json');
    writeFileSync(map, JSON.stringify(purchases));
    expect((await fulcrum('new', '--out', db)).code).toBe(0);
    const dry = await fulcrum('import', '--db', db, '--into', 'purchases', '--map', map, '--dry-run', source);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("'0001' is not a known account (by external id, id or name): create the missing accounts (the wizard’s choice, --create-accounts)");
    const run = await fulcrum('import', '--db', db, '--into', 'purchases', '--map', map, '--create-accounts', source);
    // stderr carries the progress lines only.
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Accounts   2,357 customers are not accounts yet and become new ones: 0001, 0002');
    expect(run.stdout).toContain('Imported 6,919 new and 0 updated purchases');
  });
});
