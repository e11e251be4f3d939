// Issue 16 in the browser: "What satisfaction is worth" and the churn model on the dashboard, and an
// account's churn risk with its reasons on the account page; every expected value comes from the core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DEMO_YEARS } from '../../electron/core/demo';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  // The app's own demo: its history is APP_DEMO_YEARS long, so a demo user sees a backtest.
  app = await startApp(await demoWorkspace(150, 7, APP_DEMO_YEARS));
}, 240_000);
afterAll(() => app?.close());

const rounded = (x: number | null) => (x === null ? '—' : `${Math.round(x)} %`);

describe('what satisfaction is worth', () => {
  it('shows renewals by NPS group and the revenue at risk as the core computes them for the dashboard’s period', async () => {
    const portfolio = await ask(app.core, 'metrics.portfolio', {});
    const worth = await ask(app.core, 'churn.satisfactionRevenue', { from: portfolio.scope.from, to: portfolio.scope.to });
    const page = await app.open('');
    await page.setViewportSize({ width: 1280, height: 2400 });
    const section = page.getByTestId('satisfaction-worth');
    await section.getByTestId('worth-body').waitFor();
    expect(await section.getByTestId('worth-renewals').innerText()).toContain(`${worth.renewals} renewals due`);
    for (const group of worth.byNps.groups) {
      const row = section.getByTestId(`worth-nps-${group.group}`);
      expect(await row.getByTestId('n').innerText()).toBe(String(group.n));
      expect(await row.getByTestId('renewal').innerText()).toContain(rounded(group.renewalRate.value));
    }
    for (const [k, difference] of worth.byNps.differences.entries()) expect(await section.getByTestId('worth-nps-difference').nth(k).innerText()).toContain(difference.sentence);
    for (const band of worth.atRisk.byHealth)
      expect(await section.getByTestId(`worth-risk-health-${band.band}`).locator('td').nth(1).getAttribute('data-value')).toBe(String(band.arrMinor));
    await section.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'satisfaction-worth');
    await page.close();
  });

  it('follows the dashboard’s filters: a segment changes the section to the core’s figures for it, with the locale’s dates', async () => {
    const portfolio = await ask(app.core, 'metrics.portfolio', {});
    const all = await ask(app.core, 'churn.satisfactionRevenue', { from: portfolio.scope.from, to: portfolio.scope.to });
    const worth = await ask(app.core, 'churn.satisfactionRevenue', { from: portfolio.scope.from, to: portfolio.scope.to, segment: ['enterprise'] });
    // The filter must make a difference on this workspace, or the test proves nothing.
    expect(worth.renewals).toBeLessThan(all.renewals);
    expect(worth.renewals).toBeGreaterThan(0);
    const page = await app.open('');
    await page.setViewportSize({ width: 1280, height: 2400 });
    const section = page.getByTestId('satisfaction-worth');
    await section.getByTestId('worth-body').waitFor();
    await page.getByTestId('dashboard-segment').selectOption('enterprise');
    const renewals = section.getByTestId('worth-renewals');
    await expect.poll(() => renewals.innerText(), { timeout: 30_000 }).toContain(`${worth.renewals} renewals due`);
    for (const group of worth.byNps.groups) expect(await section.getByTestId(`worth-nps-${group.group}`).getByTestId('n').innerText()).toBe(String(group.n));
    for (const band of worth.atRisk.byHealth)
      expect(await section.getByTestId(`worth-risk-health-${band.band}`).locator('td').nth(1).getAttribute('data-value')).toBe(String(band.arrMinor));
    // Dates as every other card writes them ("Nov 1, 2024 – Oct 31, 2026"), never ISO.
    const text = `${await renewals.innerText()} ${await section.getByTestId('worth-at-risk').innerText()}`;
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain(String(Number(worth.to.slice(0, 4)) - (worth.to.slice(5) === '01-01' ? 1 : 0)));
    await section.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'satisfaction-worth-enterprise');
    await page.close();
  });
});

describe('the churn model', () => {
  it("starts empty, trains on a click, shows the backtest on the app's demo history beside the rule health score, and the account page shows the risk with reasons", async () => {
    const page = await app.open('');
    await page.setViewportSize({ width: 1280, height: 2400 });
    const card = page.getByTestId('churn-model');
    await card.getByText('No churn model yet').waitFor();
    await card.getByTestId('churn-train').click();
    await card.getByTestId('churn-model-version').waitFor({ timeout: 120_000 });
    const model = (await ask(app.core, 'churn.model', {}))!;
    expect(await card.getByTestId('churn-model-version').innerText()).toBe(model.version);
    const b = model.backtest;
    // The app's demo history is three years long: renewals decided more than a year before today train the
    // backtest's model (with the generator's two years there were none, and the card said "No backtest").
    expect(b.reason).toBeUndefined();
    await card.getByTestId('churn-backtest').waitFor();
    expect(await card.getByTestId('churn-backtest-model').locator('td').first().innerText()).toBe(b.model!.auc!.toFixed(3));
    expect(await card.getByTestId('churn-backtest-health').locator('td').first().innerText()).toBe(b.health!.auc!.toFixed(3));
    await card.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'churn-model');
    await page.close();

    // The riskiest customer's page: its probability and reasons, from the same model.
    const predictions = await Promise.all((await ask(app.core, 'accounts.list', { pageSize: 30 })).rows.map((a) => ask(app.core, 'churn.account', { id: a.id })));
    const top = predictions.filter((p) => p !== null).sort((a, b2) => b2.probability - a.probability)[0]!;
    const account = await app.open(`accounts/${top.accountId}`);
    await account.setViewportSize({ width: 1280, height: 1400 });
    const risk = account.getByTestId('churn-card');
    await risk.getByTestId('churn-probability').waitFor();
    expect(await risk.getByTestId('churn-probability').innerText()).toBe(`${(100 * top.probability).toFixed(1)} %`);
    expect(await risk.getByTestId('churn-card-model').innerText()).toBe(model.version);
    const reasons = await risk.locator('[data-testid=churn-reasons] li').allInnerTexts();
    expect(reasons).toEqual(top.reasons.map((r) => r.sentence));
    // What the model read of the account on its prediction's day, opened on a click: churn.features, value by value.
    const inputs = await ask(app.core, 'churn.features', { id: top.accountId, asOf: top.asOf.slice(0, 10) });
    await risk.getByTestId('churn-inputs').locator('summary').click();
    const table = risk.getByTestId('churn-inputs-table');
    await table.waitFor();
    expect(await table.locator('th').allInnerTexts()).toEqual(inputs.map((f) => f.label));
    expect(await table.locator('td').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')))).toEqual(inputs.map((f) => (f.value === null ? '' : String(f.value))));
    await risk.scrollIntoViewIfNeeded();
    await app.screenshot(account, 'churn-account');
    await account.close();
  }, 240_000);
});
