import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError, createCore } from '../../electron/core';
import { FULCRUM_APPLICATION_ID } from '../../electron/core/db/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { TABLE_NAMES } from '../../shared/contract/workspace';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { makeForeignDatabase, makeNewerWorkspace, makeRandomFile, makeTextFile, makeWorkspace, sha256, siblings } from '../fixtures/workspaceFiles';

const open: TestCore[] = [];
async function openCore(path: string) {
  const core = await testCore(path);
  open.push(core);
  return core;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((core) => core.close()));
});

/** Opening must fail with a CoreError of this code; returns it for the message. */
async function refused(path: string, code: string): Promise<CoreError> {
  const error = await createCore({ dbPath: path }).then(
    async (core) => {
      await core.close();
      throw new Error(`${path} was opened, but should have been refused with ${code}`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(CoreError);
  expect((error as CoreError).code).toBe(code);
  return error as CoreError;
}

const readHeader = (path: string) => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return {
      applicationId: sqlite.pragma('application_id', { simple: true }),
      userVersion: sqlite.pragma('user_version', { simple: true }),
    };
  } finally {
    sqlite.close();
  }
};

describe('opening a workspace file', () => {
  it('refuses a workspace written by a newer version and leaves it byte for byte as it was', async () => {
    const path = tempWorkspacePath();
    const newer = LATEST_SCHEMA_VERSION + 1;
    await makeNewerWorkspace(path, newer);
    const before = sha256(path);
    const files = siblings(path);

    const error = await refused(path, 'NEWER_WORKSPACE');
    expect(error.message).toContain(`schema ${newer}`);
    expect(error.message).toContain(`up to ${LATEST_SCHEMA_VERSION}`);
    expect(error.message).toContain(basename(path));
    expect(sha256(path)).toBe(before);
    // Inspected with a plain read: no -wal or -shm appears beside the refused file.
    expect(siblings(path)).toEqual(files);
    expect(readHeader(path)).toEqual({ applicationId: FULCRUM_APPLICATION_ID, userVersion: newer });
  });

  it.each([
    ['a text file', makeTextFile],
    ['a file of random bytes', makeRandomFile],
  ])('refuses %s as NOT_A_WORKSPACE and leaves it unchanged', async (_what, make) => {
    const path = tempWorkspacePath('accounts.csv');
    make(path);
    const before = sha256(path);
    const files = siblings(path);
    const error = await refused(path, 'NOT_A_WORKSPACE');
    expect(error.message).toContain(path);
    expect(sha256(path)).toBe(before);
    expect(siblings(path)).toEqual(files);
  });

  it("refuses another program's SQLite database and leaves it unchanged", async () => {
    const path = tempWorkspacePath('other.sqlite');
    makeForeignDatabase(path);
    const before = sha256(path);
    const error = await refused(path, 'NOT_A_WORKSPACE');
    expect(error.message).toContain('not a Fulcrum workspace');
    expect(sha256(path)).toBe(before);
    const sqlite = new Database(path, { readonly: true });
    expect(sqlite.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'not yours' }]);
    sqlite.close();
  });

  it('refuses a foreign SQLite database that has only set its user_version', async () => {
    const path = tempWorkspacePath('versioned.sqlite');
    const sqlite = new Database(path);
    sqlite.pragma('user_version = 3');
    sqlite.close();
    const before = sha256(path);
    await refused(path, 'NOT_A_WORKSPACE');
    expect(sha256(path)).toBe(before);
  });

  it('refuses an empty SQLite file (no tables, not marked as a workspace) instead of adopting it', async () => {
    const path = tempWorkspacePath();
    const empty = new Database(path);
    empty.pragma('journal_mode = WAL'); // writes a header, no tables
    empty.close();
    const before = sha256(path);
    const error = await refused(path, 'NOT_A_WORKSPACE');
    expect(error.message).toContain(path);
    expect(sha256(path)).toBe(before);
    expect(readHeader(path)).toEqual({ applicationId: 0, userVersion: 0 });
  });

  it('creates a new workspace, marked as one, at the latest schema', async () => {
    const path = tempWorkspacePath();
    await makeWorkspace(path);
    // Closed cleanly: one file to carry, no -wal or -shm beside it.
    expect(siblings(path)).toEqual([basename(path)]);
    expect(readHeader(path)).toEqual({ applicationId: FULCRUM_APPLICATION_ID, userVersion: LATEST_SCHEMA_VERSION });
  });

  it('keeps its data when reopened, and migrates nothing twice', async () => {
    const path = tempWorkspacePath();
    const first = await openCore(path);
    const account = await first.call('accounts.create', { name: 'Acme', segment: 'enterprise', tags: ['pilot'] });
    const contact = await first.call('contacts.create', { accountId: account.id, name: 'Ada', isChampion: true });
    const info = await first.call('workspace.info', {});
    await first.close();
    open.splice(0);

    const again = await openCore(path);
    expect(await again.call('accounts.get', { id: account.id })).toEqual(account);
    expect(await again.call('contacts.get', { id: contact.id })).toEqual(contact);
    expect(await again.call('workspace.info', {})).toEqual(info);
  });

  it('runs with WAL journaling and enforced foreign keys', async () => {
    const path = tempWorkspacePath();
    const core = await openCore(path);
    const sqlite = core.context.sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(() => sqlite.prepare(`INSERT INTO contacts (account_id, name, created_at, updated_at) VALUES (999, 'Orphan', 'x', 'x')`).run()).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
    );
    // WAL is a property of the file: another connection sees it too.
    const other = new Database(path, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
  });
});

describe('workspace.info', () => {
  it('names the file and counts the rows of every table at the latest schema', async () => {
    const path = tempWorkspacePath('Acme success.fulcrum');
    const core = await openCore(path);
    const empty = await core.call('workspace.info', {});
    expect(empty).toEqual({
      name: 'Acme success.fulcrum',
      path,
      schemaVersion: LATEST_SCHEMA_VERSION,
      counts: Object.fromEntries(TABLE_NAMES.map((table) => [table, 0])),
    });
    expect(dirname(empty.path)).toBe(dirname(path));

    const account = await core.call('accounts.create', { name: 'Acme' });
    await core.call('accounts.create', { name: 'Beta' });
    await core.call('contacts.create', { accountId: account.id, name: 'Ada' });
    await core.call('deals.create', { prospect: 'Initech', openedAt: '2026-01-01T00:00:00Z' });
    await core.call('surveyResponses.create', { accountId: account.id, respondedAt: '2026-01-02T00:00:00Z', kind: 'ces', score: 2 });
    const { counts } = await core.call('workspace.info', {});
    expect(counts).toEqual({ ...empty.counts, accounts: 2, contacts: 1, deals: 1, survey_responses: 1 });
  });

  it('refuses input it does not take', async () => {
    const core = await openCore(join(dirname(tempWorkspacePath()), 'w.fulcrum'));
    expect((await core.fail('workspace.info', 'all')).code).toBe('BAD_INPUT');
  });
});
