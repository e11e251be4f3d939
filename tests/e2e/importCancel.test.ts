import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PREVIEW_MAX_ROWS } from '../../electron/core/import/service';
import { accountsCsv } from '../fixtures/import/generate';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(10));
});
afterAll(() => app?.close());

const progressText = (page: Page) => page.getByTestId('import-progress-text').innerText();

it('stages a large file in chunks, shows the progress bar, and a cancel changes nothing', async () => {
  const rows = 400_000;
  const csv = accountsCsv(rows);
  expect(csv.length).toBeGreaterThan(10 * 1024 * 1024); // more than one staging chunk, more than the bridge's body limit
  const before = (await ask(app.core, 'accounts.list', { pageSize: 1 })).total;
  const page = await app.open('import');
  await page.getByTestId('import-file').setInputFiles({ name: 'big-accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-next').click();
  // Parsing and checking 400,000 rows: minutes on a busy two-core machine, so longer waits than the harness's.
  await page.getByTestId('import-counts').waitFor({ timeout: 150_000 });
  // The preview checks the file's head (PREVIEW_MAX_ROWS); the commit reads every row.
  expect(await page.getByTestId('count-inserts').innerText()).toBe(PREVIEW_MAX_ROWS.toLocaleString('en-US'));

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-running').waitFor();
  // Its total is estimated from how far the preview's head reached into the file.
  const total = Number(/^[\d,]+ of about ([\d,]+) rows/.exec(await progressText(page))?.[1]?.replace(/,/g, ''));
  expect(Math.abs(total - rows) / rows).toBeLessThan(0.02);
  // The core runs in this test's process, so its batches and the browser's clicks share one event
  // loop: the cancel goes in at once rather than after a progress event.
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-not-committed').waitFor({ timeout: 150_000 });
  expect(await page.getByTestId('import-not-committed').innerText()).toContain('cancelled. Nothing was changed');
  expect((await ask(app.core, 'accounts.list', { pageSize: 1 })).total).toBe(before);
  await app.screenshot(page, 'import-cancelled');
  await page.close();
}, 360_000);
