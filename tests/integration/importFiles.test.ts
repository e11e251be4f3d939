import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileConverter } from '../../electron/core/import/convert';
import { openSource } from '../../electron/core/import/source';
import { targetDef } from '../../electron/core/import/targets';
import type { ImportMapping } from '../../shared/contract/import';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';
import { TELCO_CSV as TELCO } from '../fixtures/telco';
import { plainPaths } from '../../electron/core';

// Real and hand-made files through `import.preview` / `import.commit`.

const CDNOW = join(__dirname, '../fixtures/import/cdnow-master-head.txt');
/** The mappings a user would write for these files (`fulcrum import --map …`). */
const telcoMapping = JSON.parse(readFileSync(join(__dirname, '../fixtures/import/telco-accounts.mapping.json'), 'utf8')) as ImportMapping;
const cdnowMapping = JSON.parse(readFileSync(join(__dirname, '../fixtures/import/cdnow-deals.mapping.json'), 'utf8')) as ImportMapping;

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-'));
});
afterEach(() => core.close());

const count = (table: string, where = '1') => (core.context.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

describe('the Telco churn file as accounts', () => {
  it('imports 7,043 customers; Churn = Yes becomes a churned date', async () => {
    const result = await core.call('import.commit', { jobId: 'telco', path: TELCO, into: 'accounts', mapping: telcoMapping });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ committed: true, counts: { rows: 7043, inserts: 7043, updates: 0, errors: 0 } });
    expect(count('accounts')).toBe(7043);
    expect(count('accounts', "churned_at = '2026-01-31' AND lifecycle_stage = 'churned'")).toBe(1869);
    const first = core.context.sqlite.prepare("SELECT * FROM accounts WHERE external_id = '7590-VHVEG'").get() as Record<string, unknown>;
    expect(first).toMatchObject({ name: '7590-VHVEG', segment: 'Month-to-month', arr_minor: 35820, churned_at: null });
    const again = await core.call('import.preview', { path: TELCO, into: 'accounts', mapping: telcoMapping, match: 'upsert' });
    expect(again.counts).toMatchObject({ inserts: 0, updates: 7043 });
    const insertOnly = await core.call('import.preview', { path: TELCO, into: 'accounts', mapping: telcoMapping, match: 'insert' });
    expect(insertOnly.counts).toMatchObject({ inserts: 0, skips: 7043 });
  });

  it("reads TotalCharges ' ' as missing, never zero, and SeniorCitizen 0/1 beside Yes/No flags", async () => {
    const source = await openSource({ path: TELCO });
    const lookups = { account: () => undefined, contact: () => undefined };
    const accounts = compileConverter(targetDef('accounts'), { fields: { name: 'customerID', arrMinor: 'TotalCharges' } }, source.headers, {
      dateOrders: {},
      churnDate: '2026-01-31',
      lookups,
    });
    const flags = compileConverter(targetDef('contacts'), { fields: { isChampion: 'SeniorCitizen', isExecutiveSponsor: 'Partner' } }, source.headers, {
      dateOrders: {},
      churnDate: '2026-01-31',
      lookups,
    });
    let blank = 0;
    let seniors = 0;
    for (const { cells } of source.rows()) {
      const { record, problems } = accounts(cells);
      // Blank is unknown, not zero (issue 13): arr_minor is NOT NULL, so a blank total is a problem, never a stored 0.
      if (!('arrMinor' in record)) {
        blank++;
        expect(problems).toEqual([{ column: 'TotalCharges', message: expect.stringMatching(/^missing \(NA\): the cell is empty; arrMinor cannot be left unknown/) }]);
      } else expect(problems).toEqual([]);
      const flagged = flags(cells);
      expect(flagged.problems).toEqual([]);
      if (flagged.record.isChampion === true) seniors++;
      expect(typeof flagged.record.isExecutiveSponsor).toBe('boolean');
    }
    expect(blank).toBe(11);
    expect(seniors).toBe(1142);
  });
});

describe('the CDNOW purchases (whitespace-separated, CRLF, YYYYMMDD) as deals', () => {
  it('imports every purchase with its date and amount', async () => {
    const mapping = cdnowMapping;
    const preview = await core.call('import.preview', { path: CDNOW, into: 'deals', mapping, previewRows: 1 });
    expect(preview.source).toMatchObject({ delimiter: 'whitespace', headers: ['customer_id', 'date', 'number_of_cds', 'dollar_value'] });
    expect(preview.rows[0]).toMatchObject({ _row: 2, prospect: '00001', openedAt: '1997-01-01T00:00:00.000Z', amountMinor: 1177, stage: 'closed_won' });
    const result = await core.call('import.commit', { jobId: 'cdnow', path: CDNOW, into: 'deals', mapping });
    expect(result.counts).toMatchObject({ rows: 1999, inserts: 1999, errors: 0 });
    expect(count('deals')).toBe(1999);
  });
});

describe('file shapes', () => {
  const header = 'Account ID,Account Name,Annual Revenue,Renewal\n';
  const preview = (path: string, extra: Record<string, unknown> = {}) => core.call('import.preview', { path, into: 'accounts', preset: 'crm-accounts', ...extra } as never);

  it('quoted fields with embedded newlines, delimiters and quotes', async () => {
    const path = writeFixture(dir, 'newlines.csv', 'Account ID,Account Name,Industry\nA1,"Acme, Inc.","Retail\nand ""wholesale"""\r\nA2,Beta,Tech\n');
    const result = await preview(path);
    expect(result.rows.map((row) => [row._row, row.name, row.industry])).toEqual([
      [2, 'Acme, Inc.', 'Retail\nand "wholesale"'],
      [3, 'Beta', 'Tech'],
    ]);
  });

  it('UTF-8 with a BOM: the first header is still "Account ID"', async () => {
    const path = writeFixture(dir, 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Account ID;Account Name\nA1;Zürich AG\n')]));
    const result = await preview(path);
    expect(result.source).toMatchObject({ encoding: 'utf-8 (BOM)', delimiter: ';' });
    expect(result.rows[0]).toMatchObject({ externalId: 'A1', name: 'Zürich AG' });
  });

  it('UTF-16 LE and BE (Excel "Unicode text", tab-separated)', async () => {
    const text = 'Account ID\tAccount Name\nA1\tÅsa Ltd\n';
    const le = writeFixture(dir, 'le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = writeFixture(dir, 'be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const path of [le, be]) {
      const result = await preview(path);
      expect(result.source.delimiter).toBe('\t');
      expect(result.rows[0]).toMatchObject({ externalId: 'A1', name: 'Åsa Ltd' });
    }
  });

  it('NA markers and blank-space values are missing, never zero', async () => {
    const path = writeFixture(dir, 'na.csv', `${header}A1,One,NA,\nA2,Two,N/A,null\nA3,Three, ,-\nA4,Four,"$1,200.50",2026-05-01\n`);
    const result = await core.call('import.preview', {
      path,
      into: 'accounts',
      mapping: { fields: { externalId: 'Account ID', name: 'Account Name', arrMinor: 'Annual Revenue', renewalDate: 'Renewal' } },
    });
    // arr_minor is NOT NULL: a missing amount is reported (issue 13), never left for the column's default 0.
    expect(result.problems.map((p) => [p.row, p.column, p.message.replace(/;.*/, '')])).toEqual([
      [2, 'Annual Revenue', "missing (NA): the cell says 'NA'"],
      [3, 'Annual Revenue', "missing (NA): the cell says 'N/A'"],
      [4, 'Annual Revenue', 'missing (NA): the cell is empty'],
    ]);
    expect(result.rows.map((row) => [row.arrMinor, row.renewalDate])).toEqual([[120050, '2026-05-01']]);
  });

  it('ambiguous dates: the order is decided over the column and reported', async () => {
    const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', renewalDate: 'Renewal' } };
    const european = writeFixture(dir, 'eu.csv', `${header}A1,One,,01/02/2026\nA2,Two,,25/12/2026\n`);
    const eu = await core.call('import.preview', { path: european, into: 'accounts', mapping });
    expect(eu.dateChoices).toEqual([{ column: 'Renewal', order: 'dmy', ambiguous: false, evidence: '25/12/2026' }]);
    expect(eu.rows[0]!.renewalDate).toBe('2026-02-01');
    const unclear = writeFixture(dir, 'unclear.csv', `${header}A1,One,,01/02/2026\nA2,Two,,03/04/2026\n`);
    const us = await core.call('import.preview', { path: unclear, into: 'accounts', mapping });
    expect(us.dateChoices).toEqual([{ column: 'Renewal', order: 'mdy', ambiguous: true }]);
    expect(us.rows[0]!.renewalDate).toBe('2026-01-02');
    const chosen = await core.call('import.preview', { path: unclear, into: 'accounts', mapping: { ...mapping, dateOrder: 'dmy' } });
    expect(chosen.rows[0]!.renewalDate).toBe('2026-02-01');
  });

  it('XLSX: the first sheet or a named one', async () => {
    await core.call('import.commit', { jobId: 'seed', path: writeFixture(dir, 'seed.csv', `${header}A1,One,"$10",\nA2,Two,"$20",\n`), into: 'accounts', preset: 'crm-accounts' });
    const xlsx = join(dir, 'accounts.xlsx');
    // The machine style: field names and minor units, what Fulcrum's own preset reads back (the default is for people).
    await core.call('export.table', { table: 'accounts', format: 'xlsx', path: xlsx, style: 'raw' });
    const other = await testCore(undefined, { files: plainPaths() });
    try {
      const result = await other.call('import.commit', { jobId: 'x', path: xlsx, into: 'accounts', preset: 'fulcrum-accounts' });
      expect(result.source.format).toBe('xlsx');
      expect(result.counts.inserts).toBe(2);
      expect(other.context.sqlite.prepare('SELECT external_id, name, arr_minor FROM accounts ORDER BY id').all()).toEqual([
        { external_id: 'A1', name: 'One', arr_minor: 1000 },
        { external_id: 'A2', name: 'Two', arr_minor: 2000 },
      ]);
      const named = await other.fail('import.preview', { path: xlsx, into: 'accounts', sheet: 'nope' });
      expect(named.message).toContain("no sheet named 'nope'");
      expect((await other.call('import.preview', { path: xlsx, into: 'accounts', sheet: 'accounts' })).counts.rows).toBe(2);
    } finally {
      await other.close();
    }
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });
});
