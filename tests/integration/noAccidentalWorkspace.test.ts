import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError, createCore, type Core, plainPaths } from '../../electron/core';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';
import { makeTextFile, makeWorkspace, sha256, siblings } from '../fixtures/workspaceFiles';
import { backupsFolder } from '../../electron/core/db/backups';

// Issue 12, "Nothing is created or adopted by accident": opening is for existing workspaces only,
// creating is explicit, a restore never empties a workspace, and a damaged file says what to do.

const open: Core[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((core) => core.close()));
});

async function refusal(options: Parameters<typeof createCore>[0]): Promise<CoreError> {
  const error = await createCore(options).then(
    async (core) => {
      await core.close();
      throw new Error(`${options.dbPath} was opened, but should have been refused`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(CoreError);
  expect((error as CoreError).message.split('\n')).toHaveLength(1);
  return error as CoreError;
}

describe('opening is for existing workspaces only', () => {
  it('refuses a missing file with a message naming it, and creates nothing', async () => {
    const path = tempWorkspacePath('typo.fulcrum');
    const error = await refusal({ dbPath: path });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/does not exist/);
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('refuses a 0-byte file, naming it, and leaves it empty with nothing beside it', async () => {
    const path = tempWorkspacePath('empty.fulcrum');
    writeFileSync(path, '');
    const error = await refusal({ dbPath: path });
    expect(error.code).toBe('NOT_A_WORKSPACE');
    expect(error.message).toBe(`${path} is empty, not a Fulcrum workspace; it was left as it is`);
    expect(statSync(path).size).toBe(0);
    expect(siblings(path)).toEqual([basename(path)]);
  });

  it('creates only when asked, and never over a file with content', async () => {
    const path = tempWorkspacePath('new.fulcrum');
    const created = await createCore({ dbPath: path, create: true });
    open.push(created);
    expect((await created.dispatch('workspace.info', {})).ok).toBe(true);
    await created.close();
    open.splice(0);

    const kept = tempWorkspacePath('kept.fulcrum');
    await makeWorkspace(kept);
    const before = sha256(kept);
    const error = await refusal({ dbPath: kept, create: true });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(kept);
    expect(sha256(kept)).toBe(before);
    // A 0-byte file holds nothing to lose: creating there is allowed.
    const empty = tempWorkspacePath('empty.fulcrum');
    writeFileSync(empty, '');
    const made = await createCore({ dbPath: empty, create: true });
    open.push(made);
    expect(statSync(empty).size).toBeGreaterThan(0);
  });
});

describe('backup.restore', () => {
  let core: TestCore;
  afterEach(() => core?.close());

  it.each([
    ['a 0-byte file', (path: string) => writeFileSync(path, '')],
    ['a text file', makeTextFile],
  ])('refuses %s and leaves the workspace untouched, without even a pre-restore backup', async (_what, make) => {
    const path = tempWorkspacePath();
    core = await testCore(path, { files: plainPaths() });
    await core.call('accounts.create', { name: 'Still here' });
    // Restored by its id in the backups folder (issue 12: never an arbitrary path).
    const backup = join(backupsFolder(path), 'restore-me.fulcrum');
    mkdirSync(dirname(backup), { recursive: true });
    make(backup);
    const error = await core.fail('backup.restore', { id: 'restore-me.fulcrum', confirm: true });
    expect(error.code).toBe('NOT_A_WORKSPACE');
    expect(error.message).toContain(backup);
    expect(error.message).toMatch(/the workspace was not changed/);
    expect((await core.call('accounts.list', {})).rows.map((row) => row.name)).toEqual(['Still here']);
    expect((await core.call('backup.list', {})).map((file) => file.id)).toEqual(['restore-me.fulcrum']);
  });
});

/** Writes garbage over the middle of a file: a fifth of its pages, from 40 % in. */
function damageMiddle(path: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(path).size / pageSize);
  const first = Math.floor(pages * 0.4);
  const count = Math.max(2, Math.floor(pages * 0.2));
  const garbage = Buffer.alloc(count * pageSize, 0xa5);
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, first * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** The first message a damaged workspace gives: refused at open, or at the first call that meets a bad page. */
async function firstComplaint(path: string): Promise<string> {
  let core: Core;
  try {
    core = await createCore({ dbPath: path });
  } catch (error) {
    return (error as Error).message;
  }
  try {
    for (const [channel, input] of [
      ['metrics.rebuild', {}],
      ['tickets.list', { pageSize: 500 }],
      ['metrics.portfolio', {}],
    ] as const) {
      const result = await core.dispatch(channel, input);
      if (!result.ok) return result.error.message;
    }
    return 'no complaint';
  } finally {
    await core.close();
  }
}

describe('a damaged workspace', () => {
  it('names the file and the latest backup to restore', async () => {
    const path = tempWorkspacePath('damaged.fulcrum');
    const dir = dirname(path);
    const core = await testCore(path, { files: plainPaths() });
    await core.call('import.commit', { jobId: 'a', path: writeFixture(dir, 'accounts.csv', accountsCsv(50)), into: 'accounts', preset: 'crm-accounts' });
    await core.call('import.commit', { jobId: 't', path: writeFixture(dir, 'tickets.csv', ticketsCsv(4000, 50)), into: 'tickets', preset: 'helpdesk-tickets' });
    const older = await core.call('backup.create', {});
    core.setNow('2026-03-02T12:00:00.000Z');
    const latest = await core.call('backup.create', {});
    await core.close();
    expect(latest.path > older.path).toBe(true);
    const sqlite = new Database(path);
    expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    sqlite.close();

    damageMiddle(path);
    const message = await firstComplaint(path);
    expect(message).toContain(path);
    expect(message).toMatch(/is damaged \(database disk image is malformed\)/);
    expect(message).toContain(`Restore the latest backup, ${latest.path}`);
    expect(message.split('\n')).toHaveLength(1);
    expect(existsSync(latest.path)).toBe(true);
  }, 60_000);
});
