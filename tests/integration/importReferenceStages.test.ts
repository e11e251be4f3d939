import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { describeProblem } from '../../shared/contract/import';
import { fulcrum } from '../fixtures/cli';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Issue 13: an imported reference's stage obeys references.move's rules. A stage the app would
// refuse (recruited or beyond without the contact's consent; an update skipping the transition
// table) is stored at the last legal stage with a warning in the preview and the result; an
// allowed jump walks the table, each move logged as references.move logs it.

let core: TestCore;
let dir: string;
const ids: Record<string, number> = {};
const rows = (sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];

beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-ref-stages-'));
  for (const [name, email] of [
    ['Acme', 'ann@acme.example'],
    ['Beta', 'bob@beta.example'],
    ['Cyan', 'cy@cyan.example'],
    ['Dune', 'di@dune.example'],
  ] as const) {
    const account = await core.call('accounts.create', { name, externalId: name.toUpperCase() });
    await core.call('contacts.create', { accountId: account.id, name: `${name} contact`, email });
    ids[name] = account.id;
  }
  // Cyan's and Dune's references exist as candidates; only Cyan's contact has given consent.
  for (const name of ['Cyan', 'Dune']) {
    const contactId = Number(rows('SELECT id FROM contacts WHERE account_id = ?', ids[name])[0]!.id);
    const reference = await core.call('references.create', { accountId: ids[name]!, contactId, by: 'Priya' });
    ids[`${name}Ref`] = reference.id;
  }
  await core.call('references.grantConsent', { referenceId: ids.CyanRef!, activity: 'reference_call', grantedBy: 'Priya', grantedAt: '2026-01-01T00:00:00.000Z' });
});
afterEach(() => core.close());

const file = () =>
  writeFixture(
    dir,
    'references.csv',
    'Account,Contact Email,Stage\n' + 'ACME,ann@acme.example,active\n' + 'BETA,bob@beta.example,declined\n' + 'CYAN,cy@cyan.example,active\n' + 'DUNE,di@dune.example,active\n',
  );

const stages = () => rows(`SELECT a.name, r.stage FROM "references" r JOIN accounts a ON a.id = r.account_id ORDER BY a.name`);
const history = (referenceId: number) =>
  rows('SELECT from_stage AS "from", to_stage AS "to", changed_by AS by FROM reference_stage_changes WHERE reference_id = ? ORDER BY id', referenceId);

describe('an imported reference stage', () => {
  it('is previewed and committed at the last legal stage, with a warning for each row the app would refuse', async () => {
    const preview = await core.call('import.preview', { path: file(), into: 'references' });
    expect(preview.counts).toMatchObject({ rows: 4, inserts: 2, updates: 2, errors: 0 });
    expect(preview.problems).toEqual([]);
    const warnings = [
      "row 2, 'Stage': imported as nominated, not active: Acme contact has no consent valid today; record one in the consent ledger; then move it to active",
      "row 5, 'Stage': moved from candidate to nominated, not active: Dune contact has no consent valid today; record one in the consent ledger; then move it on",
    ];
    expect(preview.warnings?.map(describeProblem)).toEqual(warnings);
    // The preview's rows are what will be stored.
    expect(preview.rows.map((row) => row.stage)).toEqual(['nominated', 'declined', 'active', 'nominated']);

    const result = await core.call('import.commit', { jobId: 'refs', path: file(), into: 'references' });
    expect(result.committed).toBe(true);
    expect(result.warnings?.map(describeProblem)).toEqual(warnings);
    expect(stages()).toEqual([
      { name: 'Acme', stage: 'nominated' },
      { name: 'Beta', stage: 'declined' },
      { name: 'Cyan', stage: 'active' },
      { name: 'Dune', stage: 'nominated' },
    ]);
  });

  it('walks the transition table move by move, each logged as references.move logs it', async () => {
    await core.call('import.commit', { jobId: 'refs', path: file(), into: 'references' });
    // Cyan (consent on file): candidate -> nominated -> recruited -> active; Dune stops before recruiting.
    expect(history(ids.CyanRef!)).toEqual([
      { from: null, to: 'candidate', by: 'Priya' },
      { from: 'candidate', to: 'nominated', by: 'import' },
      { from: 'nominated', to: 'recruited', by: 'import' },
      { from: 'recruited', to: 'active', by: 'import' },
    ]);
    expect(history(ids.DuneRef!)).toEqual([
      { from: null, to: 'candidate', by: 'Priya' },
      { from: 'candidate', to: 'nominated', by: 'import' },
    ]);
    // What the import did is what references.move allows next: Dune can be recruited once consent is on file.
    await core.call('references.grantConsent', { referenceId: ids.DuneRef!, activity: 'case_study', grantedBy: 'Priya', grantedAt: '2026-02-01T00:00:00.000Z' });
    expect((await core.call('references.move', { id: ids.DuneRef!, stage: 'recruited', by: 'Priya' })).stage).toBe('recruited');
    // A second import of the same file now moves Dune on without a warning, and Cyan not at all.
    const again = await core.call('import.commit', { jobId: 'refs-2', path: file(), into: 'references' });
    expect(again.warnings?.map(describeProblem)).toEqual([
      "row 2, 'Stage': kept at nominated, not active: Acme contact has no consent valid today; record one in the consent ledger; then move it on",
    ]);
    expect(history(ids.DuneRef!).at(-1)).toEqual({ from: 'recruited', to: 'active', by: 'import' });
    expect(history(ids.CyanRef!)).toHaveLength(4);
  });

  it('counts a revoked or expired consent as none', async () => {
    const consent = (await core.call('references.consents', { referenceId: ids.CyanRef! })).consents[0]!;
    await core.call('references.revokeConsent', { id: consent.id, at: '2026-02-01T00:00:00.000Z' });
    const preview = await core.call('import.preview', { path: file(), into: 'references' });
    expect(preview.warnings?.map(describeProblem)).toContainEqual(
      "row 4, 'Stage': moved from candidate to nominated, not active: Cyan contact has no consent valid today; record one in the consent ledger; then move it on",
    );
  });
});

describe('from the command line', () => {
  it('the dry run and the import print the rows imported with a change', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fulcrum-ref-stages-cli-'));
    const db = join(folder, 'mine.fulcrum');
    expect(fulcrum('new', '--out', db).code).toBe(0);
    const accounts = writeFixture(folder, 'accounts.csv', 'Account ID,Account Name\nACME,Acme\n');
    expect(fulcrum('import', '--db', db, '--into', 'accounts', accounts).code).toBe(0);
    const contacts = writeFixture(folder, 'contacts.csv', 'Account,Name,Email\nACME,Ann,ann@acme.example\n');
    expect(fulcrum('import', '--db', db, '--into', 'contacts', contacts).code).toBe(0);
    const references = writeFixture(folder, 'references.csv', 'Account,Contact Email,Stage\nACME,ann@acme.example,active\n');
    const line = "row 2, 'Stage': imported as nominated, not active: Ann has no consent valid today; record one in the consent ledger; then move it to active";
    const dry = fulcrum('import', '--db', db, '--into', 'references', '--dry-run', references);
    expect(dry.stdout).toContain(`Imported with a change (1)\n  ${line}\n`);
    const done = fulcrum('import', '--db', db, '--into', 'references', references);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(line);
  });
});
