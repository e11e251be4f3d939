import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// The CSM's portfolio (issue 15): say who I am in Settings, then "my accounts" in the accounts table
// and on the dashboard; the accounts table's figures sort as the core sorts them; the at-risk list
// pages through its whole band. Expected values come from the core.

let app: App;
let owner: string;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  // An owner with amber accounts, so the dashboard's list has something of theirs to show.
  owner = (await ask(app.core, 'accounts.atRisk', { band: 'amber', pageSize: 100 })).rows.find((row) => row.owner)!.owner!;
});
afterAll(() => app?.close());

const column = (page: Page, id: string) => page.locator(`[data-testid=accounts-row] [data-column=${id}]`).allInnerTexts();

describe('the CSM’s portfolio', () => {
  it('says who I am once, in Settings, and filters "my accounts" by it', async () => {
    expect(await ask(app.core, 'identity.get', {})).toBeNull();
    const settings = await app.open('settings');
    await settings.getByTestId('identity-name').fill(owner);
    await settings.getByTestId('identity-email').fill('not-an-address');
    await settings.getByTestId('settings-save').click();
    await expect.poll(() => settings.getByTestId('error-identity.email').innerText()).toMatch(/e-mail address/);
    expect(await ask(app.core, 'identity.get', {})).toBeNull();
    await settings.getByTestId('identity-email').fill('me@example.com');
    await settings.getByTestId('settings-save').click();
    await settings.getByTestId('settings-notice').waitFor();
    expect(await ask(app.core, 'identity.get', {})).toEqual({ name: owner, email: 'me@example.com', role: 'csm' });

    const accounts = await app.open('accounts');
    await accounts.getByTestId('accounts-row').first().waitFor();
    await accounts.getByTestId('filter-mine').check();
    const mine = await ask(app.core, 'accounts.table', { pageSize: 500, filter: { mine: true } });
    await expect.poll(() => accounts.getByTestId('accounts-count').getAttribute('data-total')).toBe(String(mine.total));
    expect(new Set(await column(accounts, 'owner'))).toEqual(new Set([owner]));
    await app.screenshot(accounts, 'portfolio-my-accounts');

    // The dashboard: "my accounts" in the owner filter, the at-risk list follows it.
    const dashboard = await app.open('dashboard');
    await dashboard.getByTestId('dashboard-owner').selectOption('@mine');
    const amber = await ask(app.core, 'accounts.atRisk', { band: 'amber', scope: { mine: true }, pageSize: 20 });
    const red = await ask(app.core, 'accounts.atRisk', { band: 'red', scope: { mine: true }, pageSize: 20 });
    const shown = red.total > 0 ? red : amber;
    await expect.poll(() => dashboard.getByTestId('at-risk-count').getAttribute('data-total')).toBe(String(shown.total));
    const portfolio = await ask(app.core, 'metrics.portfolio', { owner: [owner] });
    await expect.poll(() => dashboard.getByTestId('dashboard-scope').innerText()).toContain(`${portfolio.accounts} accounts`);
    await app.screenshot(dashboard, 'portfolio-dashboard-mine');
  });

  it('sorts the accounts table by health, last touch and NPS as the core does', async () => {
    const page = await app.open('accounts');
    await page.getByTestId('accounts-row').first().waitFor();
    for (const field of ['healthScore', 'lastTouchAt', 'nps'] as const) {
      const header = page.getByTestId(`accounts-header-${field}`);
      await header.getByRole('button').click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
      const expected = (await ask(app.core, 'accounts.table', { pageSize: 8, sort: { field, direction: 'asc' } })).rows.map((row) => row.name);
      await expect.poll(async () => (await column(page, 'name')).slice(0, 8)).toEqual(expected);
    }
    await app.screenshot(page, 'portfolio-accounts-by-nps');
  });

  it('pages through every account of the band in the at-risk list, with reasons as sentences', async () => {
    const page = await app.open('dashboard');
    await page.locator('label', { has: page.getByTestId('at-risk-band-amber') }).click();
    const first = await ask(app.core, 'accounts.atRisk', { band: 'amber', pageSize: 20 });
    expect(first.total).toBeGreaterThan(20);
    await expect.poll(() => page.getByTestId('at-risk-count').getAttribute('data-total')).toBe(String(first.total));
    const names = () => page.locator('[data-testid=at-risk-row] td[data-column=name]').allInnerTexts();
    await expect.poll(async () => (await names()).map((n) => n.split('\n')[0])).toEqual(first.rows.map((r) => r.name));
    expect(await page.locator('[data-testid=at-risk-row] td[data-column=reasons]').first().innerText()).toContain(first.rows[0]!.reasons[0]!);
    await page.getByTestId('at-risk-next').click();
    const second = await ask(app.core, 'accounts.atRisk', { band: 'amber', page: 2, pageSize: 20 });
    await expect.poll(async () => (await names()).map((n) => n.split('\n')[0])).toEqual(second.rows.map((r) => r.name));
    expect(await page.getByTestId('at-risk-page').innerText()).toBe(`Page 2 of ${Math.ceil(first.total / 20)}`);
    await app.screenshot(page, 'portfolio-at-risk-page-2');
  });
});
