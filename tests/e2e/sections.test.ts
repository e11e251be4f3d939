import { afterAll, beforeAll, expect, it } from 'vitest';
import { SECTIONS } from '../../renderer/src/app/router';
import { startApp, type App } from './harness';
import { demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(10));
});
afterAll(() => app?.close());

it('opens a built screen for every section of the sidebar', async () => {
  const page = await app.open('accounts');
  for (const section of SECTIONS) {
    await page.getByTestId(`nav-${section.path}`).click();
    await expect.poll(() => page.getByTestId(`nav-${section.path}`).getAttribute('aria-current')).toBe('page');
    await page.locator('main h1').first().waitFor();
    expect(await page.getByTestId('not-found').count(), section.path).toBe(0);
  }
  await page.close();
});

it('says so for an address no screen answers, with the way back', async () => {
  const page = await app.open('no-such-screen/7');
  await expect.poll(() => page.getByTestId('not-found').innerText()).toContain('#/no-such-screen/7');
  await app.screenshot(page, 'not-found');
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await page.getByTestId('dashboard').waitFor();
  await page.close();
});

it('opens on the dashboard', async () => {
  const page = await app.open();
  await page.getByTestId('dashboard').waitFor();
  expect(await page.getByTestId('nav-dashboard').getAttribute('aria-current')).toBe('page');
  await page.close();
});
