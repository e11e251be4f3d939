import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(10));
});
afterAll(() => app?.close());

it('shows the coming state for the sections that are not built yet', async () => {
  const page = await app.open('accounts');
  for (const [path, label] of [
    ['journeys', 'Journeys'],
    ['references', 'References'],
    ['stories', 'Stories'],
    ['assessments', 'Assessments'],
  ] as const) {
    await page.getByTestId(`nav-${path}`).click();
    const coming = page.getByTestId('coming-soon');
    await expect.poll(() => coming.locator('h1').innerText()).toBe(label);
    expect(await page.getByTestId(`nav-${path}`).getAttribute('aria-current')).toBe('page');
    if (path === 'journeys') await app.screenshot(page, 'coming-soon-journeys');
  }
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('accounts-row').first().waitFor();
  await page.close();
});

it('opens on the dashboard', async () => {
  const page = await app.open();
  await page.getByTestId('dashboard').waitFor();
  expect(await page.getByTestId('nav-dashboard').getAttribute('aria-current')).toBe('page');
  await page.close();
});
