import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInteger } from '../../shared/format/format';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 13's last parts on the Import screen: the preview of references shows the account and the
// contact e-mail each row will be stored with (and a second reference for one account as a problem);
// a purchases file whose customers are not accounts yet either reports them or, ticked, creates them;
// a large workbook previews its head at once and says so. Expected words and figures are the core's.

let app: App;
let folder: string;
beforeAll(async () => {
  const path = await demoWorkspace(20);
  folder = dirname(path);
  app = await startApp(path);
});
afterAll(() => app?.close());

/** The file beside the workspace (where the bridge lets the core read it) and the same bytes for the page's file input. */
function besideWorkspace(name: string, content: string | Buffer) {
  const path = join(folder, name);
  writeFileSync(path, content);
  return { path, file: { name, mimeType: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', buffer: readFileSync(path) } };
}

async function openPreview(target: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const page = await app.open('import');
  await page.setViewportSize({ width: 1440, height: 1200 });
  await page.getByTestId('import-target').selectOption(target);
  await page.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => page.getByTestId('import-file-name').innerText()).toContain(file.name);
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor({ timeout: 60_000 });
  return page;
}

describe('the Import screen', () => {
  it('previews references with their account and contact e-mail, and a second reference for one account as a problem', async () => {
    const account = await ask(app.core, 'accounts.create', { name: 'Previewhaus GmbH', externalId: 'E2E-PREVIEW' });
    for (const [name, email] of [
      ['Petra Preview', 'petra@previewhaus.example'],
      ['Paul Preview', 'paul@previewhaus.example'],
    ] as const)
      await ask(app.core, 'contacts.create', { accountId: account.id, name, email });
    const { path, file } = besideWorkspace('references-preview.csv', 'Account,Contact Email\nE2E-PREVIEW,petra@previewhaus.example\nE2E-PREVIEW,paul@previewhaus.example\n');
    const expected = await ask(app.core, 'import.preview', { path, into: 'references' });
    expect(expected.rows[0]).toMatchObject({ account: 'Previewhaus GmbH', contactEmail: 'petra@previewhaus.example' });
    expect(expected.problems).toHaveLength(1);

    const page = await openPreview('references', file);
    const table = page.getByTestId('import-preview-rows');
    const headers = await table.locator('thead th').allInnerTexts();
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells[headers.indexOf('Account')]).toBe(expected.rows[0]!.account);
    expect(cells[headers.indexOf('Contact e-mail')]).toBe(expected.rows[0]!.contactEmail);
    expect(await page.getByTestId('import-problem').first().innerText()).toContain(expected.problems[0]!.message);
    await app.screenshot(page, 'import-references-preview-cells');
    await page.close();
  });

  it('creates the accounts of a purchases file when asked, after reporting them', async () => {
    const csv = 'Order,Customer,Date,Amount\nE2E-O-1,SHOP-CUST-1,2026-03-01,19.90\nE2E-O-2,SHOP-CUST-2,2026-03-02,5.00\nE2E-O-3,SHOP-CUST-1,2026-03-09,7.50\n';
    const { path, file } = besideWorkspace('shop-orders.csv', csv);
    // Mapped automatically, as the wizard does.
    const reported = await ask(app.core, 'import.preview', { path, into: 'purchases' });
    expect(reported.mapping.fields).toMatchObject({ externalId: 'Order', account: 'Customer', purchasedOn: 'Date', amountMinor: 'Amount' });
    const created = await ask(app.core, 'import.preview', { path, into: 'purchases', mapping: { ...reported.mapping, createAccounts: true } });
    expect(created.accountsCreated).toEqual({ count: 2, names: ['SHOP-CUST-1', 'SHOP-CUST-2'] });

    const page = await openPreview('purchases', file);
    await expect.poll(() => page.getByTestId('count-errors').innerText()).toBe(formatInteger(reported.counts.errors));
    expect(await page.getByTestId('import-problem').first().innerText()).toContain(reported.problems[0]!.message);
    // The choice, by keyboard: focus the checkbox and press Space.
    const box = page.getByTestId('import-create-accounts').locator('input');
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    const banner = page.getByTestId('import-accounts-created');
    await banner.waitFor();
    await expect.poll(() => page.getByTestId('count-errors').innerText()).toBe('0');
    const text = await banner.innerText();
    for (const name of created.accountsCreated!.names) expect(text).toContain(name);
    expect(text).toContain(formatInteger(created.accountsCreated!.count));
    await app.screenshot(page, 'import-purchases-create-accounts');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-done-accounts-created').innerText()).toContain('SHOP-CUST-1');
    await app.screenshot(page, 'import-purchases-create-accounts-done');
    const stored = await ask(app.core, 'accounts.list', { search: 'SHOP-CUST', pageSize: 10 });
    expect(stored.rows.map((row) => row.name).sort()).toEqual(['SHOP-CUST-1', 'SHOP-CUST-2']);
    await page.close();
  });

  it('previews the head of a large workbook and says how much it checked', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Accounts');
    sheet.addRow(['Account ID', 'Account Name', 'Employees']);
    for (let r = 1; r <= 12_000; r++) sheet.addRow([`XL-${r}`, `Workbook account ${r}`, r % 300]);
    const { path, file } = besideWorkspace('large-accounts.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const expected = await ask(app.core, 'import.preview', { path, into: 'accounts' });
    expect(expected.head?.rows).toBeGreaterThan(0);

    const page = await openPreview('accounts', file);
    const note = await page.getByTestId('import-preview-head').innerText();
    expect(note).toContain(`Checked the first ${formatInteger(expected.head!.rows)} of about`);
    // The commit reads every row, not the head's.
    expect(await page.getByTestId('import-commit').innerText()).toBe('Import the whole file');
    expect(await page.getByTestId('import-counts').innerText()).toContain(formatInteger(expected.counts.rows));
    await app.screenshot(page, 'import-xlsx-head');
    await page.close();
  });
});
