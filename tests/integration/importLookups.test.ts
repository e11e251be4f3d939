import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';
import { plainPaths } from '../../electron/core';
import { LOOKUP_BATCH } from '../../electron/core/import/writer';

// Issue 14: existing rows are found a batch of match keys at a time (LOOKUP_BATCH keys a query),
// not from a Map of the whole table. Files of a few batches, full and partial, through dispatch.

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-lookups-'));
});
afterEach(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const ext = (n: number) => `A-${String(n).padStart(5, '0')}`;
/** Accounts `from`..`to` (inclusive), named with `label` so an update shows. */
const accountsFile = (name: string, from: number, to: number, label: string, extra: string[] = []) => {
  const lines = [];
  for (let n = from; n <= to; n++) lines.push(`${ext(n)},${label} ${n},smb,"$1,000.00"`);
  return writeFixture(dir, name, `Account ID,Account Name,Type,Annual Revenue\n${[...lines, ...extra].join('\n')}\n`);
};
const importAccounts = (path: string, jobId: string, extra: Record<string, unknown> = {}) =>
  core.call('import.commit', { jobId, path, into: 'accounts', preset: 'crm-accounts', ...extra });

describe('existing rows looked up a batch at a time', () => {
  it('an upsert across several lookup batches updates every existing row in place and inserts the rest', async () => {
    // The second file overlaps the first by more than one batch and ends in a partial one.
    const first = 2 * LOOKUP_BATCH + 200;
    await importAccounts(accountsFile('first.csv', 1, first, 'Old'), 'first');
    const before = new Map(rows('SELECT id, external_id AS ext FROM accounts').map((row) => [row.ext, row.id]));
    expect(before.size).toBe(first);

    const result = await importAccounts(accountsFile('second.csv', 301, first + 450, 'New'), 'second');
    expect(result.counts).toMatchObject({ inserts: 450, updates: first - 300, errors: 0 });
    expect(rows('SELECT count(*) AS n FROM accounts')[0]!.n).toBe(first + 450);
    // Updated where they were: same id, the new name; the rows the file leaves out are untouched.
    for (const n of [301, LOOKUP_BATCH, LOOKUP_BATCH + 1, first]) {
      expect(rows('SELECT id, name FROM accounts WHERE external_id = ?', ext(n))).toEqual([{ id: before.get(ext(n)), name: `New ${n}` }]);
    }
    expect(rows('SELECT name FROM accounts WHERE external_id = ?', ext(300))).toEqual([{ name: 'Old 300' }]);
    expect(rows('SELECT name FROM accounts WHERE external_id = ?', ext(first + 1))).toEqual([{ name: `New ${first + 1}` }]);
  });

  it('update-only skips the new keys; insert-only skips the existing ones', async () => {
    await importAccounts(accountsFile('first.csv', 1, LOOKUP_BATCH + 10, 'Old'), 'first');
    const updated = await importAccounts(accountsFile('update.csv', LOOKUP_BATCH - 5, LOOKUP_BATCH + 20, 'Upd'), 'update', { match: 'update' });
    expect(updated.counts).toMatchObject({ updates: 16, inserts: 0, skips: 10, errors: 0 });
    const inserted = await importAccounts(accountsFile('insert.csv', LOOKUP_BATCH - 5, LOOKUP_BATCH + 20, 'Ins'), 'insert', { match: 'insert' });
    expect(inserted.counts).toMatchObject({ updates: 0, inserts: 10, skips: 16, errors: 0 });
    expect(rows('SELECT name FROM accounts WHERE external_id = ?', ext(LOOKUP_BATCH))).toEqual([{ name: `Upd ${LOOKUP_BATCH}` }]);
    expect(rows('SELECT name FROM accounts WHERE external_id = ?', ext(LOOKUP_BATCH + 20))).toEqual([{ name: `Ins ${LOOKUP_BATCH + 20}` }]);
  });

  it('a key repeated in a later batch is reported against its first row, and problems keep the file order', async () => {
    // Row 2 of the file is A-00001; the repeat sits past the first lookup batch, after a bad row.
    const path = accountsFile('dupes.csv', 1, LOOKUP_BATCH + 50, 'Acc', [`${ext(LOOKUP_BATCH + 60)},Bad,smb,abc`, `${ext(1)},Again,smb,"$1.00"`]);
    const preview = await core.call('import.preview', { path, into: 'accounts', preset: 'crm-accounts' });
    expect(preview.counts).toMatchObject({ inserts: LOOKUP_BATCH + 50, errors: 2 });
    expect(preview.problems.map((problem) => problem.row)).toEqual([LOOKUP_BATCH + 52, LOOKUP_BATCH + 53]);
    expect(preview.problems[1]!.message).toBe("'A-00001' is also on row 2");
  });
});
