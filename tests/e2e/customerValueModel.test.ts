// Issue 16 end to end: the dashboard's customer value cards. Without purchases the customers-without-
// contracts card says what to import; after the CDNOW sample is imported (accounts, then purchases,
// through the import channels) it shows the core's customer equity, expected purchases, P(alive) and
// the top customers' CLV. On Settings the CLV convention, acquisition cost, purchase margin and the
// value-ratio weights are typed and saved, and the dashboard's CVA, CVR and CLV follow the core.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
let dbPath: string;
beforeAll(async () => {
  dbPath = await demoWorkspace(40);
  app = await startApp(dbPath);
});
afterAll(() => app?.close());

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
/** Money as en-US shows it, formatted here from the core's minor units (not by the app's formatter). */
const usd = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

async function dashboardCard(testId: string): Promise<Page> {
  const page = await app.open('dashboard', { viewport: { width: 1280, height: 1000 } });
  await page.getByTestId(testId).waitFor();
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  return page;
}

describe('customers without contracts (BG/NBD × Gamma-Gamma)', () => {
  it('says what to import while there are no purchases', async () => {
    expect((await ask(app.core, 'purchases.model', {})).status).toBe('empty');
    const page = await dashboardCard('card-purchase-model');
    await page.getByTestId('card-purchase-model-empty').waitFor();
    expect(await text(page, 'card-purchase-model-empty')).toContain('No purchases yet');
    expect(await text(page, 'card-purchase-model-empty')).toContain('Import › Purchases');
    await app.screenshot(page, 'dashboard-purchase-model-empty');
    await page.close();
  });

  it('shows the fitted model’s figures and the top customers, as the core computes them', async () => {
    // The bridge may read files in the workspace's folder: the sample goes there.
    const source = join(dirname(dbPath), 'CDNOW_sample.txt');
    copyFileSync(join(__dirname, '../fixtures/cdnow/CDNOW_sample.txt'), source);
    await ask(app.core, 'import.commit', {
      jobId: 'e2e-cdnow-accounts',
      path: source,
      into: 'accounts',
      policy: 'skip',
      mapping: { header: false, fields: { externalId: 'column2', name: 'column2' } },
    });
    await ask(app.core, 'import.commit', {
      jobId: 'e2e-cdnow-purchases',
      path: source,
      into: 'purchases',
      mapping: { header: false, fields: { account: 'column2', purchasedOn: 'column3', amountMinor: 'column5' } },
    });
    const model = await ask(app.core, 'purchases.model', { limit: 10 });
    expect(model.status).toBe('ok');
    const page = await dashboardCard('card-purchase-model');
    await page.getByTestId('purchase-model').waitFor();
    expect(Number(await page.getByTestId('purchase-equity').getAttribute('data-value'))).toBeCloseTo(model.totals!.customerEquityMinor!, 6);
    expect(await text(page, 'purchase-equity')).toBe(usd(model.totals!.customerEquityMinor!));
    expect(await text(page, 'purchase-clv-median')).toBe(usd(model.totals!.clvMedianMinor!));
    expect(await text(page, 'purchase-expected')).toBe(model.totals!.expectedPurchases.toFixed(1));
    expect(await text(page, 'purchase-alive')).toBe(`${(model.totals!.meanPAlive * 100).toFixed(1)} %`);
    expect(await text(page, 'purchase-fit')).toContain(`BG/NBD r ${model.bgnbd!.r.toFixed(3)}, α ${model.bgnbd!.alpha.toFixed(3)}`);
    const rows = page.locator('[data-testid=purchase-customers] tbody tr');
    expect(await rows.count()).toBe(model.rows.length);
    const top = model.rows[0]!;
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells).toEqual([top.accountName, String(top.x), top.expectedPurchases.toFixed(2), `${(top.pAlive * 100).toFixed(1)} %`, usd(top.clvMinor!)]);
    expect(await text(page, 'definition-clvPurchases')).toContain('Gamma-Gamma');
    await app.screenshot(page, 'dashboard-purchase-model');
    await page.close();
  });

  it('shows a customer’s own purchase value on its account page, as the core computes it', async () => {
    const top = (await ask(app.core, 'purchases.model', { limit: 1 })).rows[0]!;
    const own = await ask(app.core, 'purchases.model', { accountId: top.accountId });
    expect(own.rows).toHaveLength(1);
    const row = own.rows[0]!;
    const page = await app.open(`accounts/${top.accountId}`, { viewport: { width: 1280, height: 1000 } });
    await page.getByTestId('purchase-value').waitFor();
    await page.getByTestId('purchase-value-card').scrollIntoViewIfNeeded();
    const value = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));
    expect(await value('purchase-expected')).toBeCloseTo(row.expectedPurchases, 9);
    expect(await value('purchase-alive')).toBeCloseTo(row.pAlive, 9);
    expect(await value('purchase-spend')).toBeCloseTo(row.expectedSpendMinor!, 6);
    expect(await value('purchase-clv')).toBeCloseTo(row.clvMinor!, 6);
    // The CLV in whole dollars, as the dashboard's cards show money.
    const whole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
      Math.round(row.clvMinor!) / 100,
    );
    expect(await page.getByTestId('purchase-clv').innerText()).toBe(whole);
    expect(await page.getByTestId('purchase-alive').innerText()).toBe(`${Math.round(row.pAlive * 100)}%`);
    await app.screenshot(page, 'account-purchase-value');
    await page.close();
    // A demo account (a contract, no purchases) shows no such card.
    const contracted = (await ask(app.core, 'accounts.list', { pageSize: 1, filter: { segment: 'enterprise' } })).rows[0]!;
    expect((await ask(app.core, 'purchases.list', { accountId: contracted.id, limit: 1 })).total).toBe(0);
    const other = await app.open(`accounts/${contracted.id}`);
    await other.getByTestId('churn-card').waitFor();
    await other.waitForTimeout(1000);
    expect(await other.getByTestId('purchase-value-card').count()).toBe(0);
    await other.close();
  });
});

describe('CLV convention, acquisition cost and the value ratios from Settings', () => {
  it('typed on Settings, stored by the core, shown on the dashboard', async () => {
    // A value-map survey to compare against (its screen has its own test).
    await ask(app.core, 'settings.update', {
      valueMap: {
        competitor: 'Marque B',
        rounding: 'ratio-2dp',
        quality: [
          { name: 'reliability', weight: 50, ours: 8, theirs: 8 },
          { name: 'service', weight: 50, ours: 9, theirs: 6 },
        ],
        price: [{ name: 'purchase price', weight: 100, ours: 9, theirs: 7 }],
      },
    });
    const page = await app.open('settings', { viewport: { width: 1280, height: 1000 } });
    await page.getByTestId('settings-value').waitFor();
    await page.getByTestId('input-clvSurvival').selectOption('present');
    await page.getByTestId('input-acquisitionCost').fill('12.50');
    await page.getByTestId('input-purchaseMarginPct').fill('40');
    await page.getByTestId('input-cvrQuality').fill('0');
    await page.getByTestId('input-cvrPrice').fill('0');
    await page.getByTestId('settings-save').click();
    expect(await text(page, 'error-customerValue.cvrWeights.quality')).toBe('at least one weight must be above 0');
    await page.getByTestId('input-cvrQuality').fill('70');
    await page.getByTestId('input-cvrPrice').fill('30');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-notice').waitFor();
    await page.getByTestId('settings-value').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'settings-customer-value');
    expect((await ask(app.core, 'settings.get', {})).customerValue).toEqual({
      survival: 'present',
      acquisitionCostMinor: 1250,
      purchaseMarginPct: 40,
      cvrWeights: { quality: 70, price: 30 },
    });
    await page.close();

    const p = await ask(app.core, 'metrics.portfolio', {});
    const cv = p.value.customerValue!;
    const model = await ask(app.core, 'purchases.model', { limit: 10 });
    expect(model.acquisitionCostMinor).toBe(1250);
    const dash = await dashboardCard('card-value-ratios');
    await expect.poll(() => text(dash, 'cva')).toBe(cv.customerValueAdded!.value!.toFixed(2));
    expect(await text(dash, 'cvr')).toBe(cv.customerValueRatio!.value!.toFixed(2));
    expect(Number(await dash.getByTestId('cvr').getAttribute('data-value'))).toBeCloseTo(cv.customerValueRatio!.value!, 12);
    expect(await text(dash, 'clv-convention')).toBe(`present in year 1, r^(t−1); acquisition cost ${usd(1250)}`);
    expect(await text(dash, 'definition-clvPresent')).toContain('r^(t−1)');
    expect(await text(dash, 'definition-customerValueRatio')).toContain('80/20');
    await dash.getByTestId('purchase-model').waitFor();
    await expect.poll(() => text(dash, 'purchase-clv-median')).toBe(usd(model.totals!.clvMedianMinor!));
    await dash.getByTestId('card-value-ratios').scrollIntoViewIfNeeded();
    await app.screenshot(dash, 'dashboard-value-ratios');
    await dash.close();
  });
});
