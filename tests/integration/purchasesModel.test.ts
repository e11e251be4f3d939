import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { CDNOW_PURCHASES, cdnowSample, expectPublishedFits } from '../fixtures/cdnow';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 16 through dispatch: the raw CDNOW sample (tests/fixtures/cdnow) imported as accounts and
// purchases through Fulcrum's own import, then `purchases.model` fitted with calibration through
// 1997-09-30 (weeks, same-day purchases as one) reproduces the published BG/NBD and Gamma-Gamma fits.

let core: TestCore;
let source: string;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  // A copy: the accounts import writes its skipped rows' report beside the source.
  source = cdnowSample('fulcrum-cdnow-').source;
});
afterAll(() => core.close());

describe('purchases.model on the CDNOW sample imported as purchases', () => {
  it('without purchases: status empty, with the reason', async () => {
    const model = await core.call('purchases.model', {});
    expect(model).toMatchObject({ status: 'empty', reason: 'no purchases in USD', customers: 0, rows: [], totals: null });
  });

  it('imports 2,357 customers (one account per sample id) and their 6,919 purchases', async () => {
    // No header line: columns are column1 (master id), column2 (sample id), column3 (YYYYMMDD), column4 (CDs), column5 (dollars).
    const accounts = { header: false, fields: { externalId: 'column2', name: 'column2' } };
    const preview = await core.call('import.preview', { path: source, into: 'accounts', mapping: accounts, policy: 'skip', previewRows: 1 });
    expect(preview.source).toMatchObject({ delimiter: 'whitespace' });
    const made = await core.call('import.commit', { jobId: 'cdnow-accounts', path: source, into: 'accounts', mapping: accounts, policy: 'skip' });
    // A customer's later rows repeat its id: skipped as duplicates, one account each.
    expect(made.counts).toMatchObject({ inserts: 2357, errors: 6919 - 2357 });
    const purchases = CDNOW_PURCHASES;
    const checked = await core.call('import.preview', { path: source, into: 'purchases', mapping: purchases, previewRows: 1 });
    expect(checked.problems).toEqual([]);
    expect(checked.rows[0]).toMatchObject({ purchasedOn: '1997-01-01', amountMinor: 2933 });
    const result = await core.call('import.commit', { jobId: 'cdnow-purchases', path: source, into: 'purchases', mapping: purchases });
    expect(result.counts).toMatchObject({ rows: 6919, inserts: 6919, errors: 0 });
  });

  it('reproduces r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4 and p 6.25, q 3.74, γ 15.44', async () => {
    const model = await core.call('purchases.model', { calibrationEnd: '1997-09-30', limit: 5 });
    expectPublishedFits(model);
    expect(model.rows).toHaveLength(5);
    // Highest CLV first.
    const clvs = model.rows.map((r) => r.clvMinor!);
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
  });

  it('customer 1 (sample id 0001): x 2, t_x 30.43, T 38.86, z̄ 22.35, as in the published summary', async () => {
    const model = await core.call('purchases.model', { calibrationEnd: '1997-09-30', limit: 1000 });
    const all = [...model.rows];
    for (let offset = 1000; offset < model.customers; offset += 1000) all.push(...(await core.call('purchases.model', { calibrationEnd: '1997-09-30', limit: 1000, offset })).rows);
    expect(all).toHaveLength(2357);
    const first = all.find((r) => r.accountName === '0001')!;
    expect(first.x).toBe(2);
    expect(first.tx).toBeCloseTo(30.43, 2);
    expect(first.T).toBeCloseTo(38.86, 2);
    expect(first.zbarMinor).toBeCloseTo(2234.5, 6);
    // Totals are the sums over every customer.
    expect(model.totals!.expectedPurchases).toBeCloseTo(
      all.reduce((s, r) => s + r.expectedPurchases, 0),
      6,
    );
    expect(model.totals!.customerEquityMinor).toBeCloseTo(
      all.reduce((s, r) => s + r.clvMinor!, 0),
      3,
    ); // The account page asks for its own customer's row: the same figures, the fits and totals unchanged.
    const own = await core.call('purchases.model', { calibrationEnd: '1997-09-30', accountId: first.accountId });
    expect(own.rows).toEqual([first]);
    expect(own.totals).toEqual(model.totals);
    expect(own.bgnbd?.r).toBe(model.bgnbd?.r);
  });

  it('CLV follows the settings: margin, discount rate and acquisition cost', async () => {
    const before = await core.call('purchases.model', { calibrationEnd: '1997-09-30', limit: 1 });
    const settings = await core.call('settings.get', {});
    await core.call('settings.update', { customerValue: { ...settings.customerValue, purchaseMarginPct: 60, acquisitionCostMinor: 500 } });
    const after = await core.call('purchases.model', { calibrationEnd: '1997-09-30', limit: 1 });
    const row = before.rows[0]!;
    // Twice the margin (30 % → 60 %), less $5.00 of acquisition cost; customer equity leaves the acquisition cost out.
    expect(after.rows[0]!.clvMinor).toBeCloseTo(2 * row.clvMinor! - 500, 6);
    expect(after.totals!.customerEquityMinor).toBeCloseTo(2 * before.totals!.customerEquityMinor!, 3);
    expect(after.acquisitionCostMinor).toBe(500);
    await core.call('settings.update', { customerValue: settings.customerValue });
  });

  it('refuses bad input with a clear error', async () => {
    expect((await core.fail('purchases.model', { calibrationEnd: '30/09/1997' })).message).toMatch(/calibrationEnd/);
    expect((await core.fail('purchases.model', { horizonWeeks: 0 })).message).toMatch(/horizonWeeks/);
    expect((await core.fail('purchases.model', { nope: 1 })).message).toMatch(/nope/);
  });
});
