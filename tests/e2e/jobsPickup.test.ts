// Issue 14: a screen opened while a long job runs (another window started it, or it ran before the
// screen opened) shows its bar and Cancel: Import & export for an import, Settings for a health
// recompute. The core holds each job at its first step until it is cancelled (FULCRUM_TEST_HOLD_JOB,
// electron/core/lib/jobs.ts), so the screen opens while the job certainly runs: no timing bet.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { accountsCsv } from '../fixtures/import/generate';
import { startApp, type App } from './harness';
import { ask, largeWorkspace } from './workspace';

let app: App;
let folder: string;
const events: ChangeEvent[] = [];

beforeAll(async () => {
  // Read by the core's worker, which copies this environment when it starts.
  process.env.FULCRUM_TEST_HOLD_JOB = 'import.commit,health.recompute';
  // 2,000 accounts: the health recompute has four steps (500 accounts each) to hold between.
  const path = await largeWorkspace(2_000);
  folder = dirname(path);
  app = await startApp(path);
  app.core.subscribe((event) => events.push(event));
}, 240_000);
// A test that failed half-way must not leave its job held: the next one would wait behind it.
afterEach(async () => {
  for (const channel of ['import.commit', 'health.recompute'] as const) await app.core.dispatch('jobs.cancel', { channel });
});
afterAll(async () => {
  delete process.env.FULCRUM_TEST_HOLD_JOB;
  await app?.close();
});

/** The core's first progress report of `job` (the job holds after it). */
async function firstReport(job: string): Promise<{ done: number; total: number }> {
  await expect.poll(() => events.some((event) => event.name === 'jobs.progress' && event.job === job), { timeout: 60_000 }).toBe(true);
  return events.find((event) => event.name === 'jobs.progress' && event.job === job)!.progress!;
}

// The page's reads go to the core host's reader while the import holds the writer; sent before the
// reader was up they once went to the writer and waited behind the held import, and in the browser
// they took the connections the Cancel needed (ci50): tests/integration/coreHostReaderStart.test.ts.
it('Import & export picks up an import started elsewhere: its bar in rows where the core is, and Cancel stops it with nothing imported', async () => {
  const before = (await ask(app.core, 'accounts.list', { pageSize: 1 })).total;
  // The page's reads during the held import are the reader's to answer: it must have opened.
  expect(await app.core.readerReady()).toBe(true);
  // More rows than the import's first batch (10,000), fewer than the parse thread's start (50,000): it holds part-way.
  const path = join(folder, 'accounts-elsewhere.csv');
  writeFileSync(path, accountsCsv(25_000));
  const running = app.core.dispatch('import.commit', { jobId: 'elsewhere', path, into: 'accounts', preset: 'crm-accounts' });
  const report = await firstReport('import.commit');
  expect(report.done).toBeLessThan(report.total);

  const page = await app.open('import');
  const bar = page.locator('[data-testid=import-elsewhere-progress] [role=progressbar]');
  await bar.waitFor();
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(report.done);
  expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(report.total);
  expect(await page.getByTestId('import-elsewhere-progress-text').innerText()).toBe(
    `Importing: ${report.done.toLocaleString('en-US')} of ${report.total.toLocaleString('en-US')} rows`,
  );
  // The wizard stays usable below it: a file can be chosen for the next import.
  await page.getByTestId('import-choose').waitFor();
  await app.screenshot(page, 'import-elsewhere');

  await page.getByTestId('import-elsewhere-progress-cancel').click();
  expect(await running).toMatchObject({ ok: true, value: { committed: false, cancelled: true } });
  await expect.poll(() => page.getByTestId('import-elsewhere').count(), { timeout: 30_000 }).toBe(0);
  expect((await ask(app.core, 'accounts.list', { pageSize: 1 })).total).toBe(before);
  expect(await ask(app.core, 'jobs.running', {})).toEqual({ channels: [] });
  await page.close();
});

it('Settings picks up a health recompute started elsewhere: its bar in accounts, Recompute now disabled, and Cancel keeps the previous scores', async () => {
  const snapshots = () => app.core.context.sqlite.prepare('SELECT count(*) AS n, max(id) AS last FROM health_snapshots').get();
  const before = snapshots();
  const running = app.core.dispatch('health.recompute', {});
  const report = await firstReport('health.recompute');

  const page = await app.open('settings');
  const bar = page.locator('[data-testid=recompute-elsewhere] [role=progressbar]');
  await bar.waitFor();
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(report.done);
  expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(report.total);
  expect(await page.getByTestId('recompute-elsewhere-text').innerText()).toBe(
    `A health recompute is running: ${report.done.toLocaleString('en-US')} of ${report.total.toLocaleString('en-US')} accounts`,
  );
  expect(await page.getByTestId('recompute-start').isDisabled()).toBe(true);
  await page.getByTestId('recompute').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'settings-recompute-elsewhere');

  await page.getByTestId('recompute-elsewhere-cancel').click();
  expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  await expect.poll(() => page.getByTestId('recompute-elsewhere').count(), { timeout: 30_000 }).toBe(0);
  expect(await page.getByTestId('recompute-start').isEnabled()).toBe(true);
  expect(snapshots()).toEqual(before);
  expect(await ask(app.core, 'jobs.running', {})).toEqual({ channels: [] });
  await page.close();
});
