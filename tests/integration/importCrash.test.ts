import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { testCore, tempWorkspacePath } from '../fixtures/core';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';
import { plainPaths } from '../../electron/core';

// A process killed in the middle of an import's transaction leaves the workspace as it was.

const root = join(__dirname, '../..');

it('SIGKILL mid-import: reopening shows the workspace unchanged and intact', async () => {
  const dbPath = tempWorkspacePath();
  const dir = dirname(dbPath);
  const core = await testCore(dbPath, { files: plainPaths() });
  await core.call('import.commit', { jobId: 'seed', path: writeFixture(dir, 'accounts.csv', accountsCsv(100)), into: 'accounts', preset: 'crm-accounts' });
  await core.call('import.commit', { jobId: 'seed2', path: writeFixture(dir, 'first.csv', ticketsCsv(500, 100)), into: 'tickets', preset: 'helpdesk-tickets' });
  const before = core.context.sqlite.prepare('SELECT count(*) AS n, sum(id) AS ids FROM tickets').get();
  await core.close();
  const big = writeFixture(dir, 'big.csv', ticketsCsv(400_000, 100));

  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/fixtures/import/crashChild.ts'), dbPath, big], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const killed = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Rows are being written inside the open transaction: kill it there.
      if (/progress 30000/.test(output) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal ? resolve(signal) : reject(new Error(`the child finished before it was killed: ${output}`))));
  });
  expect(killed).toBe('SIGKILL');
  expect(output).not.toContain('done');

  const sqlite = new Database(dbPath);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare('SELECT count(*) AS n, sum(id) AS ids FROM tickets').get()).toEqual(before);
    expect(sqlite.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 100 });
  } finally {
    sqlite.close();
  }
  // Not a speed limit: the seed, a 400,000-row file and a child compiling the core through tsx took
  // 58 s of a 60 s limit on a loaded machine; the kill itself waits only for the first progress.
}, 240_000);
