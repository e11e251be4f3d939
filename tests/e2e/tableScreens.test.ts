// Issue 13: contacts and tickets as table screens like the accounts table (server-side paging, sort,
// filters, custom-field columns and filter). Expected values come from the core (contacts.table,
// tickets.table); axe finds no serious problem; screenshots at 1440 and 1024, light and dark. The
// view's export progress and Cancel are tested in exportViewJob.test.ts.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, seriousProblems } from './axe';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
let languageField: number;

beforeAll(async () => {
  const path = await demoWorkspace(150);
  const sqlite = new Database(path);
  // A custom field of the contacts (as an import keeps one): every third contact speaks German.
  const stamp = '2026-01-15T10:00:00.000Z';
  languageField = Number(
    sqlite.prepare(`INSERT INTO custom_fields (record_kind, name, type, created_at, updated_at) VALUES ('contacts', 'Language', 'text', ?, ?)`).run(stamp, stamp).lastInsertRowid,
  );
  sqlite
    .prepare(`INSERT INTO custom_field_values (field_id, record_id, value) SELECT ?, id, CASE WHEN id % 3 = 0 THEN 'German' ELSE 'English' END FROM contacts`)
    .run(languageField);
  sqlite.close();
  app = await startApp(path);
}, 240_000);
afterAll(() => app?.close());

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

describe('the contacts table', () => {
  it('shows the core’s contacts with their accounts, filters by a custom field, and links to the account', async () => {
    const page = await app.open('contacts', { viewport: SIZES[0] });
    await page.getByTestId('contacts-row').first().waitFor();
    const all = await ask(app.core, 'contacts.table', { pageSize: 5, sort: { field: 'name', direction: 'asc' } });
    expect(Number(await page.getByTestId('contacts-count').getAttribute('data-total'))).toBe(all.total);
    const first = page.getByTestId('contacts-row').first();
    expect(await first.innerText()).toContain(all.rows[0]!.name);
    expect(await first.getByTestId('contact-account-link').innerText()).toBe(all.rows[0]!.accountName);

    // The custom field's column, shown from the column menu, and its filter.
    await page.getByTestId('contacts-columns-button').click();
    await page.getByTestId(`contacts-columns-custom.${languageField}`).check();
    await page.keyboard.press('Escape');
    await page.getByTestId('contacts-custom-filter-button').click();
    await page.getByTestId('contacts-custom-filter-field').selectOption(String(languageField));
    await page.locator('.custom-filter-form input').first().fill('German');
    await page.keyboard.press('Enter');
    const german = await ask(app.core, 'contacts.table', {
      customFilters: [{ fieldId: languageField, op: 'contains', text: 'German' }],
      pageSize: 5,
      sort: { field: 'name', direction: 'asc' },
    });
    await expect.poll(async () => Number(await page.getByTestId('contacts-count').getAttribute('data-total'))).toBe(german.total);
    expect(german.total).toBeLessThan(all.total);
    await expect.poll(() => page.getByTestId('contacts-row').first().innerText()).toContain(german.rows[0]!.name);
    expect(await page.getByTestId('contacts-row').first().innerText()).toContain('German');

    const summary = await runAxe(page);
    expect(summary.passes, 'axe ran').toBeGreaterThan(0);
    expect(seriousProblems(summary)).toEqual([]);

    await page.getByTestId('contacts-row').first().getByTestId('contact-account-link').click();
    await page.waitForURL(new RegExp(`#/accounts/${german.rows[0]!.accountId}$`));
    await page.close();
  });
});

describe('the tickets table', () => {
  it('shows each ticket’s account and times as the core counts them, and filters by status', async () => {
    const page = await app.open('tickets', { viewport: SIZES[0] });
    await page.getByTestId('tickets-row').first().waitFor();
    const all = await ask(app.core, 'tickets.table', { pageSize: 20 });
    expect(Number(await page.getByTestId('tickets-count').getAttribute('data-total'))).toBe(all.total);
    const answered = all.rows.findIndex((row) => row.firstResponseMinutes !== null);
    expect(answered).toBeGreaterThanOrEqual(0);
    const row = page.getByTestId('tickets-row').nth(answered);
    expect(await row.getByTestId('ticket-account-link').innerText()).toBe(all.rows[answered]!.accountName);
    expect(Number(await row.getByTestId('ticket-first-response').getAttribute('data-minutes'))).toBe(all.rows[answered]!.firstResponseMinutes);

    await page.getByTestId('tickets-filter-status').selectOption('open');
    const open = await ask(app.core, 'tickets.table', { filter: { status: 'open' }, pageSize: 1 });
    await expect.poll(async () => Number(await page.getByTestId('tickets-count').getAttribute('data-total'))).toBe(open.total);
    expect(await page.getByTestId('tickets-row').first().innerText()).toContain('Open');

    const summary = await runAxe(page);
    expect(seriousProblems(summary)).toEqual([]);
    await page.close();
  });
});

describe('both screens at two sizes, light and dark', () => {
  it('draw without sideways overflow (screenshots saved)', async () => {
    const overflowing: string[] = [];
    for (const id of ['contacts', 'tickets'])
      for (const viewport of SIZES)
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await app.open(id, { viewport, colorScheme });
          await page.getByTestId(`${id}-row`).first().waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          await app.screenshot(page, `table-${id}-${viewport.width}-${colorScheme}`);
          if (overflow > 0) overflowing.push(`${id} at ${viewport.width} ${colorScheme}: ${overflow} px`);
          await page.close();
        }
    expect(overflowing).toEqual([]);
  });
});
