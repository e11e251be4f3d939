import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';
import { ask } from './workspace';

let app: App;
beforeAll(async () => {
  // Accounts and nothing else: no surveys, no tickets, no history.
  const path = tempWorkspacePath('empty.fulcrum');
  const core = await testCore(path);
  for (const [name, segment] of [
    ['Alder Labs', 'smb'],
    ['Birch Systems', 'enterprise'],
    ['Cedar Group', 'mid_market'],
  ] as const) {
    await core.call('accounts.create', { name, segment, arrMinor: 1_200_000, currency: 'USD' });
  }
  await core.close();
  app = await startApp(path);
});
afterAll(() => app?.close());

it('says there are no answers rather than showing 0', async () => {
  const page = await app.open('dashboard');
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.getByTestId('kpi-nps-missing').waitFor();
  for (const id of ['nps', 'csat', 'nsat', 'ces']) {
    expect(await page.getByTestId(`kpi-${id}-missing`).innerText()).toMatch(/^No answers in this period/);
    expect(await page.getByTestId(`kpi-${id}-value`).count()).toBe(0);
    expect(await page.getByTestId(`kpi-${id}-n`).innerText()).toBe('n = 0 answers');
  }
  expect(await page.getByTestId('kpi-firstResponseMedian-missing').innerText()).toMatch(/^No answered tickets in this period/);
  expect(await page.getByTestId('chart-nps-trend-empty').innerText()).toBe('No NPS answers in this period.');
  expect(await page.getByTestId('chart-topics-empty').innerText()).toBe('No tickets with a topic in this period.');
  // The definition panel of an empty card says why there is no figure.
  await page.getByTestId('kpi-csat-help').click();
  expect(await page.getByTestId('definition-headline').innerText()).toBe('No answers in this period');
  expect(await page.getByTestId('definition-n').innerText()).toBe('n = 0 answers');
  await page.keyboard.press('Escape');
  await app.screenshot(page, 'dashboard-empty');
  await page.close();
});

it('shows an account without data as "insufficient data", every component saying what it lacks', async () => {
  const { rows } = await ask(app.core, 'accounts.list', { search: 'Alder Labs' });
  const page = await app.open(`accounts/${rows[0]!.id}`);
  await page.getByTestId('health-insufficient').waitFor();
  expect(await page.getByTestId('health-band').innerText()).toBe('Insufficient data');
  expect(await page.getByTestId('health-score').innerText()).toBe('—');
  expect(await page.getByTestId('health-reason').innerText()).toMatch(/coverage 0 %/);
  expect(await page.getByTestId('health-component-satisfaction').getByTestId('component-score').innerText()).toBe('No data');
  expect(await page.getByTestId('account-nps-value').innerText()).toBe('No answers');
  await page.getByTestId('satisfaction-history-empty').waitFor();
  await app.screenshot(page, 'account-empty');
  await page.close();
});
