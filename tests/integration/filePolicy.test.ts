// Issue 12, "File paths come from the user, never from the caller": every channel that names a
// file goes through the host's file policy (electron/core/lib/filePolicy.ts). Through dispatch, on
// real SQLite files: the HTTP bridge's folders, the desktop app's grants, the CLI's plain paths and
// the default (none), each refusing what it must.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderPolicy, grantPolicy, plainPaths, type FilePolicy, type GrantPolicy } from '../../electron/core';
import { bridgeFilePolicy, createBridgeFolders, defaultBridgeFolders } from '../../electron/http/folders';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const accounts = async () => (await core!.call('accounts.list', {})).total;

/** A workspace with 3 accounts, its folder, and a folder elsewhere. */
async function workspace(files: FilePolicy | undefined | ((dbPath: string) => FilePolicy)) {
  const dbPath = tempWorkspacePath();
  const dir = dirname(dbPath);
  const policy = typeof files === 'function' ? files(dbPath) : files;
  core = await testCore(dbPath, { files: policy });
  const seed = await core.call('import.stage', { name: 'accounts.csv', contentBase64: b64(accountsCsv(3)) });
  await core.call('import.commit', { jobId: 'seed', path: seed.path, into: 'accounts', preset: 'crm-accounts' });
  const elsewhere = mkdtempSync(join(tmpdir(), 'fulcrum-elsewhere-'));
  return { dbPath, dir, elsewhere, core };
}

describe('over the HTTP bridge: only inside the folders named at its start', () => {
  const bridge = (dbPath: string) => {
    createBridgeFolders(defaultBridgeFolders(dbPath));
    return bridgeFilePolicy(defaultBridgeFolders(dbPath));
  };

  it('refuses to preview /etc/passwd (today it returned its rows)', async () => {
    const { dir } = await workspace(bridge);
    const error = await core!.fail('import.preview', { path: '/etc/passwd', into: 'accounts' });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('outside the folders this bridge may use');
    expect(error.message).toContain(dir);
    expect(JSON.stringify(error)).not.toContain('root:');
  });

  it('reads a file inside, by absolute or relative path, and imports it', async () => {
    const { dir } = await workspace(bridge);
    writeFixture(dir, 'more.csv', accountsCsv(5));
    expect((await core!.call('import.preview', { path: join(dir, 'more.csv'), into: 'accounts', preset: 'crm-accounts' })).counts.rows).toBe(5);
    const result = await core!.call('import.commit', { jobId: 'rel', path: 'more.csv', into: 'accounts', preset: 'crm-accounts' });
    expect(result.committed).toBe(true);
  });

  it("refuses '..', and symlinks that lead out, for reading and writing", async () => {
    const { dir, elsewhere } = await workspace(bridge);
    writeFixture(elsewhere, 'secret.csv', accountsCsv(2));
    for (const path of ['exports/../../secret.csv', `${dir}/exports/../x.csv`, '..\\x.csv']) {
      const error = await core!.fail('import.preview', { path, into: 'accounts' });
      expect([error.code, error.message]).toEqual(['FORBIDDEN', expect.stringContaining("'..' is not allowed")]);
    }
    symlinkSync(join(elsewhere, 'secret.csv'), join(dir, 'link.csv'));
    symlinkSync(elsewhere, join(dir, 'out'));
    for (const path of ['link.csv', join(dir, 'link.csv'), 'out/secret.csv']) {
      const error = await core!.fail('import.preview', { path, into: 'accounts', preset: 'crm-accounts' });
      expect([error.code, error.message]).toEqual(['FORBIDDEN', expect.stringContaining('outside the folders this bridge may use')]);
    }
    // Writing through the folder link would land outside: refused, nothing written there.
    const error = await core!.fail('export.table', { table: 'accounts', format: 'csv', path: 'out/accounts.csv' });
    expect([error.code, error.message]).toEqual(['FORBIDDEN', expect.stringContaining('outside the folders this bridge may use')]);
    expect(existsSync(join(elsewhere, 'accounts.csv'))).toBe(false);
  });

  it('export.table writes a new file inside, and overwrites nothing (today it overwrote any file)', async () => {
    const { dir, dbPath, elsewhere } = await workspace(bridge);
    const victim = writeFixture(elsewhere, 'notes.txt', 'keep me');
    const outside = await core!.fail('export.table', { table: 'accounts', format: 'csv', path: victim });
    expect(outside.code).toBe('FORBIDDEN');
    const existing = writeFixture(join(dir, 'exports'), 'old.csv', 'keep me too');
    const inside = await core!.fail('export.table', { table: 'accounts', format: 'csv', path: existing });
    expect([inside.code, inside.message]).toEqual(['FORBIDDEN', expect.stringContaining('already exists')]);
    const workspaceItself = await core!.fail('export.archive', { path: dbPath });
    expect(workspaceItself.code).toBe('FORBIDDEN');
    expect([readFileSync(victim, 'utf8'), readFileSync(existing, 'utf8')]).toEqual(['keep me', 'keep me too']);
    const written = await core!.call('export.table', { table: 'accounts', format: 'csv', path: 'exports/accounts.csv' });
    expect(written).toEqual({ path: join(dir, 'exports', 'accounts.csv'), rows: 3 });
    expect((await core!.fail('backup.create', { path: join(elsewhere, 'copy.fulcrum') })).code).toBe('FORBIDDEN');
    expect((await core!.fail('export.metrics', { path: join(elsewhere, 'm.csv') })).code).toBe('FORBIDDEN');
    expect((await core!.fail('import.archive', { path: '/etc/hostname' })).code).toBe('FORBIDDEN');
  });
});

describe('backup.restore: a listed backup by its id, never a path', () => {
  it('refuses an arbitrary file (today it replaced the workspace with it)', async () => {
    const { elsewhere } = await workspace(plainPaths());
    // A perfectly good workspace file, outside the backups folder.
    const other = tempWorkspacePath('other.fulcrum');
    const otherCore = await testCore(other);
    await otherCore.close();
    expect((await core!.fail('backup.restore', { path: other, confirm: true })).code).toBe('BAD_INPUT');
    for (const id of [other, '/etc/passwd', '../other.fulcrum', 'other.fulcrum', join(elsewhere, 'x.fulcrum')]) {
      const error = await core!.fail('backup.restore', { id, confirm: true });
      expect([id, error.code]).toEqual([id, 'NOT_FOUND']);
    }
    expect(await accounts()).toBe(3);
    // A backup of the list restores by its id.
    const saved = await core!.call('backup.create', {});
    expect(saved.id).toMatch(/-manual\.fulcrum$/);
    await core!.call('accounts.create', { name: 'After the backup' });
    await core!.call('backup.restore', { id: saved.id, confirm: true });
    expect(await accounts()).toBe(3);
  });
});

describe("over IPC: grants from the main process's file dialog", () => {
  let grants: GrantPolicy;
  let clock = 0;
  const granted = () => {
    grants = grantPolicy({ now: () => clock });
    return grants;
  };

  it("refuses /etc/passwd and every plain path: it was not chosen in Fulcrum's file dialog", async () => {
    const { dir } = await workspace(granted);
    const source = writeFixture(dir, 'more.csv', accountsCsv(2));
    for (const path of ['/etc/passwd', source, 'grant:00000000000000000000000000000000']) {
      const error = await core!.fail('import.preview', { path, into: 'accounts' });
      expect([error.code, error.message]).toEqual(['FORBIDDEN', expect.stringContaining("not chosen in Fulcrum's file dialog")]);
    }
    expect((await core!.fail('export.table', { table: 'accounts', format: 'csv', path: join(dir, 'x.csv') })).code).toBe('FORBIDDEN');
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('a read grant lasts through the previews and is spent by the commit; a second use is refused', async () => {
    const { dir } = await workspace(granted);
    const grant = grants.grant(writeFixture(dir, 'more.csv', accountsCsv(4)), 'read');
    expect(grant).toMatch(/^grant:[0-9a-f]{32}$/);
    for (let i = 0; i < 3; i++) expect((await core!.call('import.preview', { path: grant, into: 'accounts', preset: 'crm-accounts' })).counts.rows).toBe(4);
    expect((await core!.call('import.commit', { jobId: 'g', path: grant, into: 'accounts', preset: 'crm-accounts' })).committed).toBe(true);
    const again = await core!.fail('import.commit', { jobId: 'g2', path: grant, into: 'accounts', preset: 'crm-accounts' });
    expect([again.code, again.message]).toEqual(['FORBIDDEN', expect.stringContaining('already used')]);
    expect((await core!.fail('import.preview', { path: grant, into: 'accounts' })).code).toBe('FORBIDDEN');
  });

  it('a grant is for one mode: a read grant cannot write, a write grant cannot read', async () => {
    const { dir } = await workspace(granted);
    const source = writeFixture(dir, 'more.csv', accountsCsv(2));
    const read = grants.grant(source, 'read');
    const wrongMode = await core!.fail('export.table', { table: 'accounts', format: 'csv', path: read });
    expect([wrongMode.code, wrongMode.message]).toEqual(['FORBIDDEN', expect.stringContaining('chosen to be read, not written')]);
    expect(readFileSync(source, 'utf8')).toBe(accountsCsv(2));
    const write = grants.grant(join(dir, 'out.csv'), 'write');
    expect((await core!.fail('import.preview', { path: write, into: 'accounts' })).message).toContain('chosen to be written, not read');
  });

  it('a write grant is spent by its write: the chosen file is written once (overwriting it, as the dialog confirmed)', async () => {
    const { dir, dbPath } = await workspace(granted);
    const target = writeFixture(dir, 'chosen.csv', 'old');
    const write = grants.grant(target, 'write');
    expect(await core!.call('export.table', { table: 'accounts', format: 'csv', path: write })).toEqual({ path: target, rows: 3 });
    writeFileSync(target, 'the user edited it');
    const again = await core!.fail('export.table', { table: 'accounts', format: 'csv', path: write });
    expect([again.code, again.message]).toEqual(['FORBIDDEN', expect.stringContaining('already used')]);
    expect(readFileSync(target, 'utf8')).toBe('the user edited it');
    // Never over the open workspace, granted or not.
    const overWorkspace = await core!.fail('export.archive', { path: grants.grant(dbPath, 'write') });
    expect([overWorkspace.code, overWorkspace.message]).toEqual(['FORBIDDEN', expect.stringContaining('open workspace')]);
  });

  it('an unused grant expires', async () => {
    const { dir } = await workspace(granted);
    const grant = grants.grant(writeFixture(dir, 'more.csv', accountsCsv(2)), 'read');
    clock += 31 * 60 * 1000;
    expect((await core!.fail('import.preview', { path: grant, into: 'accounts' })).message).toContain('expired');
  });

  it('the error file is written beside the granted source, never over a file: tickets.errors.csv, then tickets.errors-2.csv', async () => {
    const { dir } = await workspace(granted);
    const bad = `${ticketsCsv(3, 3)}T-bad,ACC-404,Unknown,2025-01-02T00:00:00Z,5,,low,email,open,,login\n`;
    const source = writeFixture(dir, 'tickets.csv', bad);
    const commit = (jobId: string) => core!.call('import.commit', { jobId, path: grants.grant(source, 'read'), into: 'tickets', preset: 'helpdesk-tickets', policy: 'skip' });
    const first = await commit('one');
    expect(first.errorFile).toBe(join(dir, 'tickets.errors.csv'));
    const second = await commit('two');
    expect(second.errorFile).toBe(join(dir, 'tickets.errors-2.csv'));
    expect(readFileSync(first.errorFile!, 'utf8')).toContain('T-bad');
  });
});

describe('the CLI (plain paths) and the default (no files)', () => {
  it('the CLI reads what its user typed, but never writes over the open workspace', async () => {
    const { dir, dbPath } = await workspace(plainPaths());
    const source = writeFixture(dir, 'more.csv', accountsCsv(2));
    expect((await core!.call('import.preview', { path: source, into: 'accounts', preset: 'crm-accounts' })).counts.rows).toBe(2);
    for (const path of [dbPath, `${dbPath}-wal`]) expect((await core!.fail('export.table', { table: 'accounts', format: 'csv', path })).code).toBe('FORBIDDEN');
    expect(await accounts()).toBe(3);
  });

  it('without a policy no caller names a file; staged uploads and backups still work', async () => {
    await workspace(undefined);
    expect((await core!.fail('import.preview', { path: '/etc/passwd', into: 'accounts' })).code).toBe('FORBIDDEN');
    expect((await core!.fail('export.archive', { path: join(tmpdir(), 'a.json') })).code).toBe('FORBIDDEN');
    const backup = await core!.call('backup.create', {});
    expect(existsSync(backup.path)).toBe(true);
  });

  it('a folder policy can name folders other than the default', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'fulcrum-share-'));
    mkdirSync(join(elsewhere, 'in'));
    const source = writeFixture(join(elsewhere, 'in'), 'more.csv', accountsCsv(2));
    const { dir } = await workspace(folderPolicy([elsewhere]));
    expect((await core!.call('import.preview', { path: source, into: 'accounts', preset: 'crm-accounts' })).counts.rows).toBe(2);
    expect((await core!.call('import.preview', { path: 'in/more.csv', into: 'accounts', preset: 'crm-accounts' })).counts.rows).toBe(2);
    expect((await core!.fail('import.preview', { path: writeFixture(dir, 'x.csv', accountsCsv(1)), into: 'accounts' })).code).toBe('FORBIDDEN');
  });
});
