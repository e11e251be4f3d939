import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { csvRows } from '../../electron/core/import/csv';
import { loadExcelJS } from '../../electron/core/lib/lazyModules';
import type { CustomCondition, CustomField } from '../../shared/contract/customFields';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 13: custom fields kept from an import filter, sort and page the accounts table, the
// contacts and tickets lists in the core, and come out in the tables' exports headed by their names.
// Expected rows are read from the fixture file itself, not from the core.

const FIXTURES = join(import.meta.dirname, '../fixtures/custom-fields');
const ACCOUNTS = join(FIXTURES, 'accounts.csv');
const CONTACTS = join(FIXTURES, 'contacts.csv');
type FileRow = Record<string, string>;
/** A CSV's rows as header -> cell (the BOM of an export dropped). */
function fileRows(path: string): FileRow[] {
  const [header, ...rows] = [...csvRows(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), ',')].map((row) => row.cells);
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}
const companies = (rows: FileRow[]) => rows.map((row) => row.Company!);

let core: TestCore;
let dir: string;
let fields: Record<string, CustomField>;
beforeAll(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-custom-tables-'));
  const accounts = await core.call('import.commit', {
    jobId: 'accounts',
    path: ACCOUNTS,
    into: 'accounts',
    mapping: {
      fields: { externalId: 'Account ID', name: 'Company' },
      customFields: [
        { column: 'Plan', type: 'choice' },
        { column: 'Seats', type: 'number' },
        { column: 'Renews on', type: 'date' },
        { column: 'Partner', type: 'bool' },
        { column: 'Notes', type: 'text' },
      ],
    },
  });
  expect(accounts.problems).toEqual([]);
  const contacts = await core.call('import.commit', {
    jobId: 'contacts',
    path: CONTACTS,
    into: 'contacts',
    mapping: {
      fields: { email: 'Email', name: 'Name', account: 'Account' },
      customFields: [
        { column: 'Language', type: 'text' },
        { column: 'Decision maker', type: 'bool' },
      ],
    },
  });
  expect(contacts.problems).toEqual([]);
  fields = Object.fromEntries((await core.call('customFields.list', {})).map((field) => [field.name, field]));
});
afterAll(() => core.close());

const tableNames = async (customFilters: CustomCondition[], extra: Record<string, unknown> = {}) =>
  (await core.call('accounts.table', { customFilters, pageSize: 100, ...extra })).rows.map((row) => row.name);

describe('the accounts table filters by custom fields, in the core', () => {
  const rows = fileRows(ACCOUNTS);

  it('text contains, any case; choice equals, any case', async () => {
    expect(await tableNames([{ fieldId: fields.Notes!.id, op: 'contains', text: 'SSO' }])).toEqual(companies(rows.filter((row) => /sso/i.test(row.Notes!))).sort());
    expect(await tableNames([{ fieldId: fields.Plan!.id, op: 'equals', value: 'gold' }])).toEqual(companies(rows.filter((row) => row.Plan === 'Gold')).sort());
  });

  it('number and date ranges are inclusive; yes/no equals; present says whether a record has a value', async () => {
    expect(await tableNames([{ fieldId: fields.Seats!.id, op: 'range', min: 15, max: 120 }])).toEqual(
      companies(rows.filter((row) => row.Seats !== '' && Number(row.Seats) >= 15 && Number(row.Seats) <= 120)).sort(),
    );
    expect(await tableNames([{ fieldId: fields['Renews on']!.id, op: 'range', max: '2026-09-15' }])).toEqual(
      companies(rows.filter((row) => row['Renews on'] !== '' && row['Renews on']! <= '2026-09-15')).sort(),
    );
    expect(await tableNames([{ fieldId: fields.Partner!.id, op: 'equals', value: true }])).toEqual(companies(rows.filter((row) => row.Partner === 'Yes')).sort());
    expect(await tableNames([{ fieldId: fields.Plan!.id, op: 'present', present: false }])).toEqual(companies(rows.filter((row) => row.Plan === '')).sort());
  });

  it('conditions combine (AND) with the table’s own search, and the total counts them all while a page holds pageSize', async () => {
    const conditions: CustomCondition[] = [
      { fieldId: fields.Partner!.id, op: 'equals', value: false },
      { fieldId: fields.Seats!.id, op: 'range', min: 10 },
    ];
    const expected = companies(rows.filter((row) => row.Partner === 'No' && row.Seats !== '' && Number(row.Seats) >= 10)).sort();
    const page = await core.call('accounts.table', { customFilters: conditions, pageSize: 2 });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((row) => row.name)).toEqual(expected.slice(0, 2));
    expect(await tableNames(conditions, { search: 'Ember' })).toEqual(['Ember AG']);
  });

  it('sorts by a custom field, records without a value last either way, and each row carries its values by field id', async () => {
    const withSeats = rows.filter((row) => row.Seats !== '');
    const bySeats = (direction: number) => companies([...withSeats].sort((a, b) => direction * (Number(a.Seats) - Number(b.Seats))));
    const withoutSeats = companies(rows.filter((row) => row.Seats === ''));
    const ascending = await core.call('accounts.table', { customSort: { fieldId: fields.Seats!.id, direction: 'asc' }, pageSize: 100 });
    expect(ascending.rows.map((row) => row.name)).toEqual([...bySeats(1), ...withoutSeats]);
    expect(await tableNames([], { customSort: { fieldId: fields.Seats!.id, direction: 'desc' } })).toEqual([...bySeats(-1), ...withoutSeats]);
    const acme = ascending.rows.find((row) => row.name === 'Acme Corp')!;
    expect(acme.custom).toEqual({
      [fields.Plan!.id]: 'Gold',
      [fields.Seats!.id]: 120,
      [fields['Renews on']!.id]: '2026-05-01',
      [fields.Partner!.id]: true,
      [fields.Notes!.id]: 'Reference call done in March',
    });
    // Text sorts without regard to case.
    expect(await tableNames([], { customSort: { fieldId: fields.Notes!.id, direction: 'asc' } })).toEqual([
      ...companies(rows.filter((row) => row.Notes !== '').sort((a, b) => a.Notes!.toLowerCase().localeCompare(b.Notes!.toLowerCase()))),
      ...companies(rows.filter((row) => row.Notes === '')),
    ]);
  });

  it('a condition its field cannot take is refused naming the field; an unknown or foreign field is not found', async () => {
    const text = await core.fail('accounts.table', { customFilters: [{ fieldId: fields.Seats!.id, op: 'contains', text: '12' }] });
    expect(text).toMatchObject({ code: 'BAD_INPUT' });
    expect(text.message).toMatch(/'Seats' is a number field/);
    const range = await core.fail('accounts.table', { customFilters: [{ fieldId: fields.Seats!.id, op: 'range' }] });
    expect(range.message).toMatch(/a range needs min, max or both/);
    const date = await core.fail('accounts.table', { customFilters: [{ fieldId: fields['Renews on']!.id, op: 'range', min: 5 }] });
    expect(date.message).toMatch(/'Renews on' is a date field: a range of dates needs dates as YYYY-MM-DD/);
    const foreign = await core.fail('accounts.table', { customFilters: [{ fieldId: fields.Language!.id, op: 'contains', text: 'a' }] });
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.message).toMatch(/is not a custom field of accounts/);
  });
});

describe('the generic lists (contacts, accounts.list) filter and sort by custom fields too', () => {
  it('contacts by a yes/no and a text field', async () => {
    const contacts = fileRows(CONTACTS);
    const page = await core.call('contacts.list', {
      customFilters: [{ fieldId: fields['Decision maker']!.id, op: 'equals', value: true }],
      sort: { field: 'name', direction: 'asc' },
    });
    expect(page.rows.map((row) => row.name)).toEqual(contacts.filter((row) => row['Decision maker'] === 'Yes').map((row) => row.Name));
    // A new contact's kept values find it by its e-mail in any case (one lookup for all the rows, import/customColumns.ts).
    const dee = (await core.call('contacts.list', { search: 'Dee' })).rows[0]!;
    expect(await core.call('customFields.values', { recordKind: 'contacts', recordId: dee.id })).toMatchObject([
      { name: 'Language', value: 'German' },
      { name: 'Decision maker', value: false },
    ]);
    const sorted = await core.call('contacts.list', { customSort: { fieldId: fields.Language!.id, direction: 'desc' } });
    expect(sorted.rows.map((row) => row.name)).toEqual([...contacts].sort((a, b) => b.Language!.localeCompare(a.Language!)).map((row) => row.Name));
  });

  it('accounts.list, which the export pages through', async () => {
    const page = await core.call('accounts.list', { customFilters: [{ fieldId: fields.Seats!.id, op: 'range', min: 100 }], sort: { field: 'name', direction: 'asc' } });
    expect(page.rows.map((row) => row.name)).toEqual(['Acme Corp', 'Ember AG']);
  });
});

describe('purchases (their own list) filter and sort by custom fields', () => {
  it('by a text field and a number, without a value last', async () => {
    const path = join(FIXTURES, 'purchases.csv');
    const imported = await core.call('import.commit', {
      jobId: 'purchases',
      path,
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
    const rows = fileRows(path);
    const own = Object.fromEntries((await core.call('customFields.list', { recordKind: 'purchases' })).map((field) => [field.name, field.id]));
    const web = await core.call('purchases.list', { customFilters: [{ fieldId: own.Channel!, op: 'equals', value: 'web' }] });
    expect(web.rows.map((row) => row.externalId).sort()).toEqual(rows.filter((row) => row.Channel === 'Web').map((row) => row.Order));
    const byItems = await core.call('purchases.list', { customSort: { fieldId: own.Items!, direction: 'desc' } });
    expect(byItems.rows.map((row) => row.externalId)).toEqual([
      ...rows
        .filter((row) => row.Items !== '')
        .sort((a, b) => Number(b.Items) - Number(a.Items))
        .map((row) => row.Order),
      ...rows.filter((row) => row.Items === '').map((row) => row.Order),
    ]);
    expect(byItems.total).toBe(rows.length);
  });
});

describe('exports carry the custom fields, headed by their names', () => {
  const csv = fileRows;

  it('readable CSV: yes/no words, numbers and dates as kept, blank where a record has no value', async () => {
    const path = join(dir, 'accounts.csv');
    await core.call('export.table', { table: 'accounts', format: 'csv', path });
    const exported = csv(path);
    const acme = exported.find((row) => row.Name === 'Acme Corp')!;
    expect(acme).toMatchObject({ Plan: 'Gold', Seats: '120', 'Renews on': '2026-05-01', Partner: 'Yes', Notes: 'Reference call done in March' });
    expect(exported.find((row) => row.Name === 'Fjord Ltd')).toMatchObject({ Plan: '', Partner: '' });
  });

  it('raw CSV of a filtered view: only its rows, the values as stored', async () => {
    const path = join(dir, 'accounts-raw.csv');
    const written = await core.call('export.table', {
      table: 'accounts',
      format: 'csv',
      path,
      style: 'raw',
      query: { customFilters: [{ fieldId: fields.Partner!.id, op: 'equals', value: true }], sort: { field: 'name', direction: 'asc' } },
    });
    const exported = csv(path);
    expect(written.rows).toBe(2);
    // The page's own `custom` object is not a column: each field is one.
    expect(Object.keys(exported[0]!)).not.toContain('custom');
    expect(exported.map((row) => [row.name, row.Partner, row.Seats])).toEqual([
      ['Acme Corp', 'true', '120'],
      ['Dune Systems', 'true', ''],
    ]);
  });

  it('readable CSV of a filtered, custom-sorted view: one column per field, in the view’s order', async () => {
    const path = join(dir, 'accounts-view.csv');
    await core.call('export.table', {
      table: 'accounts',
      format: 'csv',
      path,
      query: { customSort: { fieldId: fields.Seats!.id, direction: 'desc' }, customFilters: [{ fieldId: fields.Seats!.id, op: 'present', present: true }] },
    });
    const exported = csv(path);
    expect(Object.keys(exported[0]!)).not.toContain('Custom');
    expect(exported.map((row) => [row.Name, row.Seats])).toEqual(
      fileRows(ACCOUNTS)
        .filter((row) => row.Seats !== '')
        .sort((a, b) => Number(b.Seats) - Number(a.Seats))
        .map((row) => [row.Company, row.Seats]),
    );
  });

  it('XLSX of the contacts table: the fields after the table’s own columns', async () => {
    const path = join(dir, 'contacts.xlsx');
    await core.call('export.table', { table: 'contacts', format: 'xlsx', path });
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(-2)).toEqual(['Language', 'Decision maker']);
    const ana = sheet.getRow(2).values as unknown[];
    expect(ana.slice(-2)).toEqual(['Spanish', 'Yes']);
  });
});
