// Issue 13: purchases have a table screen like contacts and tickets, reachable from the sidebar:
// its empty state leads to the import, the Import screen's "View purchases" leads back to it, and
// it sorts, filters, searches and exports what it shows. Expected values come from the core
// (purchases.table); axe finds no serious problem; screenshots light and dark.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAxe, seriousProblems } from './axe';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
let customers: string[];
beforeAll(async () => {
  app = await startApp(await demoWorkspace(20));
  customers = (await ask(app.core, 'accounts.list', { pageSize: 3, sort: { field: 'name', direction: 'asc' } })).rows.map((account) => account.name);
}, 240_000);
afterAll(() => app?.close());

const total = async (page: import('playwright-core').Page) => Number(await page.getByTestId('purchases-count').getAttribute('data-total'));

it('starts empty, imports orders through the Import screen, then sorts, filters, searches and exports them', async () => {
  const page = await app.open('dashboard', { viewport: { width: 1440, height: 900 } });
  await page.getByTestId('nav-purchases').click();
  // The empty state says what purchases are and leads to the import.
  const empty = page.locator('.purchases-screen .empty');
  await expect.poll(() => empty.innerText()).toContain('no purchases yet');
  expect(await page.getByTestId('purchases-archived').count()).toBe(0);
  await app.screenshot(page, 'purchases-empty');
  await empty.getByRole('link', { name: 'Import purchases' }).click();
  await page.waitForURL(/#\/import$/);

  const csv = [
    'Order,Customer,Date,Amount,Currency,Channel',
    `P-100,${customers[0]},2026-01-05,120.00,USD,Web`,
    `P-101,${customers[1]},2026-01-06,80.50,USD,Store`,
    `P-102,${customers[0]},2026-02-01,45.00,EUR,Web`,
    `P-103,${customers[2]},2026-02-03,300.00,USD,Phone`,
  ].join('\n');
  await page.getByTestId('import-target').selectOption('purchases');
  await page.getByTestId('import-file').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect.poll(() => page.getByTestId('import-file-name').innerText()).toContain('orders.csv');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor();
  expect(await page.getByTestId('count-errors').innerText()).toBe('0');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  await page.getByTestId('import-view-rows').click();
  await page.waitForURL(/#\/purchases$/);

  // The table: the core's rows, newest first, each customer a link.
  await page.getByTestId('purchases-row').first().waitFor();
  const all = await ask(app.core, 'purchases.table', { pageSize: 10 });
  expect(all.total).toBe(4);
  await expect.poll(() => total(page)).toBe(all.total);
  const first = page.getByTestId('purchases-row').first();
  expect(await first.innerText()).toContain(all.rows[0]!.externalId!);
  expect(await first.getByTestId('purchase-account-link').innerText()).toBe(all.rows[0]!.accountName);
  expect(Number(await first.getByTestId('purchase-amount').getAttribute('data-minor'))).toBe(all.rows[0]!.amountMinor);

  // Sorted by amount, largest first (the header twice: ascending, then descending).
  const byAmount = await ask(app.core, 'purchases.table', { pageSize: 10, sort: { field: 'amountMinor', direction: 'desc' } });
  const header = page.getByTestId('purchases-header-amountMinor').getByRole('button');
  await header.click();
  await expect.poll(() => page.getByTestId('purchases-row').first().innerText()).toContain(byAmount.rows.at(-1)!.externalId!);
  await header.click();
  await expect.poll(() => page.getByTestId('purchases-row').first().innerText()).toContain(byAmount.rows[0]!.externalId!);

  // The currency filter offers the currencies there are; search finds a customer.
  await page.getByTestId('purchases-filter-currency').selectOption('EUR');
  const eur = await ask(app.core, 'purchases.table', { filter: { currency: 'EUR' } });
  await expect.poll(() => total(page)).toBe(eur.total);
  await page.getByTestId('purchases-clear').click();
  await page.keyboard.press('/');
  await page.keyboard.type(customers[1]!);
  const found = await ask(app.core, 'purchases.table', { search: customers[1]! });
  await expect.poll(() => total(page)).toBe(found.total);
  expect(found.total).toBe(1);

  const summary = await runAxe(page);
  expect(seriousProblems(summary)).toEqual([]);

  // Export view writes the rows shown.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('purchases-export').click()]);
  const lines = readFileSync(await download.path(), 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(found.rows[0]!.externalId!);
  await app.screenshot(page, 'purchases-table-search');
  await page.close();

  for (const colorScheme of ['light', 'dark'] as const) {
    const shot = await app.open('purchases', { viewport: { width: 1024, height: 700 }, colorScheme });
    await shot.getByTestId('purchases-row').first().waitFor();
    expect(await shot.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await app.screenshot(shot, `table-purchases-1024-${colorScheme}`);
    await shot.close();
  }
});
