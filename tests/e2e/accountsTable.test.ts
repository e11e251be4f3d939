import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

/** The text of one column in the rows on screen, top to bottom. */
const column = (page: Page, id: string) => page.locator(`[data-testid=accounts-row] [data-column=${id}]`).allInnerTexts();
const countText = (page: Page) => page.getByTestId('accounts-count').innerText();
const names = async (input: Parameters<typeof ask<'accounts.list'>>[2]) => (await ask(app.core, 'accounts.list', { pageSize: 10, ...input })).rows.map((r) => r.name);
const total = async (input: Parameters<typeof ask<'accounts.list'>>[2]) => (await ask(app.core, 'accounts.list', { pageSize: 1, ...input })).total;

async function firstNamesAre(page: Page, expected: string[]) {
  await expect.poll(async () => (await column(page, 'name')).slice(0, expected.length)).toEqual(expected);
}

describe('accounts table', () => {
  it('loads, sorts, filters and searches', async () => {
    const page = await app.open('accounts');
    await page.getByTestId('accounts-row').first().waitFor();
    expect(await countText(page)).toBe('150 accounts');
    // Name ascending by default, in the core's order.
    await firstNamesAre(page, await names({ sort: { field: 'name', direction: 'asc' } }));
    const name = page.getByTestId('accounts-header-name');
    expect(await name.getAttribute('aria-sort')).toBe('ascending');

    // A click on the sorted header flips it.
    await name.getByRole('button').click();
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('descending');
    await firstNamesAre(page, await names({ sort: { field: 'name', direction: 'desc' } }));

    // The keyboard does the same: Enter on a header button sorts by it, again flips it.
    const arr = page.getByTestId('accounts-header-arrMinor');
    await arr.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => arr.getAttribute('aria-sort')).toBe('ascending');
    expect(await name.getAttribute('aria-sort')).toBe('none');
    await firstNamesAre(page, await names({ sort: { field: 'arrMinor', direction: 'asc' } }));
    await page.keyboard.press('Enter');
    await expect.poll(() => arr.getAttribute('aria-sort')).toBe('descending');
    await firstNamesAre(page, await names({ sort: { field: 'arrMinor', direction: 'desc' } }));
    const amounts = (await column(page, 'arrMinor')).map((text) => Number(text.replace(/[^\d]/g, '')));
    expect(amounts.length).toBeGreaterThan(10);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    await app.screenshot(page, 'accounts-sorted-by-arr');

    // Segment filter: fewer rows, every one enterprise, counted as the core counts.
    const enterprise = await total({ filter: { segment: 'enterprise' } });
    expect(enterprise).toBeGreaterThan(0);
    expect(enterprise).toBeLessThan(150);
    await page.getByTestId('filter-segment').selectOption('enterprise');
    await expect.poll(() => countText(page)).toBe(`${enterprise} of 150 accounts match`);
    const segments = await column(page, 'segment');
    expect(segments.length).toBe(Math.min(enterprise, segments.length));
    expect(new Set(segments)).toEqual(new Set(['Enterprise']));
    await app.screenshot(page, 'accounts-filtered-enterprise');

    // "Export view" writes exactly the filtered rows, in the screen's order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('accounts-export').click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length - 1).toBe(enterprise);
    // Exports are for people by default: the segment's label, as the table shows it, not its code.
    expect(lines.slice(1).every((line) => line.includes(',Enterprise,'))).toBe(true);

    // Search (debounced while typing) looks in names, CRM ids, industries, owners and regions.
    await page.getByTestId('filters-clear').click();
    await expect.poll(() => countText(page)).toBe('150 accounts');
    const [someone] = await names({ sort: { field: 'arrMinor', direction: 'desc' }, pageSize: 1 });
    const word = someone!.split(' ')[0]!;
    await page.getByTestId('accounts-search').pressSequentially(word.toLowerCase(), { delay: 30 });
    await expect.poll(() => countText(page)).toBe(`${await total({ search: word })} of 150 accounts ${(await total({ search: word })) === 1 ? 'matches' : 'match'}`);
    expect(await column(page, 'name')).toContain(someone);
    await page.getByTestId('accounts-search').fill('software');
    const software = await total({ search: 'software' });
    expect(software).toBeGreaterThan(1);
    await expect.poll(() => countText(page)).toBe(`${software} of 150 accounts match`);
    const rows = await page.getByTestId('accounts-row').allInnerTexts();
    expect(rows.length).toBe(Math.min(software, rows.length));
    for (const text of rows) expect(text.toLowerCase()).toContain('software');
    await app.screenshot(page, 'accounts-search');

    await page.getByTestId('accounts-search').fill('no such account anywhere');
    await page.getByTestId('accounts-empty').waitFor();
    await app.screenshot(page, 'accounts-empty-search');
    await page.close();
  });

  it('opens a row with Enter, and remembers the column choice', async () => {
    const page = await app.open('accounts');
    await page.getByTestId('accounts-row').first().waitFor();
    // Arrow keys move through the rows; Enter opens the one in focus.
    const [, second] = await names({ sort: { field: 'name', direction: 'asc' } });
    await page.getByTestId('accounts-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('account-page').waitFor();
    expect(await page.getByTestId('account-name').innerText()).toBe(second);
    await page.getByTestId('account-back').click();

    // Hide Employees; it stays hidden after a reload.
    await page.getByTestId('accounts-columns-button').click();
    await page.getByTestId('accounts-columns-employeeCount').uncheck();
    await app.screenshot(page, 'accounts-column-menu');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('accounts-columns').count()).toBe(0);
    expect(await page.getByTestId('accounts-header-employeeCount').count()).toBe(0);
    await page.reload();
    await page.getByTestId('accounts-row').first().waitFor();
    expect(await page.getByTestId('accounts-header-employeeCount').count()).toBe(0);
    await page.getByTestId('accounts-columns-button').click();
    await page.getByTestId('accounts-columns-employeeCount').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('accounts-header-employeeCount').waitFor();
    await page.close();
  });
});
