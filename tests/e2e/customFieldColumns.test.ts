import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomField } from '../../shared/contract/customFields';
import { tempWorkspacePath } from '../fixtures/core';
import { startApp, type App } from './harness';
import { ask } from './workspace';

// Issue 13: custom fields kept from an import are optional columns of the accounts table (the
// column menu), sortable and filterable by their type; the core pages and filters, and the rows
// on screen are the core's answer.

let app: App;
let fields: Record<string, CustomField>;
beforeAll(async () => {
  const dbPath = tempWorkspacePath();
  app = await startApp(dbPath);
  // The bridge reads files in the workspace's folder only.
  const file = join(dirname(dbPath), 'accounts.csv');
  copyFileSync(join(import.meta.dirname, '../fixtures/custom-fields/accounts.csv'), file);
  const result = await ask(app.core, 'import.commit', {
    jobId: 'e2e-custom',
    path: file,
    into: 'accounts',
    mapping: {
      fields: { externalId: 'Account ID', name: 'Company' },
      customFields: [
        { column: 'Plan', type: 'choice' },
        { column: 'Seats', type: 'number' },
        { column: 'Partner', type: 'bool' },
      ],
    },
  });
  expect(result.problems).toEqual([]);
  fields = Object.fromEntries((await ask(app.core, 'customFields.list', { recordKind: 'accounts' })).map((field) => [field.name, field]));
});
afterAll(() => app?.close());

const names = (page: Page) => page.locator('[data-testid=accounts-row] [data-column=name]').allInnerTexts();
const coreNames = async (input: Parameters<typeof ask<'accounts.table'>>[2]) => (await ask(app.core, 'accounts.table', { pageSize: 100, ...input })).rows.map((row) => row.name);

describe('custom fields in the accounts table', () => {
  it('are optional columns, sorted and filtered by the core', async () => {
    const page = await app.open('accounts');
    await page.getByTestId('accounts-row').first().waitFor();
    const seatsColumn = `custom.${fields.Seats!.id}`;
    // Hidden until chosen in the column menu.
    expect(await page.getByTestId(`accounts-header-${seatsColumn}`).count()).toBe(0);
    await page.getByTestId('accounts-columns-button').click();
    await page.getByTestId(`accounts-columns-${seatsColumn}`).check();
    await page.keyboard.press('Escape');
    const header = page.getByTestId(`accounts-header-${seatsColumn}`);
    await header.waitFor();

    // Sorted by the core: values first, in order, then the account without one.
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await coreNames({ customSort: { fieldId: fields.Seats!.id, direction: 'asc' } });
    await expect.poll(() => names(page)).toEqual(ascending);
    expect((await page.locator(`[data-testid=accounts-row] [data-column="${seatsColumn}"]`).allInnerTexts()).at(-1)).toBe('—');

    // A range filter, by keyboard: the core's total and rows.
    await page.getByTestId('accounts-custom-filter-button').click();
    await page.getByTestId('accounts-custom-filter-field').selectOption(String(fields.Seats!.id));
    await page.getByTestId('accounts-custom-filter-value').fill('10');
    await page.getByTestId('accounts-custom-filter-max').fill('120');
    await app.screenshot(page, 'accounts-custom-field-filter-form');
    await page.keyboard.press('Enter');
    const filter = {
      customFilters: [{ fieldId: fields.Seats!.id, op: 'range' as const, min: 10, max: 120 }],
      customSort: { fieldId: fields.Seats!.id, direction: 'asc' as const },
    };
    const matching = await ask(app.core, 'accounts.table', { pageSize: 100, ...filter });
    await expect.poll(() => page.getByTestId('accounts-count').innerText()).toBe(`${matching.total} of 6 accounts match`);
    await expect.poll(() => names(page)).toEqual(matching.rows.map((row) => row.name));
    await expect.poll(() => page.getByTestId('accounts-custom-filter-chip').innerText()).toMatch(/Seats between 10 and 120/);
    await app.screenshot(page, 'accounts-custom-field-filter');

    // A yes/no condition on top; then both removed with their chips' buttons.
    await page.getByTestId('accounts-custom-filter-button').click();
    await page.getByTestId('accounts-custom-filter-field').selectOption(String(fields.Partner!.id));
    await page.getByTestId('accounts-custom-filter-value').selectOption('yes');
    await page.getByTestId('accounts-custom-filter-add').click();
    const both = await ask(app.core, 'accounts.table', {
      pageSize: 100,
      ...filter,
      customFilters: [...filter.customFilters, { fieldId: fields.Partner!.id, op: 'equals', value: true }],
    });
    await expect.poll(() => names(page)).toEqual(both.rows.map((row) => row.name));
    const chips = page.getByTestId('accounts-custom-filter-chip');
    await chips.first().getByRole('button').click();
    await expect.poll(() => chips.count()).toBe(1);
    await chips.first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('accounts-count').innerText()).toBe('6 accounts');
  });
});
