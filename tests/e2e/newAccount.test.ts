import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

const focused = (page: import('playwright-core').Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

it('shows the core’s validation error beside the field, then creates the account and opens it', async () => {
  const page = await app.open('accounts');
  await page.getByTestId('account-new').click();
  await page.getByTestId('account-form').waitFor();
  expect(await focused(page)).toBe('input-name');
  await page.getByTestId('input-name').fill('Fjordline Analytics');
  await page.locator('[data-testid=field-segment] select').selectOption('mid_market');
  await page.getByTestId('input-owner').fill('Priya Raman');
  await page.getByTestId('input-arr').fill('12,500');
  await page.getByTestId('input-currency').fill('eur');
  await page.getByTestId('input-renewalDate').fill('2027-06-30');
  await page.getByTestId('input-grossMarginPct').fill('150');
  await page.getByTestId('input-name').press('Enter');

  // The core refuses 150 %; the message sits beside the field and the cursor goes there.
  const error = page.getByTestId('error-grossMarginPct');
  await error.waitFor();
  expect(await error.innerText()).toBe('must be between 0 and 100');
  await expect.poll(() => focused(page)).toBe('input-grossMarginPct');
  await app.screenshot(page, 'new-account-validation-error');

  await page.getByTestId('input-grossMarginPct').fill('35');
  expect(await error.count()).toBe(0);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/accounts\/\d+$/);
  await page.getByTestId('account-page').waitFor();
  expect(await page.getByTestId('account-name').innerText()).toBe('Fjordline Analytics');
  expect(await page.getByTestId('profile-arr').innerText()).toBe('€12,500.00 (EUR)');
  expect(await page.getByTestId('profile-segment').innerText()).toBe('Mid-market');
  expect(await page.getByTestId('profile-grossMarginPct').innerText()).toBe('35 %');
  expect(await page.getByTestId('timeline-empty').isVisible()).toBe(true);
  await app.screenshot(page, 'new-account-created');

  // Edit: the form opens with the stored values; Escape closes it without saving.
  await page.getByTestId('account-edit').click();
  await page.getByTestId('account-form').waitFor();
  expect(await page.getByTestId('input-arr').inputValue()).toBe('12,500');
  await page.getByTestId('input-owner').fill('Someone Else');
  await page.keyboard.press('Escape');
  expect(await page.getByTestId('account-form').count()).toBe(0);
  expect(await page.getByTestId('profile-owner').innerText()).toBe('Priya Raman');
  // Saving an edit shows it at once.
  await page.getByTestId('account-edit').click();
  await page.getByTestId('input-owner').fill('Tom Okoro');
  await page.getByTestId('input-employeeCount').fill('1,250');
  await page.getByTestId('account-form-submit').click();
  await page.getByTestId('account-form').waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('profile-owner').innerText()).toBe('Tom Okoro');
  expect(await page.getByTestId('profile-employeeCount').innerText()).toBe('1,250');
  await page.close();
});
