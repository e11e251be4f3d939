import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, seriousProblems } from './axe';
import { startApp, type App } from './harness';
import { accountOption } from './pickAccount';
import { ask, demoWorkspace } from './workspace';

// More accounts than the old assessment picker listed (its first 500 by name).
const ACCOUNTS = 600;

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(ACCOUNTS));
});
afterAll(() => app?.close());

describe('account picker (issue 15)', () => {
  it('finds the account that sorts last by searching, chooses it from the keyboard, and the assessment is stored for it', async () => {
    const first500 = await ask(app.core, 'accounts.list', { pageSize: 500, sort: { field: 'name', direction: 'asc' } });
    expect(first500.total).toBeGreaterThan(500);
    const [last] = (await ask(app.core, 'accounts.list', { pageSize: 1, sort: { field: 'name', direction: 'desc' } })).rows;
    expect(first500.rows.map((a) => a.id)).not.toContain(last!.id);

    const page = await app.open('assessments');
    await page.getByTestId('assessment-new').click();
    const dialog = page.getByTestId('new-assessment');
    await dialog.waitFor();
    const input = dialog.getByTestId('input-accountId-input');
    // The field's label names the combobox.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Account' }).count()).toBe(1);

    // Nothing matches: the picker says so, and Escape closes its list, not the dialog.
    await input.fill('qqqq no such account');
    await expect.poll(() => dialog.getByTestId('input-accountId-status').innerText()).toBe('No account matches “qqqq no such account”');
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await dialog.isVisible()).toBe(true);

    // Type its name; the matches are by name, so the one that sorts last overall is the last match.
    await input.fill(last!.name);
    await accountOption(dialog, 'input-accountId', last!.name).waitFor();
    await input.press('End');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('data-id')).toBe(String(last!.id));
    await app.screenshot(page, 'account-picker-search');
    // The open combobox passes axe (roles, names, the active descendant that exists).
    const axe = await runAxe(page);
    expect(axe.passes, 'axe ran').toBeGreaterThan(0);
    expect(seriousProblems(axe)).toEqual([]);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(last!.name);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    // Enter chose the account; it did not submit the dialog.
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByTestId('input-assessor').fill('Mara Quinn');
    await app.screenshot(page, 'account-picker-chosen');
    await dialog.getByTestId('new-assessment-submit').click();
    await page.waitForURL(/#\/assessments\/\d+\/answer$/);
    const id = Number(/assessments\/(\d+)/.exec(page.url())![1]);
    const stored = await ask(app.core, 'assessments.get', { id });
    expect(stored.assessment.accountId).toBe(last!.id);
    await page.close();
  });
});
