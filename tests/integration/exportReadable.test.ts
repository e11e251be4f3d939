// Table exports people can read (money in currency units with the currency, labels not codes,
// figures rounded as shown, headers in words), and the raw form kept for machines.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { loadExcelJS } from '../../electron/core/lib/lazyModules';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let dir: string;

beforeAll(async () => {
  const path = tempWorkspacePath();
  dir = dirname(path);
  core = await testCore(path, { files: plainPaths() });
  await core.call('accounts.create', {
    name: 'Ironbay Freight',
    segment: 'mid_market',
    lifecycleStage: 'at_risk',
    arrMinor: 1_860,
    currency: 'USD',
    grossMarginPct: 29.607020221289584,
    tags: ['north', 'priority'],
  });
  await core.call('accounts.create', { name: 'Kyoto Lines', segment: 'enterprise', arrMinor: 250_000, currency: 'JPY' });
});
afterAll(() => core.close());

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), keyed by the header. */
function csvRows(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  const records: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    records.at(-1)!.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      records.push([]);
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || records.at(-1)!.length > 0) records.at(-1)!.push(cell);
  const [header, ...rows] = records.filter((record) => record.length > 0);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

describe('readable table exports', () => {
  it('writes labels, currency units with their currency, rounded figures and headers in words by default', async () => {
    const path = join(dir, 'accounts.csv');
    await core.call('export.table', { table: 'accounts', format: 'csv', path });
    const rows = csvRows(path);
    const ironbay = rows.find((row) => row.Name === 'Ironbay Freight')!;
    expect(ironbay).toMatchObject({ Segment: 'Mid-market', 'Lifecycle stage': 'At risk', ARR: '18.6', Currency: 'USD', 'Gross margin %': '29.61', Tags: 'north, priority' });
    // A currency without minor units is not divided by 100.
    expect(rows.find((row) => row.Name === 'Kyoto Lines')).toMatchObject({ Segment: 'Enterprise', ARR: '250000', Currency: 'JPY' });
    expect(Object.keys(ironbay)).not.toContain('arrMinor');
  });

  it('reads the same through a list query and in XLSX', async () => {
    const path = join(dir, 'accounts.xlsx');
    await core.call('export.table', { table: 'accounts', format: 'xlsx', path, query: { search: 'Ironbay' } });
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => values[header.indexOf(name)];
    expect(cell('Segment')).toBe('Mid-market');
    expect(cell('ARR')).toBe(18.6);
    expect(cell('Currency')).toBe('USD');
    expect(cell('Gross margin %')).toBe(29.61);
  });

  it('keeps codes, minor units and field names for machines with style raw', async () => {
    const path = join(dir, 'accounts-raw.csv');
    await core.call('export.table', { table: 'accounts', format: 'csv', path, style: 'raw' });
    const ironbay = csvRows(path).find((row) => row.name === 'Ironbay Freight')!;
    expect(ironbay).toMatchObject({ segment: 'mid_market', lifecycleStage: 'at_risk', arrMinor: '1860', currency: 'USD', grossMarginPct: '29.607020221289584' });
  });

  it('refuses a style it does not know, naming it', async () => {
    const error = await core.fail('export.table', { table: 'accounts', format: 'csv', path: join(dir, 'x.csv'), style: 'pretty' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/style/);
  });
});
