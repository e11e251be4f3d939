// `fulcrum import`, `fulcrum export` and `fulcrum backup` as a user runs them (the npm bin in a child process).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { testCore, tempWorkspacePath } from '../fixtures/core';
import { fulcrum } from '../fixtures/cli';
import { accountsCsv, writeFixture } from '../fixtures/import/generate';

it('imports with a preset or a mapping file, previews with --dry-run, exports and backs up', async () => {
  const db = tempWorkspacePath();
  const dir = dirname(db);
  await (await testCore(db)).close();
  const accounts = writeFixture(dir, 'accounts.csv', accountsCsv(20));
  const tickets = writeFixture(dir, 'tickets.csv', 'Created,Org,Chan,Score\n2026-01-02T10:00:00Z,ACC-1,email,5\n2026-01-03T10:00:00Z,ACC-2,chat,abc\n');
  const map = writeFixture(dir, 'map.json', JSON.stringify({ fields: { openedAt: 'Created', account: 'Org', channel: 'Chan', csat: 'Score' } }));

  const imported = fulcrum('import', '--db', db, '--into', 'accounts', '--preset', 'crm-accounts', accounts);
  expect(imported.stdout).toContain('Imported 20 new and 0 updated accounts');
  expect(imported.code).toBe(0);

  const dry = fulcrum('import', '--db', db, '--into', 'tickets', '--map', map, tickets, '--dry-run');
  expect(dry.stdout).toContain("row 3, 'Score': 'abc' is not a number");
  expect(dry.stdout).toContain('Dry run: nothing was written.');
  expect(dry.code).toBe(1);

  const rejected = fulcrum('import', '--db', db, '--into', 'tickets', '--map', map, tickets);
  expect(rejected.stdout).toContain('Rejected');
  expect(rejected.code).toBe(1);

  const skipped = fulcrum('import', '--db', db, '--into', 'tickets', '--map', map, tickets, '--policy', 'skip');
  expect(skipped.stdout).toContain('Imported 1 new');
  expect(skipped.code).toBe(0);
  expect(existsSync(join(dir, 'tickets.errors.csv'))).toBe(true);

  const csv = join(dir, 'out.csv');
  expect(fulcrum('export', '--db', db, '--table', 'accounts', '--format', 'csv', '--out', csv).stdout).toContain('Wrote 20 accounts rows');
  expect(readFileSync(csv, 'utf8').split('\n')).toHaveLength(22);
  expect(fulcrum('export', '--db', db, '--format', 'json', '--out', join(dir, 'all.json')).code).toBe(0);

  const backup = join(dir, 'copy.fulcrum');
  expect(fulcrum('backup', '--db', db, '--out', backup).code).toBe(0);
  const copy = new Database(backup, { readonly: true });
  expect(copy.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 });
  copy.close();

  expect(fulcrum('import', '--db', db, '--into', 'nope', accounts).code).toBe(2);
  expect(fulcrum('import', '--db', join(dir, 'missing.fulcrum'), '--into', 'accounts', accounts).stderr).toContain('no such file');
}, 60_000);
