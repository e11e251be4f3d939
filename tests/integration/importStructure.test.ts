import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { RUNS_INTO_NEXT_ROW, UNCLOSED_AT_END } from '../../electron/core/import/csvReader';
import { previewImport } from '../../electron/core/import/service';
import { importInput, importPreview, type ImportMapping } from '../../shared/contract/import';
import { testCore, type TestCore } from '../fixtures/core';

// Structural faults of a file (issue 13): unclosed quotes, ragged rows, empty files. Each case of
// tests/fixtures/import-bad/ (its README lists them) through import.preview and import.commit.

const BAD = join(__dirname, '../fixtures/import-bad');
const mapping: ImportMapping = { fields: { externalId: 'Account ID', name: 'Account Name', industry: 'Industry', churnReason: 'Notes' } };

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-bad-'));
});
afterEach(() => core.close());

const accounts = () => core.context.sqlite.prepare('SELECT external_id AS id, name, industry, churn_reason AS notes FROM accounts ORDER BY external_id').all();
/** A copy in a private folder: a `skip` import writes its error file beside the source. */
const copy = (name: string) => {
  const path = join(dir, name);
  copyFileSync(join(BAD, name), path);
  return path;
};

const CASES = [
  { file: 'unclosed-quote-middle.csv', problems: [{ row: 2, column: 'Notes', message: RUNS_INTO_NEXT_ROW }], rows: 3 },
  { file: 'unclosed-quote-end.csv', problems: [{ row: 3, column: 'Industry', message: UNCLOSED_AT_END }], rows: 2 },
  { file: 'ragged-more-cells.csv', problems: [{ row: 3, column: null, message: 'has 5 cells where the header has 4' }], rows: 3 },
  { file: 'ragged-fewer-cells.csv', problems: [{ row: 3, column: null, message: 'has 3 cells where the header has 4' }], rows: 3 },
];

describe('structural faults are problems by row and column', () => {
  it.each(CASES)('$file', async ({ file, problems, rows }) => {
    const preview = await core.call('import.preview', { path: join(BAD, file), into: 'accounts', mapping });
    expect(preview.problems).toEqual(problems);
    expect(preview.counts).toMatchObject({ rows, errors: problems.length, inserts: rows - problems.length });
    const committed = await core.call('import.commit', { jobId: file, path: join(BAD, file), into: 'accounts', mapping, policy: 'reject' });
    expect(committed).toMatchObject({ committed: false, problems });
    expect(accounts()).toEqual([]);
  });

  it('an unclosed quote in the middle never merges rows: under skip, the row after it is imported as itself', async () => {
    const path = copy('unclosed-quote-middle.csv');
    const result = await core.call('import.commit', { jobId: 'skip', path, into: 'accounts', mapping, policy: 'skip' });
    expect(result).toMatchObject({ committed: true, counts: { rows: 3, inserts: 2, errors: 1 } });
    expect(accounts()).toEqual([
      { id: 'A2', name: 'Beta', industry: 'Tech', notes: 'Asked for "SSO" twice' },
      { id: 'A3', name: 'Gamma', industry: 'Health', notes: 'fine' },
    ]);
    expect(result.errorFile).not.toBeNull();
    const errors = readFileSync(result.errorFile!, 'utf8');
    expect(errors).toContain(`2,"'Notes': ${RUNS_INTO_NEXT_ROW}",A1,Acme,Retail,"Happy customer, renews yearly"`);
  });

  it('trailing empty cells (spreadsheet padding) are no problem', async () => {
    const result = await core.call('import.commit', { jobId: 'padded', path: join(BAD, 'trailing-empty-cells.csv'), into: 'accounts', mapping });
    expect(result).toMatchObject({ committed: true, problems: [], counts: { rows: 2, inserts: 2 } });
    expect(accounts()).toEqual([
      { id: 'A1', name: 'Acme', industry: 'Retail', notes: 'fine' },
      { id: 'A2', name: 'Beta', industry: 'Tech', notes: null },
    ]);
  });
});

describe('an empty file says so', () => {
  it.each(['empty.csv', 'header-only.csv', 'header-and-blank-rows.csv'])('%s is refused: "the file is empty"', async (file) => {
    const input = { path: join(BAD, file), into: 'accounts', mapping };
    for (const error of [await core.fail('import.preview', input), await core.fail('import.commit', { ...input, jobId: file })]) {
      expect(error.code).toBe('BAD_INPUT');
      expect(error.message).toMatch(/^the file is empty: /);
    }
    expect(accounts()).toEqual([]);
  });

  it('staging a 0-byte file is refused the same way', async () => {
    const error = await core.fail('import.stage', { name: 'empty.csv', contentBase64: '' });
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'the file is empty: empty.csv has 0 bytes' });
  });

  it('a staged header-only file is refused at commit and its staged copy stays for another try', async () => {
    const staged = await core.call('import.stage', { name: 'accounts.csv', contentBase64: readFileSync(join(BAD, 'header-only.csv')).toString('base64') });
    const error = await core.fail('import.commit', { jobId: 'staged', path: staged.path, into: 'accounts', mapping });
    expect(error.message).toBe('the file is empty: accounts.csv has a header line and no rows below it');
    // Refused, not returned: the staged copy is still there (a second try names the same problem, not a missing file).
    expect((await core.fail('import.commit', { jobId: 'again', path: staged.path, into: 'accounts', mapping })).message).toBe(error.message);
  });
});

describe('the preview of a large file reads its head', () => {
  it('stops after its row limit and says how far it read; a file within the limit has no head', async () => {
    const path = join(BAD, 'ragged-more-cells.csv');
    const whole = await core.call('import.preview', { path, into: 'accounts', mapping });
    expect(whole.head).toBeUndefined();
    const head = await previewImport(core.context, importInput.parse({ path, into: 'accounts', mapping }), 1);
    expect(importPreview.parse(head)).toMatchObject({ counts: { rows: 1, inserts: 1, errors: 0 }, problems: [] });
    expect(head.head!.rows).toBe(1);
    expect(head.head!.fraction).toBeGreaterThan(0);
    expect(head.head!.fraction).toBeLessThan(1);
  });
});
