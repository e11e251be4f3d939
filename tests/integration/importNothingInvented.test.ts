import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_SEGMENT } from '../../shared/contract/accounts';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Issue 13, what was still missing: an import stores nothing invented (no 'smb' for a file without a
// segment, no segment guessed from a "Type" or "Contract" column, no contact filed under the wrong
// account) and nothing twice (references matched by their contact). Through dispatch on a real file.

let core: TestCore;
let dir: string;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-invented-'));
});
afterEach(() => core.close());

const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const idOf = (externalId: string) => Number(rows('SELECT id FROM accounts WHERE external_id = ?', externalId)[0]!.id);

async function twoAccounts() {
  const path = writeFixture(dir, 'accounts.csv', 'Account ID,Account Name,Segment,Annual Revenue\nA-1,Acme,enterprise,"$10,000.00"\nA-2,Beta,,"$5,000.00"\n');
  await core.call('import.commit', { jobId: 'accounts', path, into: 'accounts' });
}

describe('segment', () => {
  it('a blank segment is stored as none, listed as NO_SEGMENT in the filters, and filters the accounts without one', async () => {
    await twoAccounts();
    expect(rows('SELECT external_id AS id, segment FROM accounts ORDER BY id')).toEqual([
      { id: 'A-1', segment: 'enterprise' },
      { id: 'A-2', segment: null },
    ]);
    const beta = await core.call('accounts.get', { id: idOf('A-2') });
    expect(beta.segment).toBeNull();
    expect((await core.call('accounts.facets', {})).segments).toEqual([NO_SEGMENT, 'enterprise']);
    const table = await core.call('accounts.table', { filter: { segment: [NO_SEGMENT] } });
    expect(table.rows.map((row) => row.name)).toEqual(['Beta']);
  });

  it('a file without a segment column stores none, not smb', async () => {
    const path = writeFixture(dir, 'plain.csv', 'Account ID,Account Name,Annual Revenue\nP-1,Plain,"$1,000.00"\n');
    await core.call('import.commit', { jobId: 'plain', path, into: 'accounts' });
    expect(rows("SELECT segment FROM accounts WHERE external_id = 'P-1'")).toEqual([{ segment: null }]);
  });

  it('Type, Account Type and Contract are not guessed as the segment', async () => {
    for (const column of ['Type', 'Account Type', 'Contract']) {
      const path = writeFixture(dir, `${column}.csv`, `Account ID,Account Name,${column}\nT-1,Telco,Month-to-month\n`);
      const preview = await core.call('import.preview', { path, into: 'accounts' });
      expect(preview.mapping.fields.segment, column).toBeUndefined();
    }
  });
});

describe('references matched by their contact', () => {
  beforeEach(async () => {
    await twoAccounts();
    await core.call('contacts.create', { accountId: idOf('A-1'), name: 'Ada Lovelace', email: 'ada@acme.example' });
    await core.call('contacts.create', { accountId: idOf('A-2'), name: 'Grace Hopper', email: 'grace@beta.example' });
  });

  const referencesFile = (name: string, lines: string[]) => writeFixture(dir, name, `Account,Contact Email,Stage,Usage Limit,Notes\n${lines.join('\n')}\n`);
  const references = () => rows(`SELECT c.email, r.stage, r.usage_limit_per_quarter AS lim, r.notes FROM "references" r LEFT JOIN contacts c ON c.id = r.contact_id ORDER BY r.id`);
  const history = () =>
    rows(`SELECT c.email, s.from_stage AS "from", s.to_stage AS "to", s.changed_by AS by FROM reference_stage_changes s
          JOIN "references" r ON r.id = s.reference_id JOIN contacts c ON c.id = r.contact_id ORDER BY s.id`);

  it('importing the same file twice updates the references, logs a changed stage once, and says N new, M updated', async () => {
    const first = await core.call('import.commit', {
      jobId: 'refs-1',
      path: referencesFile('first.csv', ['A-1,ada@acme.example,nominated,2,First call', 'A-2,grace@beta.example,candidate,,']),
      into: 'references',
    });
    expect(first.counts).toMatchObject({ inserts: 2, updates: 0, errors: 0 });
    expect(history()).toEqual([
      { email: 'ada@acme.example', from: null, to: 'nominated', by: 'import' },
      { email: 'grace@beta.example', from: null, to: 'candidate', by: 'import' },
    ]);

    // Ada's stage and notes change (her e-mail in another case); Grace's row is the same. Recruiting
    // needs her consent on file, as references.move does (importReferenceStages.test.ts without it).
    const ada = Number(rows(`SELECT id FROM "references" ORDER BY id`)[0]!.id);
    await core.call('references.grantConsent', { referenceId: ada, activity: 'reference_call', grantedBy: 'Priya', grantedAt: '2026-01-01T00:00:00.000Z' });
    const second = await core.call('import.commit', {
      jobId: 'refs-2',
      path: referencesFile('second.csv', ['A-1,ADA@Acme.example,recruited,3,Second call', 'A-2,grace@beta.example,candidate,,']),
      into: 'references',
    });
    expect(second.counts).toMatchObject({ inserts: 0, updates: 2, errors: 0 });
    expect(references()).toEqual([
      { email: 'ada@acme.example', stage: 'recruited', lim: 3, notes: 'Second call' },
      { email: 'grace@beta.example', stage: 'candidate', lim: null, notes: null },
    ]);
    expect(history()).toEqual([
      { email: 'ada@acme.example', from: null, to: 'nominated', by: 'import' },
      { email: 'grace@beta.example', from: null, to: 'candidate', by: 'import' },
      { email: 'ada@acme.example', from: 'nominated', to: 'recruited', by: 'import' },
    ]);
    // The board reads the history: Ada's reference entered 'recruited' with this import.
    const board = await core.call('references.get', { id: Number(rows(`SELECT id FROM "references" ORDER BY id`)[0]!.id) });
    expect(board.history.map((entry) => entry.toStage)).toContain('recruited');

    // A file without a stage column keeps the stage (not the create default 'candidate').
    const path = writeFixture(dir, 'notes.csv', 'Contact Email,Notes\nada@acme.example,Third call\n');
    const third = await core.call('import.commit', { jobId: 'refs-3', path, into: 'references' });
    expect(third.counts).toMatchObject({ inserts: 0, updates: 1 });
    expect(references()[0]).toEqual({ email: 'ada@acme.example', stage: 'recruited', lim: 3, notes: 'Third call' });
    expect(history()).toHaveLength(3);
  });
});

describe('month names in other languages', () => {
  it('an accounts file with French, German, Spanish, Polish and short month names imports each date', async () => {
    const path = writeFixture(
      dir,
      'dates.csv',
      'Account ID,Account Name,Annual Revenue,Customer Since\n' +
        'D-1,Dupont,"1000",9 octobre 2012\n' +
        'D-2,Müller,"1000",9. Oktober 2012\n' +
        'D-3,García,"1000",9 de octubre de 2012\n' +
        'D-4,Kowalski,"1000",9 października 2012\n' +
        'D-5,Jansen,"1000",9 okt. 2012\n' +
        'D-6,Martin,"1000",9 déc. 2012\n',
    );
    const result = await core.call('import.commit', {
      jobId: 'dates',
      path,
      into: 'accounts',
      mapping: { fields: { externalId: 'Account ID', name: 'Account Name', arrMinor: 'Annual Revenue', contractStart: 'Customer Since' } },
    });
    expect(result.problems).toEqual([]);
    expect(rows("SELECT external_id AS id, contract_start AS since FROM accounts WHERE external_id LIKE 'D-%' ORDER BY external_id")).toEqual([
      { id: 'D-1', since: '2012-10-09' },
      { id: 'D-2', since: '2012-10-09' },
      { id: 'D-3', since: '2012-10-09' },
      { id: 'D-4', since: '2012-10-09' },
      { id: 'D-5', since: '2012-10-09' },
      { id: 'D-6', since: '2012-12-09' },
    ]);
  });
});

describe("the mapping's default account", () => {
  it('a row whose contact belongs to another account is a problem naming the row, the contact and both accounts', async () => {
    await twoAccounts();
    await core.call('contacts.create', { accountId: idOf('A-2'), name: 'Grace Hopper', email: 'grace@beta.example' });
    await core.call('contacts.create', { accountId: idOf('A-1'), name: 'Ada Lovelace', email: 'ada@acme.example' });
    const path = writeFixture(dir, 'touches.csv', 'Email,Date,Notes\nada@acme.example,2026-01-05,Kick-off\ngrace@beta.example,2026-01-06,Wrong account\n');
    const input = {
      path,
      into: 'touchpoints' as const,
      mapping: { fields: { contactEmail: 'Email', occurredAt: 'Date', notes: 'Notes' }, defaults: { account: 'A-1', channel: 'email', kind: 'qbr' } },
    };
    const preview = await core.call('import.preview', input);
    expect(preview.counts).toMatchObject({ inserts: 1, errors: 1 });
    expect(preview.problems).toEqual([
      {
        row: 3,
        column: 'Email',
        message: "contact 'grace@beta.example' belongs to 'Beta', not to 'Acme' (the mapping's default account): map an account column or leave this row out",
      },
    ]);
  });
});
