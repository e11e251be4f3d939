import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { describeProblem } from '../../shared/contract/import';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Issue 13: an import of references obeys references.create's "one live reference per account"
// (references/liveRule.ts), each row that would break it a problem of its row; and its preview shows
// the account and contact each row will be stored with, not blank cells.

let core: TestCore;
let dir: string;
const ids: Record<string, number> = {};
const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];

beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-ref-rule-'));
  for (const [name, emails] of [
    ['Acme', ['ann@acme.example', 'al@acme.example']],
    ['Beta', ['bob@beta.example']],
    ['Cyan', ['cy@cyan.example', 'cat@cyan.example']],
  ] as const) {
    const account = await core.call('accounts.create', { name, externalId: name.toUpperCase() });
    ids[name] = account.id;
    for (const email of emails) ids[email] = (await core.call('contacts.create', { accountId: account.id, name: email.split('@')[0]!, email })).id;
  }
  // Cyan is in the programme already, through Cy.
  ids.CyanRef = (await core.call('references.create', { accountId: ids.Cyan!, contactId: ids['cy@cyan.example']!, by: 'Priya' })).id;
});
afterEach(() => core.close());

const live = () =>
  rows(`SELECT a.name, c.email FROM "references" r JOIN accounts a ON a.id = r.account_id LEFT JOIN contacts c ON c.id = r.contact_id WHERE r.archived_at IS NULL ORDER BY a.name`);

describe('one live reference per account, on import', () => {
  const csv = () =>
    writeFixture(
      dir,
      'references.csv',
      'Account,Contact Email,Notes\n' +
        'ACME,ann@acme.example,first of Acme\n' +
        'ACME,al@acme.example,second of Acme\n' +
        'CYAN,cat@cyan.example,another of Cyan\n' +
        'CYAN,cy@cyan.example,Cyan updated\n' +
        'Beta,bob@beta.example,Beta\n',
    );

  it('refuses a second reference for an account in the file, and a new one for an account already in the programme, naming the rule', async () => {
    const preview = await core.call('import.preview', { path: csv(), into: 'references', policy: 'skip' });
    expect(preview.counts).toMatchObject({ rows: 5, inserts: 2, updates: 1, errors: 2 });
    expect(preview.problems.map(describeProblem)).toEqual([
      "row 3, 'Account': Acme already has a reference from row 2: one live reference per account",
      `row 4, 'Account': Cyan is already in the reference programme (reference ${ids.CyanRef}, candidate): one live reference per account; archive it first, or give this row its contact’s e-mail to update it`,
    ]);
    // The message is the references domain's own: references.create says the same.
    const refused = await core.fail('references.create', { accountId: ids.Cyan!, contactId: ids['cat@cyan.example']!, by: 'Priya' });
    expect(refused.message).toBe(`Cyan is already in the reference programme (reference ${ids.CyanRef}, candidate)`);

    const result = await core.call('import.commit', { jobId: 'refs', path: csv(), into: 'references', policy: 'skip' });
    expect(result.committed).toBe(true);
    expect(live()).toEqual([
      { name: 'Acme', email: 'ann@acme.example' },
      { name: 'Beta', email: 'bob@beta.example' },
      { name: 'Cyan', email: 'cy@cyan.example' },
    ]);
    expect(rows(`SELECT notes FROM "references" WHERE id = ?`, ids.CyanRef)).toEqual([{ notes: 'Cyan updated' }]);
  });

  it('under the reject policy the file is refused and nothing is written', async () => {
    const result = await core.call('import.commit', { jobId: 'refs-reject', path: csv(), into: 'references' });
    expect(result.committed).toBe(false);
    expect(result.counts.errors).toBe(2);
    expect(live()).toEqual([{ name: 'Cyan', email: 'cy@cyan.example' }]);
  });

  it('an archived reference leaves the account free for a new one', async () => {
    await core.call('references.archive', { id: ids.CyanRef! });
    const path = writeFixture(dir, 'again.csv', 'Account,Contact Email\nCYAN,cat@cyan.example\n');
    const result = await core.call('import.commit', { jobId: 'refs-again', path, into: 'references' });
    expect(result.counts).toMatchObject({ inserts: 1, errors: 0 });
    expect(live()).toEqual([{ name: 'Cyan', email: 'cat@cyan.example' }]);
  });

  it('a row whose contact works at another account is refused, as references.create refuses it', async () => {
    // Ann's reference at Acme, then a file that says Ann's reference belongs to Cyan; and a new one for Beta spoken for by Cat of Cyan.
    await core.call('import.commit', { jobId: 'refs-acme', path: writeFixture(dir, 'acme.csv', 'Account,Contact Email\nACME,ann@acme.example\n'), into: 'references' });
    const path = writeFixture(dir, 'move.csv', 'Account,Contact Email\nCYAN,ann@acme.example\nBeta,cat@cyan.example\n');
    const preview = await core.call('import.preview', { path, into: 'references' });
    expect(preview.counts).toMatchObject({ inserts: 0, updates: 0, errors: 2 });
    expect(preview.problems.map(describeProblem)).toEqual([
      "row 2, 'Contact Email': ann works at another account, not the reference's (Acme)",
      "row 3, 'Contact Email': cat works at another account, not the reference's (Cyan)",
    ]);
    const refused = await core.fail('references.create', { accountId: ids.Beta!, contactId: ids['cat@cyan.example']!, by: 'Priya' });
    expect(refused.message).toBe("contactId: cat works at another account, not the reference's");
  });
});

describe('the preview of references', () => {
  it('shows the account and the contact e-mail each row will be stored with', async () => {
    const path = writeFixture(dir, 'preview.csv', 'Account,Contact Email,Notes\nACME,AL@acme.example,speaks well\nBeta,bob@beta.example,\n');
    const preview = await core.call('import.preview', { path, into: 'references' });
    expect(preview.mapping.fields).toMatchObject({ account: 'Account', contactEmail: 'Contact Email' });
    expect(preview.rows.map((row) => ({ account: row.account, contactEmail: row.contactEmail, accountId: row.accountId, contactId: row.contactId }))).toEqual([
      // The stored contact's e-mail as the workspace has it, whatever the file's case.
      { account: 'Acme', contactEmail: 'al@acme.example', accountId: ids.Acme, contactId: ids['al@acme.example'] },
      { account: 'Beta', contactEmail: 'bob@beta.example', accountId: ids.Beta, contactId: ids['bob@beta.example'] },
    ]);
    const result = await core.call('import.commit', { jobId: 'refs-preview', path, into: 'references', previewRows: 5 });
    expect(result.rows.map((row) => row.account)).toEqual(['Acme', 'Beta']);
  });
});
