// `fulcrum import --encoding` and the problem wording as a user sees them. In process through
// runCli (the same router the npm bin runs), so the test reads this checkout's sources rather than
// whichever out/main/cli.js was last built.
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { testCore, tempWorkspacePath } from '../fixtures/core';
import { runCli } from '../../electron/cli/index';
import { writeFixture } from '../fixtures/import/generate';

const BAD = join(__dirname, '../fixtures/import-bad');

async function fulcrum(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), errIsTTY: false });
  return { code, stdout, stderr };
}

it('--encoding is checked and passed on; a file read in the wrong encoding has its U+FFFD cells as problems; the help names the error file that is written', async () => {
  const db = tempWorkspacePath();
  const dir = dirname(db);
  await (await testCore(db)).close();
  const file = join(dir, 'latin.csv');
  copyFileSync(join(BAD, 'values-windows-1252.csv'), file);
  const map = writeFixture(dir, 'map.json', JSON.stringify({ fields: { externalId: 'Account ID', name: 'Account Name', churnReason: 'Churn Reason' } }));

  const wrong = await fulcrum('import', '--db', db, '--into', 'accounts', '--map', map, file, '--encoding', 'klingon', '--dry-run');
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('--encoding must be one of utf-8, utf-16le, utf-16be, windows-1252');

  const asUtf8 = await fulcrum('import', '--db', db, '--into', 'accounts', '--map', map, file, '--encoding', 'utf-8', '--dry-run');
  expect(asUtf8.stderr).toBe('');
  expect(asUtf8.stdout).toContain("row 2, 'Account Name': 'Caf\ufffd M\ufffdller' holds a character that could not be decoded (U+FFFD)");
  expect(asUtf8.stdout).toContain("9 characters could not be read as utf-8: their cells are problems; choose the file's encoding with --encoding");
  expect(asUtf8.code).toBe(1);

  // Detected, the same file has no problem.
  const detected = await fulcrum('import', '--db', db, '--into', 'accounts', '--map', map, file, '--dry-run');
  expect(detected.stdout).toContain('Source     csv, windows-1252 (not valid UTF-8)');
  expect(detected.code).toBe(0);

  const help = await fulcrum('help', 'import');
  expect(help.stdout).toContain('tickets.csv -> tickets.errors.csv');
  expect(help.stdout).toContain('--encoding NAME');

  // What the help promises is the file written: latin.csv -> latin.errors.csv beside it.
  const skipped = await fulcrum('import', '--db', db, '--into', 'accounts', '--map', map, file, '--encoding', 'utf-8', '--policy', 'skip');
  expect(skipped.stdout).toContain(`Rows with problems were written to ${join(dir, 'latin.errors.csv')}`);
  expect(existsSync(join(dir, 'latin.errors.csv'))).toBe(true);
});
