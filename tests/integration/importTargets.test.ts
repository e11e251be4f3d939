import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../shared/contract/import';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';
import { plainPaths } from '../../electron/core';

// Issue 4's gaps in the import: references as a target, and the ARR history of accounts an import
// inserts or updates, through dispatch on a real workspace file.

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-'));
});
afterEach(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const accountsFile = (name: string, lines: string[]) => writeFixture(dir, name, `Account ID,Account Name,Type,Annual Revenue\n${lines.join('\n')}\n`);
const importAccounts = (path: string, jobId: string) => core.call('import.commit', { jobId, path, into: 'accounts', preset: 'crm-accounts' });
const history = (externalId: string) =>
  rows('SELECT c.changed_on AS changedOn, c.arr_minor AS arr, c.kind FROM arr_changes c JOIN accounts a ON a.id = c.account_id WHERE a.external_id = ? ORDER BY c.id', externalId);

describe('ARR history of imported accounts', () => {
  it('an inserted account starts its history; an updated one gets the change accounts.update would record', async () => {
    await importAccounts(accountsFile('first.csv', ['A-1,Acme,enterprise,"$10,000.00"', 'A-2,Beta,smb,"$5,000.00"', 'A-3,Gamma,smb,"$2,000.00"']), 'first');
    expect(history('A-1')).toEqual([{ changedOn: '2026-03-01', arr: 1_000_000, kind: 'new' }]);

    core.setNow('2026-04-15T09:00:00Z');
    const result = await importAccounts(accountsFile('second.csv', ['A-1,Acme,enterprise,"$12,500.00"', 'A-2,Beta,smb,"$4,000.00"', 'A-3,Gamma,smb,"$2,000.00"']), 'second');
    expect(result.counts).toMatchObject({ updates: 3, errors: 0 });
    expect(history('A-1')).toEqual([
      { changedOn: '2026-03-01', arr: 1_000_000, kind: 'new' },
      { changedOn: '2026-04-15', arr: 1_250_000, kind: 'expansion' },
    ]);
    expect(history('A-2').at(-1)).toEqual({ changedOn: '2026-04-15', arr: 400_000, kind: 'contraction' });
    // Unchanged ARR: no entry, as with accounts.update.
    expect(history('A-3')).toHaveLength(1);
  });

  it('matches what accounts.update records for the same change', async () => {
    await importAccounts(accountsFile('first.csv', ['A-1,Acme,enterprise,"$10,000.00"', 'A-2,Twin,enterprise,"$10,000.00"']), 'first');
    core.setNow('2026-05-01T09:00:00Z');
    await importAccounts(accountsFile('second.csv', ['A-1,Acme,enterprise,"$7,000.00"']), 'second');
    const [twin] = rows("SELECT id FROM accounts WHERE external_id = 'A-2'") as { id: number }[];
    await core.call('accounts.update', { id: twin!.id, arrMinor: 700_000 });
    expect(history('A-1')).toEqual(history('A-2'));
  });

  it('a rolled-back import leaves no history behind', async () => {
    await importAccounts(accountsFile('first.csv', ['A-1,Acme,enterprise,"$10,000.00"']), 'first');
    const result = await importAccounts(accountsFile('bad.csv', ['A-1,Acme,enterprise,"$20,000.00"', 'A-9,Bad,smb,abc']), 'bad');
    expect(result.committed).toBe(false);
    expect(history('A-1')).toHaveLength(1);
  });
});

describe('references target', () => {
  beforeEach(async () => {
    await importAccounts(accountsFile('accounts.csv', ['A-1,Acme,enterprise,"$10,000.00"', 'A-2,Beta,smb,"$5,000.00"']), 'accounts');
    await core.call('contacts.create', { accountId: Number(rows("SELECT id FROM accounts WHERE external_id = 'A-2'")[0]!.id), name: 'Ada Lovelace', email: 'ada@beta.example' });
  });

  const referencesCsv = () =>
    writeFixture(
      dir,
      'references.csv',
      'Account,Contact Email,Stage,Usage Limit,Notes\n' +
        'A-1,,active,2,"Happy to talk, ""any time"""\n' +
        ',ADA@beta.example,nominee,,\n' +
        'Acme,,,NA,Name match\n' +
        'A-404,,active,1,\n' +
        'A-2,,retired,-3,\n',
    );

  it('maps the columns automatically, previews the problems by row and inserts the good rows', async () => {
    const preview = await core.call('import.preview', { path: referencesCsv(), into: 'references' });
    expect(preview.mapping.fields).toMatchObject({ account: 'Account', contactEmail: 'Contact Email', stage: 'Stage', usageLimitPerQuarter: 'Usage Limit', notes: 'Notes' });
    expect(preview.counts).toEqual({ rows: 5, inserts: 2, updates: 0, skips: 0, errors: 3 });
    expect(preview.problems.map(describeProblem)).toEqual([
      // One live reference per account (references.create's rule): Acme's second one is refused.
      "row 4, 'Account': Acme already has a reference from row 2: one live reference per account",
      "row 5, 'Account': 'A-404' is not a known account (by external id, id or name)",
      expect.stringMatching(/^row 6, 'Usage Limit': /),
    ]);
    // An active reference without a contact cannot have been recruited (references.move's consent gate): it comes in nominated, and the preview says so.
    expect(preview.warnings?.map(describeProblem)).toEqual([expect.stringMatching(/^row 2, 'Stage': imported as nominated, not active: the reference has no contact/)]);

    const result = await core.call('import.commit', { jobId: 'refs', path: referencesCsv(), into: 'references', policy: 'skip' });
    expect(result).toMatchObject({ committed: true, counts: { inserts: 2, errors: 3 } });
    expect(
      rows(`SELECT a.external_id AS account, c.email, r.stage, r.usage_limit_per_quarter AS lim, r.notes FROM "references" r
            JOIN accounts a ON a.id = r.account_id LEFT JOIN contacts c ON c.id = r.contact_id ORDER BY r.id`),
    ).toEqual([
      { account: 'A-1', email: null, stage: 'nominated', lim: 2, notes: 'Happy to talk, "any time"' },
      { account: 'A-2', email: 'ada@beta.example', stage: 'nominated', lim: null, notes: null },
    ]);
  });
});
