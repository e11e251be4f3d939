// Issue 13 from the command line: `fulcrum new`, then `fulcrum import` of a tool's export by its
// preset, a mapping laid over a preset, and a survey wave without a date column (--responded-at).
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { fulcrum } from '../fixtures/cli';
import { writeFixture } from '../fixtures/import/generate';

const SAMPLES = join(import.meta.dirname, '../fixtures/import-presets');

it('new workspace, a Salesforce export by its preset, then a survey wave with --preset, --map over it and --responded-at', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-cli-presets-'));
  const db = join(dir, 'mine.fulcrum');
  expect(fulcrum('new', '--out', db).code).toBe(0);

  const accounts = fulcrum('import', '--db', db, '--into', 'accounts', '--preset', 'salesforce-accounts', join(SAMPLES, 'salesforce-accounts.csv'));
  expect(accounts.stdout).toContain('Imported 3 new and 0 updated accounts');
  expect(accounts.code).toBe(0);

  const wave = writeFixture(dir, 'wave.csv', 'Email Address,How likely are you to recommend Fulcrum to a colleague?\nnew.person@contoso.example,8\nother@contoso.example,3\n');
  const map = writeFixture(dir, 'over.json', JSON.stringify({ fields: {}, defaults: { account: 'Contoso Pharma' } }));
  const bad = fulcrum('import', '--db', db, '--into', 'surveyResponses', '--preset', 'google-forms-nps', '--responded-at', '1 Feb', wave);
  expect(bad.stderr).toContain('--responded-at must be a date as YYYY-MM-DD');
  const surveys = fulcrum('import', '--db', db, '--into', 'surveyResponses', '--preset', 'google-forms-nps', '--map', map, '--responded-at', '2026-02-01', wave);
  expect(surveys.code).toBe(0);

  const sqlite = new Database(db, { readonly: true });
  expect(
    sqlite.prepare('SELECT a.name AS account, s.score, s.kind, s.responded_at AS at FROM survey_responses s JOIN accounts a ON a.id = s.account_id ORDER BY s.score').all(),
  ).toEqual([
    { account: 'Contoso Pharma', score: 3, kind: 'nps', at: '2026-02-01T00:00:00.000Z' },
    { account: 'Contoso Pharma', score: 8, kind: 'nps', at: '2026-02-01T00:00:00.000Z' },
  ]);
  sqlite.close();
});
