import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/core/db/migrations';
import { FULCRUM_APPLICATION_ID, migrate } from '../../electron/core/db/open';
import { fulcrum } from '../fixtures/cli';
import { tempWorkspacePath } from '../fixtures/core';
import { accountsCsv, writeFixture } from '../fixtures/import/generate';
import { sha256, siblings } from '../fixtures/workspaceFiles';

// Issue 12, "Nothing is created or adopted by accident", from the command line: `fulcrum new` is
// the one command that creates a workspace; every other refuses a missing or empty file, and the
// read-only ones (info, import --dry-run) write nothing to or beside the file.

const ROOT = join(import.meta.dirname, '../..');
const lines = (text: string) => text.trim().split('\n');

/** A workspace one schema version behind, closed (no -wal), with an account in it. */
async function olderWorkspace(path: string): Promise<void> {
  const sqlite = new Database(path);
  sqlite.pragma(`application_id = ${FULCRUM_APPLICATION_ID}`);
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  await migrate(db, sqlite, migrations.slice(0, -1));
  sqlite.prepare(`INSERT INTO accounts (name, created_at, updated_at) VALUES ('Old Ltd', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run();
  await db.destroy();
  if (sqlite.open) sqlite.close();
}

describe('fulcrum new', () => {
  it('creates an empty workspace, refuses to overwrite one without --force, replaces it with --force', () => {
    const path = tempWorkspacePath('fresh.fulcrum');
    const made = fulcrum('new', '--out', path);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`Created ${path}: an empty workspace (schema version ${LATEST_SCHEMA_VERSION})\n`);
    expect(siblings(path)).toEqual([basename(path)]);

    const sqlite = new Database(path);
    sqlite.prepare(`INSERT INTO accounts (name, created_at, updated_at) VALUES ('Kept', 'x', 'x')`).run();
    sqlite.close();
    const before = sha256(path);
    const again = fulcrum('new', '--out', path);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual([`fulcrum new: ${path} already exists; add --force to replace it`]);
    expect(sha256(path)).toBe(before);

    const forced = fulcrum('new', '--out', path, '--force');
    expect(forced.code).toBe(0);
    const info = JSON.parse(fulcrum('info', '--db', path, '--json').stdout) as { counts: Record<string, number> };
    expect(info.counts.accounts).toBe(0);
    expect(fulcrum('help').stdout).toMatch(/\n {2}new +create a new, empty workspace/);
  }, 120_000);
});

describe('commands that open a workspace refuse an empty file', () => {
  it.each([
    ['info', (db: string) => ['info', '--db', db]],
    ['backup', (db: string) => ['backup', '--db', db]],
    ['export', (db: string) => ['export', '--db', db, '--format', 'csv', '--table', 'accounts', '--out', join(dirname(db), 'accounts.csv')]],
    ['import --dry-run', (db: string) => ['import', '--db', db, '--into', 'accounts', '--preset', 'crm-accounts', '--dry-run', writeFixture(dirname(db), 'a.csv', accountsCsv(3))]],
    ['metrics', (db: string) => ['metrics', '--db', db]],
  ])(
    '%s: one line naming the file, which stays empty with nothing beside it',
    (_name, args) => {
      const db = tempWorkspacePath('empty.fulcrum');
      writeFileSync(db, '');
      const argv = args(db);
      const files = siblings(db);
      const result = fulcrum(...argv);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toContain(db);
      expect(result.stderr).toMatch(/is empty, not a Fulcrum workspace/);
      expect(statSync(db).size).toBe(0);
      expect(siblings(db)).toEqual(files);
    },
    60_000,
  );
});

describe('read-only commands write nothing', () => {
  it('import --dry-run on an older workspace: no migration, no -wal/-shm, no backup folder, the bytes unchanged', async () => {
    const db = tempWorkspacePath('old.fulcrum');
    await olderWorkspace(db);
    const source = writeFixture(join(dirname(db), '..'), `${basename(dirname(db))}-accounts.csv`, accountsCsv(5));
    const before = sha256(db);
    const files = siblings(db);
    const dry = fulcrum('import', '--db', db, '--into', 'accounts', '--preset', 'crm-accounts', '--dry-run', source);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Rows +5: 5 to insert/);
    expect(dry.stdout).toMatch(/Dry run: nothing was written\.\n$/);
    expect(sha256(db)).toBe(before);
    expect(siblings(db)).toEqual(files);
  }, 60_000);

  it('info on an older workspace reports its own schema version and leaves it as it was', async () => {
    const db = tempWorkspacePath('old.fulcrum');
    await olderWorkspace(db);
    const before = sha256(db);
    const files = siblings(db);
    const info = fulcrum('info', '--db', db, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as { schemaVersion: number; counts: Record<string, number> };
    expect(parsed.schemaVersion).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(parsed.counts.accounts).toBe(1);
    expect(sha256(db)).toBe(before);
    expect(siblings(db)).toEqual(files);
  }, 60_000);
});

/** `npm run web` after its build: the built server (out/main/serve.js), until it says it runs (then stopped) or exits. */
function serve(...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/serve.js'), '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listen = (chunk: Buffer) => {
    output += chunk.toString();
    if (/Fulcrum is running/.test(output) && child.exitCode === null) child.kill('SIGTERM');
  };
  child.stdout.on('data', listen);
  child.stderr.on('data', listen);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('npm run web', () => {
  it('--db of a missing file is refused, naming it; --new creates it; --new over a workspace is refused', async () => {
    const db = tempWorkspacePath('typo.fulcrum');
    const typo = await serve('--db', db);
    expect(typo.code).toBe(1);
    expect(typo.output).toContain(db);
    expect(typo.output).toMatch(/does not exist/);
    expect(siblings(db)).toEqual([]);

    const created = await serve('--db', db, '--new');
    expect(created.output).toMatch(/Fulcrum is running/);
    expect(statSync(db).size).toBeGreaterThan(0);
    const before = sha256(db);

    const twice = await serve('--db', db, '--new');
    expect(twice.code).toBe(1);
    expect(twice.output).toMatch(/already exists/);
    expect(sha256(db)).toBe(before);
  }, 120_000);
});
