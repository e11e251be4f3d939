import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';
import { plainPaths } from '../../electron/core';

// Issue 13: contacts are matched by e-mail (case-insensitively), so importing the same people
// again updates them instead of adding them twice. Through dispatch on a real workspace file.

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-upsert-'));
  const accounts = writeFixture(dir, 'accounts.csv', 'Account ID,Account Name,Type,Annual Revenue\nA-1,Acme,enterprise,"$10,000.00"\nA-2,Beta,smb,"$5,000.00"\n');
  await core.call('import.commit', { jobId: 'accounts', path: accounts, into: 'accounts', preset: 'crm-accounts' });
});
afterEach(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const contactsFile = (name: string, lines: string[]) => writeFixture(dir, name, `Account,Name,Title,Email\n${lines.join('\n')}\n`);
const importContacts = (path: string, jobId: string, extra: Record<string, unknown> = {}) => core.call('import.commit', { jobId, path, into: 'contacts', ...extra });
const contacts = () => rows('SELECT c.id, c.name, c.title, c.email, a.external_id AS account FROM contacts c JOIN accounts a ON a.id = c.account_id ORDER BY c.id');

describe('contacts matched by e-mail', () => {
  it('a second import of the same contacts with changed titles updates them, whatever the e-mail case', async () => {
    const first = await importContacts(contactsFile('first.csv', ['A-1,Ada Lovelace,CTO,ada@acme.example', 'A-2,Grace Hopper,VP Engineering,grace@beta.example']), 'first');
    expect(first.counts).toMatchObject({ inserts: 2, updates: 0, errors: 0 });
    const before = contacts();

    const second = await importContacts(contactsFile('second.csv', ['A-1,Ada Lovelace,Chief Scientist,ADA@Acme.example', 'A-2,Grace Hopper,CTO,grace@beta.example']), 'second');
    expect(second.counts).toMatchObject({ inserts: 0, updates: 2, errors: 0 });
    expect(contacts()).toEqual([
      { ...before[0], title: 'Chief Scientist', email: 'ADA@Acme.example' },
      { ...before[1], title: 'CTO' },
    ]);
  });

  it('matches a contact made in the app; new e-mails are inserted; update-only and insert-only skip', async () => {
    const beta = Number(rows("SELECT id FROM accounts WHERE external_id = 'A-2'")[0]!.id);
    const made = await core.call('contacts.create', { accountId: beta, name: 'Grace Hopper', email: 'Grace@Beta.example' });
    const file = contactsFile('people.csv', ['A-2,Grace Hopper,Rear Admiral,grace@beta.example', 'A-1,Ada Lovelace,CTO,ada@acme.example']);

    const updateOnly = await importContacts(file, 'update', { match: 'update' });
    expect(updateOnly.counts).toMatchObject({ updates: 1, inserts: 0, skips: 1 });
    expect(rows('SELECT title FROM contacts WHERE id = ?', made.id)).toEqual([{ title: 'Rear Admiral' }]);

    const insertOnly = await importContacts(file, 'insert', { match: 'insert' });
    expect(insertOnly.counts).toMatchObject({ updates: 0, inserts: 1, skips: 1 });
    expect(rows('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 2 }]);
  });

  it('the same e-mail twice in a file is a problem of the later row; contacts without e-mail are always new', async () => {
    const path = contactsFile('dupes.csv', ['A-1,Ada Lovelace,CTO,ada@acme.example', 'A-1,Ada L.,CTO,Ada@ACME.example', 'A-2,No Mail,Buyer,']);
    const preview = await core.call('import.preview', { path, into: 'contacts' });
    expect(preview.counts).toMatchObject({ inserts: 2, errors: 1 });
    expect(preview.problems).toEqual([{ row: 3, column: 'Email', message: "'Ada@ACME.example' is also on row 2" }]);

    const path2 = contactsFile('nomail.csv', ['A-2,No Mail,Buyer,']);
    await importContacts(path2, 'a');
    await importContacts(path2, 'b');
    expect(rows("SELECT count(*) AS n FROM contacts WHERE name = 'No Mail'")).toEqual([{ n: 2 }]);
  });
});
