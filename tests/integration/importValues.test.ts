import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { describeProblem, type ImportMapping } from '../../shared/contract/import';
import { testCore, type TestCore } from '../fixtures/core';

// Every cell read right (issue 13): blank money is unknown, not zero; NA and friends say
// "missing (NA)"; a mapping gap is one problem, not one per row; a character the decoder could not
// read is never stored; dates in every form, and an ambiguous order is asked, not guessed. The
// files are the value-level cases of tests/fixtures/import-bad/ (its README lists them).

const BAD = join(__dirname, '../fixtures/import-bad');
const accountsMapping: ImportMapping = { fields: { externalId: 'Account ID', name: 'Account Name', arrMinor: 'Annual Revenue', employeeCount: 'Employees' } };

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-values-'));
});
afterEach(() => core.close());

const rows = (sql: string) => core.context.sqlite.prepare(sql).all() as Record<string, unknown>[];
/** A copy in a private folder: a `skip` import writes its error file beside the source. */
const copy = (name: string) => {
  const path = join(dir, name);
  copyFileSync(join(BAD, name), path);
  return path;
};

describe('blank money and numbers', () => {
  it('a blank or NA amount where the column is NOT NULL is a problem, never a stored 0; a blank nullable number is stored as null', async () => {
    const path = copy('values-blank-money.csv');
    const preview = await core.call('import.preview', { path, into: 'accounts', mapping: accountsMapping });
    expect(preview.problems.map(describeProblem)).toEqual([
      "row 2, 'Annual Revenue': missing (NA): the cell is empty; arrMinor cannot be left unknown (it would be stored as 0): fill it in or give the mapping a default",
      "row 3, 'Annual Revenue': missing (NA): the cell says 'NA'; arrMinor cannot be left unknown (it would be stored as 0): fill it in or give the mapping a default",
    ]);
    const result = await core.call('import.commit', { jobId: 'money', path, into: 'accounts', mapping: accountsMapping, policy: 'skip' });
    expect(result).toMatchObject({ committed: true, counts: { inserts: 2, errors: 2 } });
    expect(rows('SELECT external_id AS id, arr_minor AS arr, employee_count AS employees FROM accounts ORDER BY external_id')).toEqual([
      { id: 'B-3', arr: 100_000, employees: null },
      { id: 'B-4', arr: 0, employees: null },
    ]);
  });

  it('a default in the mapping fills a blank amount', async () => {
    const mapping = { ...accountsMapping, defaults: { arrMinor: '0' } };
    const preview = await core.call('import.preview', { path: join(BAD, 'values-blank-money.csv'), into: 'accounts', mapping });
    expect(preview.counts).toMatchObject({ inserts: 4, errors: 0 });
  });
});

describe('missing markers', () => {
  it('NA, N/A, -, null and an empty cell in a required column read "missing (NA)" with what the cell said', async () => {
    const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', arrMinor: 'Annual Revenue' } };
    const preview = await core.call('import.preview', { path: join(BAD, 'values-missing-markers.csv'), into: 'accounts', mapping });
    expect(preview.problems.map(describeProblem)).toEqual([
      "row 2, 'Account Name': is required but missing (NA): the cell says 'NA'",
      "row 3, 'Account Name': is required but missing (NA): the cell is empty",
      "row 4, 'Account Name': is required but missing (NA): the cell says '-'",
      "row 5, 'Account Name': is required but missing (NA): the cell says 'null'",
      "row 6, 'Account Name': is required but missing (NA): the cell says 'N/A'",
    ]);
    expect(preview.counts).toMatchObject({ rows: 6, inserts: 1, errors: 5 });
  });
});

describe('mapping gaps', () => {
  it('a required field no column feeds is one problem named by the mapping field, not one per row; every new row still fails', async () => {
    const path = copy('values-mapping-gap.csv');
    const mapping = { fields: { name: 'Name', email: 'Email' } };
    const preview = await core.call('import.preview', { path, into: 'contacts', mapping });
    expect(preview.problems).toEqual([
      { row: 0, column: null, message: "'account' is required for every new row and no column is mapped to it: map a column to 'account' or give it a default" },
    ]);
    expect(preview.problemsTotal).toBe(1);
    expect(preview.counts).toMatchObject({ rows: 50, inserts: 0, errors: 50 });
    expect(describeProblem(preview.problems[0]!)).toBe("'account' is required for every new row and no column is mapped to it: map a column to 'account' or give it a default");

    // Under skip the error file still says why each row was left out.
    const result = await core.call('import.commit', { jobId: 'gap', path, into: 'contacts', mapping, policy: 'skip' });
    expect(result.counts).toMatchObject({ inserts: 0, errors: 50 });
    expect(result.errorFile).toBe(join(dir, 'values-mapping-gap.errors.csv'));
    expect(readFileSync(result.errorFile!, 'utf8')).toContain("2,'account' is required and no column is mapped to it,Person 1,person1@example.com");
  });

  it('an update-only import needs no column for fields only new rows need', async () => {
    const preview = await core.call('import.preview', {
      path: join(BAD, 'values-mapping-gap.csv'),
      into: 'contacts',
      mapping: { fields: { name: 'Name', email: 'Email' } },
      match: 'update',
    });
    expect(preview.problems).toEqual([]);
  });
});

describe('encodings', () => {
  it('a Windows-1252 file read as UTF-8 never stores U+FFFD: each such cell is a problem that says to choose the encoding', async () => {
    const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', churnReason: 'Churn Reason' } };
    const result = await core.call('import.commit', { jobId: 'utf8', path: copy('values-windows-1252.csv'), into: 'accounts', mapping, encoding: 'utf-8', policy: 'skip' });
    expect(result.source.encodingReport).toEqual({ encoding: 'utf-8', source: 'chosen', confidence: 1, replaced: 9 });
    expect(result.problems.map((p) => `${p.row} ${p.column}`)).toEqual(['2 Account Name', '3 Account Name', '3 Churn Reason']);
    expect(result.problems[0]!.message).toBe(
      "'Caf\ufffd M\ufffdller' holds a character that could not be decoded (U+FFFD): the file is probably in another encoding; choose it (--encoding, or the preview's encoding)",
    );
    expect(rows("SELECT name FROM accounts WHERE name LIKE '%' || char(65533) || '%'")).toEqual([]);
  });
});

describe('encodings, detected', () => {
  const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', churnReason: 'Churn Reason' } };
  const stored = () => rows('SELECT external_id AS id, name, churn_reason AS reason FROM accounts ORDER BY external_id');

  it('a Windows-1252 file is detected as such (the preview says so and why) and every character is stored as written', async () => {
    const path = join(BAD, 'values-windows-1252.csv');
    const preview = await core.call('import.preview', { path, into: 'accounts', mapping });
    expect(preview.source).toMatchObject({ encoding: 'windows-1252', encodingReport: { encoding: 'windows-1252', source: 'invalid-utf8', confidence: 0.85, replaced: 0 } });
    expect(preview.problems).toEqual([]);
    await core.call('import.commit', { jobId: 'cp1252', path, into: 'accounts', mapping });
    expect(stored()).toEqual([
      { id: 'W-1', name: 'Café Müller', reason: null },
      { id: 'W-2', name: 'Señor Ñandú GmbH', reason: '“Too expensive” – €40k over budget' },
    ]);
  });

  it('the same text in UTF-8 is read as UTF-8; a chosen iso-8859-1 keeps 0x80-0x9F as Latin-1 has them', async () => {
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, 'Account ID,Account Name,Churn Reason\nW-1,Café Müller,\nW-2,Señor Ñandú GmbH,“Too expensive” – €40k over budget\n', 'utf8');
    const preview = await core.call('import.preview', { path: utf8, into: 'accounts', mapping, previewRows: 5 });
    expect(preview.source.encodingReport).toEqual({ encoding: 'utf-8', source: 'valid-utf8', confidence: 0.99, replaced: 0 });
    expect(preview.rows.map((row) => row.churnReason)).toEqual([undefined, '“Too expensive” – €40k over budget']);

    const latin1 = await core.call('import.preview', { path: join(BAD, 'values-windows-1252.csv'), into: 'accounts', mapping, encoding: 'iso-8859-1', previewRows: 5 });
    expect(latin1.source.encodingReport).toMatchObject({ encoding: 'iso-8859-1', source: 'chosen' });
    expect(latin1.rows[1]!.churnReason).toBe('\u0093Too expensive\u0094 \u0096 \u008040k over budget');
  });
});

describe('encodings, past the detected head', () => {
  it('a file that is ASCII for its first 64 KiB and Windows-1252 further down is read again as windows-1252, and says so', async () => {
    const lines = ['Account ID,Account Name'];
    for (let i = 1; i <= 3_000; i++) lines.push(`L-${i},Plain Name ${i}`);
    const path = join(dir, 'late.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), Buffer.from('L-9999,Caf\xe9 Late\n', 'latin1')]));
    const mapping = { fields: { externalId: 'Account ID', name: 'Account Name' } };
    const preview = await core.call('import.preview', { path, into: 'accounts', mapping });
    expect(preview.source.encodingReport).toEqual({ encoding: 'windows-1252', source: 'invalid-utf8', confidence: 0.85, replaced: 0 });
    expect(preview.problems).toEqual([]);
    await core.call('import.commit', { jobId: 'late', path, into: 'accounts', mapping });
    expect(rows("SELECT name FROM accounts WHERE external_id = 'L-9999'")).toEqual([{ name: 'Café Late' }]);
  });
});

describe('dates', () => {
  it('reads 2012/10/09 14:50:17.000, 09.10.2012, ISO with offsets, Excel serials and epoch seconds and milliseconds', async () => {
    await core.call('accounts.create', { name: 'Acme', externalId: 'A-1' });
    const mapping = { fields: { externalId: 'Ticket ID', account: 'Account', channel: 'Channel', openedAt: 'Created', resolvedAt: 'Solved' } };
    const preview = await core.call('import.preview', { path: join(BAD, 'values-dates-forms.csv'), into: 'tickets', mapping });
    expect(preview.problems).toEqual([]);
    expect(preview.dateChoices).toEqual([{ column: 'Created', order: 'dmy', ambiguous: false, evidence: '09.10.2012' }]);
    await core.call('import.commit', { jobId: 'dates', path: join(BAD, 'values-dates-forms.csv'), into: 'tickets', mapping });
    expect(rows('SELECT external_id AS id, opened_at AS opened, resolved_at AS resolved FROM tickets ORDER BY external_id')).toEqual([
      { id: 'F-1', opened: '2012-10-09T14:50:17.000Z', resolved: '2012-10-09T14:50:17.000Z' },
      { id: 'F-2', opened: '2012-10-09T00:00:00.000Z', resolved: '2012-10-10T14:00:00.250Z' },
      { id: 'F-3', opened: '2012-10-09T14:50:17.000Z', resolved: '2012-10-09T14:50:17.000Z' },
      { id: 'F-4', opened: '2012-10-09T00:00:00.000Z', resolved: '2012-10-09T14:50:17.000Z' },
    ]);
  });

  it('a column where every date reads both ways is a question in the preview; the commit refuses to guess until the order is given', async () => {
    const path = join(BAD, 'values-dates-ambiguous.csv');
    const mapping = { fields: { externalId: 'Account ID', name: 'Account Name', renewalDate: 'Renewal Date' } };
    const preview = await core.call('import.preview', { path, into: 'accounts', mapping });
    expect(preview.dateChoices).toEqual([{ column: 'Renewal Date', order: 'mdy', ambiguous: true }]);
    expect(preview.problems).toEqual([
      {
        row: 0,
        column: 'Renewal Date',
        message: "'10/9/12' is 2012-09-10 day-first or 2012-10-09 month-first, and no date in the column settles the order: choose day-first or month-first",
      },
    ]);
    await expect(core.call('import.commit', { jobId: 'guess', path, into: 'accounts', mapping, policy: 'skip' })).rejects.toThrow(/the order of the dates is a question/);
    expect(rows('SELECT id FROM accounts')).toEqual([]);

    const result = await core.call('import.commit', { jobId: 'dmy', path, into: 'accounts', mapping: { ...mapping, dateOrder: 'dmy' } });
    expect(result.problems).toEqual([]);
    expect(rows('SELECT external_id AS id, renewal_date AS renewal FROM accounts ORDER BY external_id')).toEqual([
      { id: 'D-1', renewal: '2012-09-10' },
      { id: 'D-2', renewal: '2012-04-03' },
      { id: 'D-3', renewal: null },
    ]);
  });
});
