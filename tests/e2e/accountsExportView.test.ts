import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 15: "Export view" on the accounts table with "My accounts", a health band and a sort by
// health writes exactly the rows the table shows, in its order (it used to drop those filters).
// Expected rows come from the core's accounts.table.

let app: App;
let owner: string;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  owner = (await ask(app.core, 'accounts.table', { pageSize: 1, filter: { healthBand: 'amber' }, sort: { field: 'owner', direction: 'asc' } })).rows[0]!.owner!;
  await ask(app.core, 'identity.set', { name: owner, email: '', role: 'csm' });
});
afterAll(() => app?.close());

/** RFC 4180 records: quoted cells may hold commas ("north, priority") and doubled quotes. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  for (const line of text
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/)) {
    const cells = [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"'));
    records.push(cells);
  }
  return records;
}

describe('accounts table: Export view', () => {
  it('writes the rows "My accounts" and the health band select, sorted by health, with the health as of', async () => {
    const page = await app.open('accounts');
    await page.getByTestId('accounts-row').first().waitFor();
    await page.getByTestId('filter-mine').check();
    await page.getByTestId('filter-band').selectOption('amber');
    await page.getByTestId('accounts-header-healthScore').getByRole('button').click();
    const shown = await ask(app.core, 'accounts.table', { pageSize: 500, filter: { mine: true, healthBand: 'amber' }, sort: { field: 'healthScore', direction: 'asc' } });
    expect(shown.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('accounts-count').getAttribute('data-total')).toBe(String(shown.total));
    await expect.poll(() => page.locator('[data-testid=accounts-row] [data-column=name]').allInnerTexts()).toEqual(shown.rows.map((row) => row.name));
    // The health column says when its scores were taken.
    expect(await page.getByTestId('accounts-health-as-of').innerText()).toMatch(/^Health scores as of /);
    expect(await page.locator('[data-testid=accounts-row] [data-column=healthScore] .health-cell').first().getAttribute('title')).toMatch(/, as of /);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('accounts-export').click()]);
    const [columns, ...lines] = csvRecords(readFileSync(await download.path(), 'utf8'));
    expect(columns).toEqual(expect.arrayContaining(['Name', 'Owner', 'Health score', 'Health band', 'Health as of']));
    const cell = (line: string[], name: string) => line[columns!.indexOf(name)];
    expect(lines.length).toBe(shown.total);
    // The file's rows are the table's rows, in its order.
    expect(lines.map((line) => cell(line, 'Name'))).toEqual(shown.rows.map((row) => row.name));
    expect(new Set(lines.map((line) => cell(line, 'Owner')))).toEqual(new Set([owner]));
    expect(new Set(lines.map((line) => cell(line, 'Health band')))).toEqual(new Set(['Amber']));
    await app.screenshot(page, 'accounts-export-view-mine-amber');
  });
});
