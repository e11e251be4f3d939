import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

// The feedback board's XLSX export (issue 17), through dispatch: 'readable' has headers in words,
// labels, money in currency units as the board shows it; 'raw' the CSV's ids, codes and minor
// units. Expected values come from feedbackRequests.table.

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

async function sheetOf(style: 'readable' | 'raw') {
  const file = await core.call('feedbackRequests.export', { format: 'xlsx', style });
  expect(file).toMatchObject({ mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.content, 'base64') as never);
  const sheet = book.getWorksheet('Requests')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { file, rows, sheet };
}

describe('the feedback board as XLSX', () => {
  it('writes the readable and raw styles from the board’s figures', async () => {
    const acme = await core.call('accounts.create', { name: 'Acme', segment: 'mid_market', arrMinor: 12_345_678, renewalDate: '2026-05-01' });
    const beta = await core.call('accounts.create', { name: 'Beta', arrMinor: 3_000_050 });
    const sso = await core.call('feedbackRequests.create', { title: 'SSO with Okta', product: 'Platform', feature: 'SSO' });
    await core.call('feedbackRequests.update', { id: sso.id, status: 'shipped', shippedAt: '2026-02-15' });
    for (const account of [acme, beta])
      await core.call('feedback.create', { accountId: account.id, kind: 'feature_request', text: 'SSO please', capturedAt: '2026-02-01', requestId: sso.id });
    const board = await core.call('feedbackRequests.table', {});
    const row = board.rows.find((r) => r.request.id === sso.id)!;

    const readable = await sheetOf('readable');
    expect(readable.file.filename).toBe('requests-2026-03-01.xlsx');
    expect(readable.rows[0]).toEqual([
      'Request',
      'Status',
      'Product',
      'Feature',
      'Items',
      'Accounts',
      'Contacts',
      `ARR (${board.currency})`,
      `Renewal ARR at risk (${board.currency})`,
      'Segments',
      'Shipped on',
    ]);
    expect(readable.rows[1]).toEqual([
      'SSO with Okta',
      'Shipped',
      'Platform',
      'SSO',
      row.items,
      row.accounts,
      row.contacts,
      row.arrMinor / 100,
      row.renewalArrAtRiskMinor / 100,
      expect.stringMatching(/^Mid-market \(1\); No segment \(1\)$|^No segment \(1\); Mid-market \(1\)$/),
      new Date('2026-02-15T00:00:00.000Z'),
    ]);
    expect(row.arrMinor).toBe(15_345_728);
    // Money as the board shows it: two decimals of the currency.
    expect(readable.sheet.getColumn(8).numFmt).toBe('#,##0.00');

    const raw = await sheetOf('raw');
    expect(raw.file.filename).toBe('requests-2026-03-01-raw.xlsx');
    expect(raw.rows[0]).toEqual([
      'id',
      'title',
      'status',
      'product',
      'feature',
      'items',
      'accounts',
      'contacts',
      'arr_minor',
      'renewal_arr_at_risk_minor',
      'currency',
      'segments',
      'shipped_at',
    ]);
    expect(raw.rows[1]!.slice(0, 11)).toEqual([
      sso.id,
      'SSO with Okta',
      'shipped',
      'Platform',
      'SSO',
      row.items,
      row.accounts,
      row.contacts,
      row.arrMinor,
      row.renewalArrAtRiskMinor,
      board.currency,
    ]);
  });

  it('writes the header alone for an empty board, and refuses an unknown style', async () => {
    expect((await sheetOf('readable')).rows).toHaveLength(1);
    expect((await core.fail('feedbackRequests.export', { format: 'xlsx', style: 'pretty' })).message).toMatch(/style/);
  });
});
