// Issue 13: an ambiguous date order is asked, never guessed, and the CLI answers it with --date-order
// (the wizard asks it on screen). Without a preset or a mapping the answer is laid over the
// automatic mapping, which still maps every column.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { fulcrum } from '../fixtures/cli';
import { writeFixture } from '../fixtures/import/generate';

it('fulcrum import --date-order answers the order no date settles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-cli-date-order-'));
  const db = join(dir, 'mine.fulcrum');
  expect(fulcrum('new', '--out', db).code).toBe(0);
  const file = writeFixture(dir, 'accounts.csv', 'Account ID,Account Name,Renewal date\nA-1,Acme,01/02/2027\nA-2,Beta,03/04/2027\n');

  const dry = fulcrum('import', '--db', db, '--into', 'accounts', '--dry-run', file);
  expect(dry.stdout).toContain("Dates in 'Renewal date' read as month/day/year (ambiguous: every value reads both ways)");
  expect(dry.stdout).toContain('answer with --date-order dmy (day first) or --date-order mdy (month first)');

  const unanswered = fulcrum('import', '--db', db, '--into', 'accounts', file);
  expect(unanswered.code).not.toBe(0);
  expect(unanswered.stderr).toContain('the order of the dates is a question');

  const bad = fulcrum('import', '--db', db, '--into', 'accounts', '--date-order', 'ddmm', file);
  expect(bad.stderr).toContain('--date-order must be one of ymd, mdy, dmy');

  const answered = fulcrum('import', '--db', db, '--into', 'accounts', '--date-order', 'dmy', file);
  expect(answered.stdout).toContain('Imported 2 new and 0 updated accounts');
  expect(answered.code).toBe(0);
  const sqlite = new Database(db, { readonly: true });
  expect(sqlite.prepare('SELECT external_id AS id, name, renewal_date AS renewal FROM accounts ORDER BY external_id').all()).toEqual([
    { id: 'A-1', name: 'Acme', renewal: '2027-02-01' },
    { id: 'A-2', name: 'Beta', renewal: '2027-04-03' },
  ]);
  sqlite.close();
});
