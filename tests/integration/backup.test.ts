import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsFolder } from '../../electron/core/db/backups';
import { FULCRUM_APPLICATION_ID, migrate } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import { testCore, tempWorkspacePath, type TestCore } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';
import { plainPaths } from '../../electron/core';

let core: TestCore;
let dbPath: string;
let dir: string;
beforeEach(async () => {
  dbPath = tempWorkspacePath();
  dir = dirname(dbPath);
  core = await testCore(dbPath, { files: plainPaths() });
  await core.call('import.commit', { jobId: 'seed', path: writeFixture(dir, 'accounts.csv', accountsCsv(50)), into: 'accounts', preset: 'crm-accounts' });
});
afterEach(() => core.close());

function inFile<T>(path: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(path, { readonly: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}
const count = (sqlite: Database.Database, table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('online backup', () => {
  it('copies the last committed state while an import is writing', async () => {
    const source = writeFixture(dir, 'tickets.csv', ticketsCsv(60_000, 50));
    let backup: Promise<unknown> | undefined;
    const off = core.subscribe((event) => {
      if (event.name === 'import.progress' && !backup) backup = core.call('backup.create', { path: join(dir, 'during.fulcrum') });
    });
    const result = await core.call('import.commit', { jobId: 'big', path: source, into: 'tickets', preset: 'helpdesk-tickets' });
    off();
    expect(result.counts.inserts).toBe(60_000);
    expect(backup).toBeDefined();
    await backup;
    inFile(join(dir, 'during.fulcrum'), (sqlite) => {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(count(sqlite, 'accounts')).toBe(50);
      expect(count(sqlite, 'tickets')).toBe(0);
    });
    expect(count(core.context.sqlite, 'tickets')).toBe(60_000);
    // The plain indexes the load dropped for speed were rebuilt before its commit.
    const indexes = core.context.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL").all();
    expect(indexes.map((row) => (row as { name: string }).name).sort()).toEqual(['tickets_account_time', 'tickets_status', 'tickets_time', 'tickets_unresolved']);
    expect(core.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('on a schedule keeps only the newest N', async () => {
    expect(await core.call('backup.settings', { keep: 2 })).toEqual({ keep: 2, folder: backupsFolder(dbPath) });
    for (const at of ['2026-03-01T01:00:00Z', '2026-03-01T02:00:00Z', '2026-03-01T03:00:00Z']) {
      core.setNow(at);
      await core.call('backup.scheduled', {});
    }
    core.setNow('2026-03-01T04:00:00Z');
    await core.call('backup.create', {});
    const list = await core.call('backup.list', {});
    expect(list.map((file) => file.kind)).toEqual(['manual', 'scheduled', 'scheduled']);
    expect(list[1]!.path).toContain('20260301T030000000Z-scheduled');
    expect(list[2]!.path).toContain('20260301T020000000Z-scheduled');
  });

  it('restores a backup after confirmation, keeping the replaced state as a backup first', async () => {
    const saved = await core.call('backup.create', {});
    await core.call('import.commit', { jobId: 't', path: writeFixture(dir, 't.csv', ticketsCsv(100, 50)), into: 'tickets', preset: 'helpdesk-tickets' });
    expect((await core.fail('backup.restore', { id: saved.id, confirm: false })).code).toBe('BAD_INPUT');
    const restored = await core.call('backup.restore', { id: saved.id, confirm: true });
    expect(count(core.context.sqlite, 'tickets')).toBe(0);
    expect(count(core.context.sqlite, 'accounts')).toBe(50);
    expect(core.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    inFile(restored.previousKeptAt, (sqlite) => expect(count(sqlite, 'tickets')).toBe(100));
    // The app keeps working on the restored workspace.
    expect((await core.call('tickets.list', {})).total).toBe(0);
    expect((await core.fail('backup.restore', { id: 'missing.fulcrum', confirm: true })).code).toBe('NOT_FOUND');
  });
});

describe('before a migration', () => {
  it('an existing workspace of an older schema is copied before it is migrated', async () => {
    const path = tempWorkspacePath('old.fulcrum');
    const sqlite = new Database(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, sqlite, migrations.slice(0, 1));
    sqlite.pragma(`application_id = ${FULCRUM_APPLICATION_ID}`);
    await db.destroy();
    const opened = await testCore(path, { files: plainPaths() });
    await opened.close();
    const folder = backupsFolder(path);
    expect(existsSync(folder)).toBe(true);
    const backups = readdirSync(folder).filter((name) => name.endsWith('.fulcrum'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/-v1-to-v\d+-pre-migration\.fulcrum$/);
    inFile(join(folder, backups[0]!), (old) => expect(old.pragma('user_version', { simple: true })).toBe(1));
    // Opening it again (nothing to migrate) makes no further copy.
    await (await testCore(path, { files: plainPaths() })).close();
    expect(readdirSync(folder).filter((name) => name.endsWith('.fulcrum'))).toHaveLength(1);
  });
});
