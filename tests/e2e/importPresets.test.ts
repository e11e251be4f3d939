import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';
import { ask } from './workspace';

// Issue 13 end to end: an empty workspace opens the import wizard's "Import your data" start; a
// Salesforce export is recognised from its header, imported without touching the mapping, and its
// rows are viewed. Expected values come from the core.

const SAMPLE = join(import.meta.dirname, '../fixtures/import-presets/salesforce-accounts.csv');
const EVENT_LOG = join(import.meta.dirname, '../fixtures/import-presets/helpdesk-event-log.csv');
let app: App;
/** The sample inside the workspace's folder, where the bridge's file policy lets the core read it. */
let readable: string;
beforeAll(async () => {
  const path = tempWorkspacePath('empty.fulcrum');
  await (await testCore(path)).close();
  readable = join(dirname(path), 'Account.csv');
  copyFileSync(SAMPLE, readable);
  app = await startApp(path);
});
afterAll(() => app?.close());

async function chooseSample(page: Page) {
  await page.getByTestId('import-file').setInputFiles({ name: 'Account.csv', mimeType: 'text/csv', buffer: readFileSync(SAMPLE) });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor();
}

it('walks an empty workspace from "Import your data" to the imported accounts, with the preset detected', async () => {
  const page = await app.open('import', { viewport: { width: 1440, height: 1000 } });
  const start = page.getByTestId('import-start');
  await expect.poll(() => start.innerText()).toContain('Import your data');
  // Accounts first, then what depends on them, each step saying so.
  expect(await page.getByTestId('import-start-accounts').innerText()).toContain('0 so far');
  expect(await page.getByTestId('import-start-contacts').innerText()).toContain('Need accounts');
  expect(await page.getByTestId('import-start-surveyResponses').innerText()).toContain('Need contacts');
  await app.screenshot(page, 'import-start-empty-1440');

  await chooseSample(page);
  // Detected from the header, as the core detects it, and taken as the mapping.
  const detected = await ask(app.core, 'import.detect', { path: readable });
  expect(detected.best?.name).toBe('salesforce-accounts');
  await expect.poll(() => page.getByTestId('import-detected-preset').innerText()).toBe('salesforce-accounts');
  expect(await page.getByTestId('import-detected-confidence').innerText()).toContain(`${Math.round(detected.best!.confidence * 100)} %`);
  expect(await page.getByTestId('import-preset').inputValue()).toBe('salesforce-accounts');
  expect(await page.getByTestId('map-Name').inputValue()).toBe('name');
  // The preset keeps AnnualRevenue as a custom number field (a company's revenue is not its ARR).
  expect(await page.getByTestId('map-AnnualRevenue').inputValue()).toBe('custom:number');
  expect(await page.getByTestId('count-inserts').innerText()).toBe('3');
  expect(await page.getByTestId('count-errors').innerText()).toBe('0');
  await app.screenshot(page, 'import-detected-1440');
  await page.setViewportSize({ width: 1024, height: 900 });
  await app.screenshot(page, 'import-detected-1024');

  // Imported without touching the mapping; the stored rows shown, then in the accounts table.
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  const stored = (await ask(app.core, 'accounts.list', { pageSize: 10, sort: { field: 'name', direction: 'asc' } })).rows;
  expect(stored.map((account) => account.name)).toEqual(['Contoso Pharma', 'Fabrikam Logistics', 'Northwind Traders']);
  const shown = await page.getByTestId('import-imported-rows').innerText();
  for (const account of stored) expect(shown).toContain(account.name);
  await app.screenshot(page, 'import-presets-done-1024');
  await page.setViewportSize({ width: 1440, height: 1000 });
  await app.screenshot(page, 'import-presets-done-1440');
  await page.getByTestId('import-view-rows').click();
  await expect.poll(() => page.getByTestId('accounts-row').count()).toBe(3);
  await app.screenshot(page, 'import-presets-accounts-1440');

  // The columns the preset kept as custom fields are on the account page, as the core has them.
  const contoso = stored.find((account) => account.name === 'Contoso Pharma')!;
  const kept = await ask(app.core, 'customFields.values', { recordKind: 'accounts', recordId: contoso.id });
  // Salesforce's Type is the relationship (Customer - Channel), kept as 'Account type', not a segment.
  expect(kept.map((value) => value.name)).toEqual(['Annual revenue', 'Account type', 'Rating']);
  await page.evaluate((id) => (window.location.hash = `#/accounts/${id}`), contoso.id);
  const card = page.getByTestId('custom-fields');
  await expect.poll(() => card.getByTestId('custom-field').count()).toBe(3);
  expect(await card.innerText()).toContain('Annual revenue');
  expect(await card.innerText()).toContain('Customer - Channel');
  expect(await card.innerText()).toContain('Warm');
  await card.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'import-presets-custom-fields-1440');

  // Back at the start, accounts are done: contacts come next.
  await page.getByTestId('nav-import').click();
  await expect.poll(() => page.getByTestId('import-start-accounts').innerText()).toContain('3 so far');
  expect(await page.getByTestId('import-start').innerText()).not.toContain('Import your data');
  await page.close();
});

it('reads a help-desk event log as tickets: the activities found are proposed, the user names the first response and the resolving ones', async () => {
  const page = await app.open('import', { viewport: { width: 1440, height: 1100 } });
  await page.getByTestId('import-target').selectOption('tickets');
  await page.getByTestId('import-file').setInputFiles({ name: 'helpdesk.csv', mimeType: 'text/csv', buffer: readFileSync(EVENT_LOG) });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-event-log').waitFor();
  await expect.poll(() => page.getByTestId('import-duplicate-headers').innerText()).toContain("'Variant'");
  await page.getByTestId('import-event-log-on').check();
  const activities = page.getByTestId('import-event-activities');
  await expect.poll(() => activities.locator('tbody tr').count()).toBe(6);
  await page.getByLabel('Take in charge ticket is the first response').check();
  await page.getByLabel('Resolve ticket resolves the ticket').check();
  await page.getByLabel('Closed resolves the ticket').check();
  await expect.poll(() => page.getByTestId('count-inserts').innerText()).toBe('3');
  expect(await page.getByTestId('count-errors').innerText()).toBe('0');
  await app.screenshot(page, 'import-event-log-1440');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  const tickets = (await ask(app.core, 'tickets.list', { pageSize: 10, sort: { field: 'openedAt', direction: 'asc' } })).rows;
  expect(tickets.map((ticket) => [ticket.externalId, ticket.status, ticket.firstResponseAt !== null, ticket.resolvedAt !== null])).toEqual([
    ['Case 1', 'solved', true, true],
    ['Case 2', 'open', true, false],
    ['Case 3', 'solved', false, true],
  ]);
  expect(await page.getByTestId('import-imported-rows').innerText()).toContain('Case 2');
  await page.close();
});
