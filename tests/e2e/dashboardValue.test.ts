// Customer value end to end: a value-map survey typed on Settings (rows added, weights summed,
// mistakes shown beside their fields) becomes the dashboard's value map with its definition panel;
// the customer equity panel lists the cohort-form CLV of each start-year cohort.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(60));
});
afterAll(() => app?.close());

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/** metrics.md, the luxury-car price profile; two quality attributes beside it. */
const PRICE = [
  ['purchase price', '60', '9', '7'],
  ['trade-in value', '20', '6', '6'],
  ['resale value', '10', '9', '8'],
  ['finance rate', '10', '7', '7'],
];
const QUALITY = [
  ['performance', '40', '8', '8'],
  ['dealer service', '60', '9', '6'],
];

async function fillRows(page: Page, kind: 'quality' | 'price', rows: string[][]) {
  for (const [i, row] of rows.entries()) {
    await page.getByTestId(`add-${kind}`).click();
    for (const [k, field] of (['name', 'weight', 'ours', 'theirs'] as const).entries()) {
      await page.getByTestId(`input-valueMap.${kind}.${i}.${field}`).fill(row[k]!);
    }
  }
}

describe('customer value', () => {
  it('says what to enter until there is a survey', async () => {
    const page = await app.open('dashboard');
    await page.getByTestId('chart-value-map-empty').waitFor();
    expect(await text(page, 'chart-value-map-empty')).toContain('no value-map survey');
    await page.close();
  });

  it('takes a value-map survey on Settings and shows it on the dashboard, attribute by attribute', async () => {
    const page = await app.open('settings');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.getByTestId('settings-value-map').waitFor();
    await page.getByTestId('input-valueMap-competitor').fill('Marque B');
    await page.getByTestId('input-valueMap-rounding').selectOption('ratio-2dp');
    await fillRows(page, 'price', PRICE);
    await fillRows(page, 'quality', QUALITY);
    expect(await text(page, 'weight-sum-price')).toBe('Weights sum to 100');
    // A mistake, shown beside its field; a row removed changes the sum.
    await page.getByTestId('input-valueMap.price.1.theirs').fill('0');
    await page.getByTestId('add-quality').click();
    await page.getByTestId('input-valueMap.quality.2.weight').fill('25');
    expect(await text(page, 'weight-sum-quality')).toBe('Weights sum to 125 — rescaled to 100');
    await page.getByTestId('settings-save').click();
    expect(await text(page, 'error-valueMap.price.1.theirs')).toBe('must be above 0 (it divides)');
    expect(await text(page, 'error-valueMap.quality.2.name')).toBe('is required');
    await page.getByTestId('settings-value-map').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'settings-value-map-errors');
    expect((await ask(app.core, 'settings.get', {})).valueMap.price).toEqual([]);

    await page.getByTestId('input-valueMap.price.1.theirs').fill('6');
    await page.getByTestId('remove-quality-2').click();
    expect(await text(page, 'weight-sum-quality')).toBe('Weights sum to 100');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-notice').waitFor();
    const stored = (await ask(app.core, 'settings.get', {})).valueMap;
    expect(stored).toMatchObject({ competitor: 'Marque B', rounding: 'ratio-2dp' });
    expect(stored.price.map((a) => [a.name, a.weight, a.ours, a.theirs])).toEqual(PRICE.map(([n, w, o, t]) => [n, +w!, +o!, +t!]));
    await page.getByTestId('settings-value-map').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'settings-value-map');

    await page.goto(`${app.bridge.url}/#/dashboard`);
    await page.setViewportSize({ width: 1280, height: 2600 });
    await page.locator('[data-testid=chart-value-map] svg').first().waitFor();
    expect(await text(page, 'value-map-summary')).toBe('Better value: quality 130.0 vs price 84.2 (+45.8)');
    await page.getByTestId('chart-value-map').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400); // chart animation
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('chart-value-map').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'dashboard-value-map');

    await page.getByTestId('chart-value-map-help').click();
    await page.getByTestId('definition-panel').waitFor();
    const names = await page.getByTestId('definition-name').allInnerTexts();
    expect(names).toEqual(['Relative quality / price (value map)', 'Value advantage (value map)']);
    const figures = await text(page, 'definition-figures');
    expect(figures).toContain('Price satisfaction\t118.7');
    expect(figures).toContain('Relative price\t84.2');
    expect(figures).toContain('Price: purchase price (weight 60)\t1.29 → 77.4');
    expect(figures).toContain('ratios rounded to 2 decimals');
    await app.screenshot(page, 'dashboard-definition-value-map');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('lists the cohort-form CLV of each start-year cohort in the customer equity panel', async () => {
    const p = await ask(app.core, 'metrics.portfolio', {});
    const cohorts = p.value.clvCohorts!;
    expect(cohorts.length).toBeGreaterThan(0);
    const page = await app.open('dashboard');
    await page.getByTestId('kpi-customerEquity-help').click();
    await page.getByTestId('definition-panel').waitFor();
    const rows = page.locator('[data-testid=definition-figures] tr', { hasText: 'cohort (cohort form)' });
    expect(await rows.count()).toBe(cohorts.length);
    const last = cohorts.at(-1)!;
    expect(await rows.last().innerText()).toContain(`CLV, ${last.cohort} cohort (cohort form)`);
    expect(await rows.last().innerText()).toContain(`n = ${last.size} accounts`);
    await app.screenshot(page, 'dashboard-definition-customer-equity');
    await page.close();
  });
});
