// Long jobs a user can stop (issue 14): the health recompute on Settings and the workspace archive
// on Import & export show their progress and a Cancel button; cancelled, the screen says what was
// kept, and the core (asked through dispatch and a second connection) shows nothing was committed.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { largeWorkspace } from './workspace';

let app: App;

/** The health snapshots as a second connection reads them: a finished recompute moves the latest taken_at (the clock runs on). */
const fingerprint = () => app.core.context.sqlite.prepare('SELECT count(*) AS n, max(id) AS last, max(taken_at) AS latest, total(score) AS scores FROM health_snapshots').get();

beforeAll(async () => {
  const path = await largeWorkspace(20_000);
  // 400,000 tickets, written straight into the file: the archive then takes long enough to stop.
  const sqlite = new Database(path);
  sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
    INSERT INTO tickets (account_id, subject, opened_at, channel, priority, status, created_at, updated_at)
    SELECT 1 + i % 20000, 'Ticket ' || i, '2026-01-15T10:00:00.000Z', 'email', 'normal', 'open', '2026-01-15T10:00:00.000Z', '2026-01-15T10:00:00.000Z' FROM n`);
  sqlite.close();
  app = await startApp(path);
}, 180_000);
afterAll(() => app?.close());

describe('cancelling long jobs', () => {
  it('stops a health recompute on Settings: every account keeps its previous score', async () => {
    const page = await app.open('settings');
    await page.getByTestId('recompute-start').waitFor();
    const before = fingerprint();
    await page.getByTestId('recompute-start').click();
    // Cancel once the bar has moved part-way (a progress report reached the page).
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-testid=recompute-progress] [role=progressbar]');
      return bar !== null && Number(bar.getAttribute('aria-valuenow')) > 0 && Number(bar.getAttribute('aria-valuenow')) < Number(bar.getAttribute('aria-valuemax'));
    });
    await app.screenshot(page, 'settings-recompute-cancel');
    await page.getByTestId('recompute-cancel').click();
    await page.getByTestId('recompute-cancelled').waitFor();
    expect(await page.getByTestId('recompute-cancelled').innerText()).toBe('Recompute cancelled: every account keeps its previous score.');
    expect(await app.core.dispatch('jobs.running', {})).toEqual({ ok: true, value: { channels: [] } });
    expect(fingerprint()).toEqual(before);
    // The button is ready for the next run.
    expect(await page.getByTestId('recompute-start').isEnabled()).toBe(true);
    await page.close();
  });

  it('stops the workspace archive on Import & export: nothing is downloaded, nothing is left running', async () => {
    const page = await app.open('import');
    await page.getByTestId('export-archive-run').waitFor();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('export-archive-run').click();
    // The rows count up, in the words the screen uses, before Cancel.
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-testid=export-archive-progress] [role=progressbar]');
      return bar !== null && Number(bar.getAttribute('aria-valuenow')) > 0 && Number(bar.getAttribute('aria-valuenow')) < Number(bar.getAttribute('aria-valuemax'));
    });
    const text = await page.getByTestId('export-archive-progress-text').innerText();
    await page.getByTestId('export-archive-progress-cancel').click();
    expect(text).toMatch(/^Exporting the workspace archive \(table \w+\): [\d,]+ of [\d,]+ rows$/);
    // The total is every row of the workspace, as the core counts them.
    const tickets = await app.core.dispatch('tickets.list', { pageSize: 1 });
    const total = Number(text.replace(/.* of ([\d,]+) rows$/, '$1').replace(/,/g, ''));
    expect(tickets.ok && total).toBeGreaterThan(tickets.ok ? (tickets.value as { total: number }).total : Infinity);
    await expect.poll(() => page.getByTestId('export-notice').innerText()).toBe('The archive export was cancelled: no file was written.');
    expect(await page.getByTestId('export-archive-progress').count()).toBe(0);
    expect(downloads).toBe(0);
    expect(await app.core.dispatch('jobs.running', {})).toEqual({ ok: true, value: { channels: [] } });
    // The core took the next write at once: the read transaction of the archive was ended.
    const created = await app.core.dispatch('accounts.create', { name: 'After the cancelled archive' });
    expect(created.ok).toBe(true);
    await page.close();
  });
});
