import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCore, plainPaths, type Core } from '../../electron/core';
import Database from 'better-sqlite3';
import { BATCH } from '../../electron/core/import/front';
import { PARSE_THREAD_MIN_ROWS } from '../../electron/core/import/run';
import type { ImportResult } from '../../shared/contract/import';
import { accountsCsv, ticketsCsv, writeFixture } from '../fixtures/import/generate';

// Issue 14: the commit of a large text file reads, converts, matches and validates on the parse
// thread (import/parseThread.ts) while the core's thread writes. The preview always reads on the
// core's thread, so the same file through both must agree: counts, problems by row and column,
// the preview rows; the stored rows are the accepted ones, the skipped ones are in the error file,
// and a second import finds the rows it updates through the thread's own read connection.

const ROWS = PARSE_THREAD_MIN_ROWS + 2_000;
const HEADER_AND_ROWS = ticketsCsv(ROWS, 40);
/** Bad rows at the end, each with one problem the preview names (row numbers count the header as row 1). */
const BAD = [
  `T-7,ACC-1,"Again",2025-02-01T00:00:00.000Z,5,,low,email,open,,login`, // duplicate key of row 8
  `T-X1,ACC-404,"Unknown",2025-02-01T00:00:00.000Z,5,,low,email,open,,login`, // no such account
  `T-X2,ACC-2,"Bad date",not a date,5,,low,email,open,,login`,
  `T-X3,ACC-3,"Bad score",2025-02-01T00:00:00.000Z,5,,low,email,open,abc,login`,
  `T-X4,customer 7,"By name",2025-02-01T00:00:00.000Z,5,,low,email,open,,login`, // an account found by its name, any case
];

let core: Core;
let dir: string;
const logs: string[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-import-thread-'));
  logs.length = 0;
  core = await createCore({ dbPath: join(dir, 'w.fulcrum'), create: true, files: plainPaths(), log: (_level, message) => logs.push(message) });
  const seeded = await core.dispatch('import.commit', { jobId: 'accounts', path: writeFixture(dir, 'accounts.csv', accountsCsv(40)), into: 'accounts', preset: 'crm-accounts' });
  expect(seeded.ok).toBe(true);
});
afterEach(() => core.close());

const call = async <T>(channel: 'import.preview' | 'import.commit' | 'jobs.running' | 'jobs.cancel', input: unknown): Promise<T> => {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
};
const one = <T>(sql: string, ...params: unknown[]) => core.context.sqlite.prepare(sql).get(...params) as T;

it('a commit read on the parse thread agrees with the preview read on the core thread, row by row', async () => {
  const path = writeFixture(dir, 'tickets.csv', `${HEADER_AND_ROWS}${BAD.join('\n')}\n`);
  const input = { path, into: 'tickets', preset: 'helpdesk-tickets', previewRows: 30 };
  const preview = await call<ImportResult>('import.preview', input);
  expect(preview.counts).toEqual({ rows: ROWS + BAD.length, inserts: ROWS + 1, updates: 0, skips: 0, errors: 4 });
  expect(preview.problems.map((problem) => [problem.row, problem.column])).toEqual([
    [ROWS + 2, 'Id'],
    [ROWS + 3, 'Organization'],
    [ROWS + 4, 'Created at'],
    [ROWS + 5, 'Satisfaction Score'],
  ]);

  const commit = await call<ImportResult>('import.commit', { ...input, jobId: 'tickets', policy: 'skip' });
  expect(logs.at(-1)).toContain('read on the parse thread');
  expect(commit).toMatchObject({ committed: true, cancelled: false });
  expect(commit.counts).toEqual(preview.counts);
  expect(commit.problems).toEqual(preview.problems);
  expect(commit.rows).toEqual(preview.rows);
  expect(one('SELECT count(*) AS n FROM tickets')).toEqual({ n: ROWS + 1 });
  const named = one<{ id: number }>("SELECT id FROM accounts WHERE name = 'Customer 7'");
  expect(one("SELECT account_id AS accountId FROM tickets WHERE external_id = 'T-X4'")).toEqual({ accountId: named.id });
  // The skipped rows, as they were, with their problems first.
  expect(commit.errorFile).not.toBeNull();
  expect(existsSync(commit.errorFile!)).toBe(true);
  const lines = readFileSync(commit.errorFile!, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1 + 4);
  expect(lines[1]).toMatch(new RegExp(`^${ROWS + 2},.*is also on row 8`));
});

it('a second import of the same file updates every row it finds, through the thread', async () => {
  const path = writeFixture(dir, 'tickets.csv', HEADER_AND_ROWS);
  await call<ImportResult>('import.commit', { path, into: 'tickets', preset: 'helpdesk-tickets', jobId: 'first' });
  const changed = writeFixture(dir, 'again.csv', HEADER_AND_ROWS.replaceAll('Cannot log in, again', 'Still cannot log in'));
  const again = await call<ImportResult>('import.commit', { path: changed, into: 'tickets', preset: 'helpdesk-tickets', jobId: 'again' });
  expect(logs.at(-1)).toContain('read on the parse thread');
  expect(again.counts).toEqual({ rows: ROWS, inserts: 0, updates: ROWS, skips: 0, errors: 0 });
  expect(one('SELECT count(*) AS n, min(subject) AS low, max(subject) AS high FROM tickets')).toEqual({ n: ROWS, low: 'Still cannot log in', high: 'Still cannot log in' });
});

it('the test hold reaches the parse thread: the commit waits after its first batch, a second connection reads the state before it, and jobs.cancel stops it', async () => {
  // A small file sent the way a large one goes (the threshold lowered), instead of writing 50,000 rows; two batches of the front half.
  const rows = BATCH + 2_000;
  const path = writeFixture(dir, 'held.csv', ticketsCsv(rows, 40));
  process.env.FULCRUM_TEST_PARSE_THREAD_MIN_ROWS = '1000';
  process.env.FULCRUM_TEST_HOLD_JOB = 'import.commit';
  try {
    let settled = false;
    const running = core.dispatch('import.commit', { jobId: 'held', path, into: 'tickets', preset: 'helpdesk-tickets' }).finally(() => (settled = true));
    type Running = { channels: string[]; progress?: { done: number }[] };
    let listed: Running = { channels: [] };
    for (let turn = 0; turn < 3_000 && !listed.progress?.length && !settled; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      listed = await call<Running>('jobs.running', {});
    }
    // Held after its first batch (without the hold on this path the commit would run to its end).
    expect(listed.progress).toMatchObject([{ channel: 'import.commit', done: BATCH, phase: 'rows' }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
    // The import's transaction is open: another connection is served the last committed state.
    const reader = new Database(join(dir, 'w.fulcrum'), { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    } finally {
      reader.close();
    }
    expect(await call('jobs.cancel', { channel: 'import.commit' })).toEqual({ cancelled: 1 });
    expect(await running).toMatchObject({ ok: true, value: { committed: false, cancelled: true } });
    expect(one('SELECT count(*) AS n FROM tickets')).toEqual({ n: 0 });
    // Without the hold the same file runs to its end, read on the parse thread.
    delete process.env.FULCRUM_TEST_HOLD_JOB;
    const done = await call<ImportResult>('import.commit', { jobId: 'free', path, into: 'tickets', preset: 'helpdesk-tickets' });
    expect(logs.at(-1)).toContain('read on the parse thread');
    expect(done).toMatchObject({ committed: true, counts: { rows, inserts: rows } });
  } finally {
    delete process.env.FULCRUM_TEST_HOLD_JOB;
    delete process.env.FULCRUM_TEST_PARSE_THREAD_MIN_ROWS;
  }
});
