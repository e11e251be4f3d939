import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: XLSX is read as a stream (import/xlsxSource.ts), converted once to a private CSV and
// read like one. What a user sees must not change: the spreadsheet's own row numbers in problems,
// dates, formulas and rich text as text, a sheet by name, an empty sheet refused.

let core: TestCore;
let dir: string;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-xlsx-'));
});
afterAll(() => core.close());

const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', employeeCount: 'Employees', renewalDate: 'Renewal' } };

async function workbook(name: string, sheets: Record<string, (sheet: ExcelJS.Worksheet) => void>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, fill] of Object.entries(sheets)) fill(book.addWorksheet(sheetName));
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

describe('XLSX read as a stream', () => {
  it("problems name the sheet's own row, after a blank row; dates, formulas and rich text read as their text", async () => {
    const path = await workbook('accounts.xlsx', {
      Notes: (sheet) => sheet.addRow(['not this sheet']),
      Accounts: (sheet) => {
        sheet.addRow(['Account ID', 'Account Name', 'Employees', 'Renewal']);
        sheet.addRow(['A-1', { richText: [{ text: 'North' }, { text: 'wind', font: { bold: true } }] }, { formula: '40*2', result: 80 }, new Date(Date.UTC(2027, 1, 1))]);
        // A short row: Excel leaves trailing empty cells out; it is not a ragged row.
        sheet.addRow(['A-2', 'Contoso, "Pharma"']);
        sheet.getRow(5).values = ['A-3', 'Fabrikam', 'many', '2027-03-01'];
      },
    });
    const preview = await core.call('import.preview', { path, into: 'accounts', sheet: 'Accounts', mapping });
    expect(preview.source.format).toBe('xlsx');
    expect(preview.problems).toEqual([{ row: 5, column: 'Employees', message: "'many' is not a number" }]);
    expect(preview.rows.map((row) => [row._row, row.name, row.employeeCount, row.renewalDate])).toEqual([
      [2, 'Northwind', 80, '2027-02-01'],
      // Blank cells are unknown, not written (the row with a problem is not among the rows to store).
      [3, 'Contoso, "Pharma"', undefined, undefined],
    ]);
  });

  it('a missing sheet names the sheets there are; an empty or header-only sheet is "the file is empty"', async () => {
    const path = await workbook('sheets.xlsx', {
      First: (sheet) => sheet.addRow(['Account ID', 'Account Name']),
      Blank: () => {},
    });
    expect((await core.fail('import.preview', { path, into: 'accounts', sheet: 'Nope', mapping })).message).toBe("no sheet named 'Nope' (sheets: First, Blank)");
    expect((await core.fail('import.preview', { path, into: 'accounts', mapping })).message).toBe('the file is empty: sheets.xlsx has no rows below its header');
    expect((await core.fail('import.preview', { path, into: 'accounts', sheet: 'Blank', mapping })).message).toBe('the file is empty: sheets.xlsx has no rows');
  });

  it('a file changed on disk is read again, not from the earlier conversion', async () => {
    const fill = (n: number) => (sheet: ExcelJS.Worksheet) => {
      sheet.addRow(['Account ID', 'Account Name']);
      for (let i = 1; i <= n; i++) sheet.addRow([`B-${i}`, `Customer ${i}`]);
    };
    const path = await workbook('changing.xlsx', { Sheet1: fill(3) });
    expect((await core.call('import.preview', { path, into: 'accounts', mapping: { fields: { externalId: 'Account ID', name: 'Account Name' } } })).counts.rows).toBe(3);
    await workbook('changing.xlsx', { Sheet1: fill(5) });
    const result = await core.call('import.commit', { jobId: 'changed', path, into: 'accounts', mapping: { fields: { externalId: 'Account ID', name: 'Account Name' } } });
    expect(result.counts.inserts).toBe(5);
  });
});
