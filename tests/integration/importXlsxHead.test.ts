import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { XLSX_PREVIEW_ROWS } from '../../electron/core/import/xlsxSource';
import { testCore, type TestCore } from '../fixtures/core';
import { sheetRow, writeRawWorkbook } from '../fixtures/import/rawXlsx';

// Issue 13: the preview of a workbook reads only its head (import/xlsxHead.ts): the first
// XLSX_PREVIEW_ROWS rows are inflated and parsed, the rest of the sheet never is. Proof: a workbook
// whose later rows are malformed XML previews (and says it read a head), while the commit, which reads
// every row, refuses the file.

let core: TestCore;
let dir: string;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-xlsx-head-'));
});
afterAll(() => core.close());

const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', employeeCount: 'Employees' } };
const TOTAL = XLSX_PREVIEW_ROWS * 2 + 500;

describe('the preview of a large workbook', () => {
  it('reads only its head: later malformed rows do not stop it; the commit, which reads them, refuses the file', async () => {
    const rows = [sheetRow(1, ['Account ID', 'Account Name', 'Employees'])];
    for (let r = 2; r <= TOTAL; r++) rows.push(sheetRow(r, [`A-${r}`, `Account ${r}`, String(r % 500)]));
    const path = join(dir, 'broken-tail.xlsx');
    // After the good rows: a cell whose tags never close, and no end of the sheet.
    writeRawWorkbook(path, rows.join(''), `<row r="${TOTAL + 1}"><c r="A${TOTAL + 1}" t="inlineStr"><is><t>broken</c></row><<<`);

    const detected = await core.call('import.detect', { path, into: 'accounts' });
    expect(detected.headers).toEqual(['Account ID', 'Account Name', 'Employees']);

    const preview = await core.call('import.preview', { path, into: 'accounts', mapping, previewRows: 2 });
    expect(preview.source.format).toBe('xlsx');
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: XLSX_PREVIEW_ROWS, inserts: XLSX_PREVIEW_ROWS, errors: 0 });
    expect(preview.rows.map((row) => [row._row, row.externalId, row.name])).toEqual([
      [2, 'A-2', 'Account 2'],
      [3, 'A-3', 'Account 3'],
    ]);
    // It says it read a head, and about how far into the sheet that is (the sheet's compressed bytes read, with the reader's buffer).
    expect(preview.head?.rows).toBe(XLSX_PREVIEW_ROWS);
    expect(preview.head!.fraction).toBeGreaterThan(0.2);
    expect(preview.head!.fraction).toBeLessThan(0.9);

    const refused = await core.fail('import.commit', { jobId: 'broken-tail', path, into: 'accounts', mapping });
    expect(refused.message).toMatch(/^broken-tail\.xlsx is not a readable XLSX file: /);
    expect(await core.call('accounts.list', {})).toMatchObject({ total: 0 });
  });

  it("a workbook Excel's way (shared strings after the sheet) previews its head, and the commit imports every row", async () => {
    const path = join(dir, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('Accounts');
    sheet.addRow(['Account ID', 'Account Name', 'Employees']).commit();
    for (let r = 2; r <= TOTAL; r++) sheet.addRow([`L-${r}`, `Large ${r % 97}`, r % 500]).commit();
    sheet.commit();
    await writer.commit();

    const preview = await core.call('import.preview', { path, into: 'accounts', mapping, previewRows: 1 });
    expect(preview.counts).toMatchObject({ rows: XLSX_PREVIEW_ROWS, errors: 0 });
    expect(preview.rows[0]).toMatchObject({ _row: 2, externalId: 'L-2', name: 'Large 2', employeeCount: 2 });
    expect(preview.head?.rows).toBe(XLSX_PREVIEW_ROWS);

    const result = await core.call('import.commit', { jobId: 'large', path, into: 'accounts', mapping });
    expect(result.counts).toMatchObject({ rows: TOTAL - 1, inserts: TOTAL - 1, errors: 0 });
    expect(result.head).toBeUndefined();
  });

  it('a workbook no larger than the head is previewed whole, without a head note', async () => {
    const path = join(dir, 'small.xlsx');
    writeRawWorkbook(path, [sheetRow(1, ['Account ID', 'Account Name']), sheetRow(2, ['S-1', 'Small'])].join(''));
    const preview = await core.call('import.preview', { path, into: 'accounts', mapping: { fields: { externalId: 'Account ID', name: 'Account Name' } } });
    expect(preview.counts).toMatchObject({ rows: 1, inserts: 1 });
    expect(preview.head).toBeUndefined();
  });
});
