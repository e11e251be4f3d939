import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { largeWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await largeWorkspace(20_000));
});
afterAll(() => app?.close());

const names = (page: import('playwright-core').Page) => page.locator('[data-testid=accounts-row] [data-column=name]').allInnerTexts();

it('keeps 20,000 accounts reachable: only the rows on screen are drawn, pages load where the user scrolls', async () => {
  const page = await app.open('accounts');
  await page.getByTestId('accounts-row').first().waitFor();
  expect(await page.getByTestId('accounts-count').innerText()).toBe('20,000 accounts');
  // A few dozen rows in the DOM, not twenty thousand.
  expect(await page.locator('tbody tr').count()).toBeLessThan(80);

  // Drag the scrollbar to the middle: the rows there arrive and are the right ones.
  await page.locator('.dt-scroll').evaluate((el) => (el.scrollTop = 40 * 10_000));
  await expect.poll(async () => (await names(page)).some((name) => name === 'Account 10010')).toBe(true);
  await app.screenshot(page, 'accounts-20000-middle');

  // End jumps to the very last account.
  await page.getByTestId('accounts-row').first().focus();
  await page.keyboard.press('End');
  await expect.poll(async () => (await names(page)).at(-1)).toBe('Account 20000');
  await page.keyboard.press('Home');
  await expect.poll(async () => (await names(page))[0]).toBe('Account 00001');
  await page.close();
});
