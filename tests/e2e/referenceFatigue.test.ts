import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150, 11));
});
afterAll(() => app?.close());

it('a completed request moves the reference to Excluded with the day it is available again', async () => {
  const open = await ask(app.core, 'deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 100 });
  let dealId = 0;
  for (const deal of open.rows) {
    if ((await ask(app.core, 'leverage.match', { dealId: deal.id })).ranked.length >= 2) {
      dealId = deal.id;
      break;
    }
  }
  expect(dealId).toBeGreaterThan(0);
  const page = await app.open(`references/finder/${dealId}`);
  await page.getByTestId('match-row').first().waitFor();
  const referenceId = Number(await page.getByTestId('match-row').first().getAttribute('data-reference-id'));
  const name = await page.getByTestId('match-name').first().innerText();
  await app.screenshot(page, 'reference-fatigue-before');

  // The call happens, all through the screens: asked for from the finder, then approved by the
  // owner, scheduled and completed in the Requests tab.
  await page.locator(`[data-testid=match-row][data-reference-id="${referenceId}"]`).getByTestId('request-reference').click();
  await page.getByTestId('request-requester').fill('Sam Seller');
  await page.getByTestId('request-submit').click();
  await page.getByTestId('request-notice').getByRole('link', { name: 'Open the requests' }).click();
  await page.getByTestId('requests-search').fill('Sam Seller');
  await expect.poll(() => page.getByTestId('requests-row').count()).toBe(1);
  await page.getByTestId('requests-row').click();
  const detail = page.getByTestId('request-detail');
  const status = detail.getByTestId('detail-status');
  await detail.getByTestId('detail-approve').click();
  await page.getByTestId('request-approve-submit').click();
  await expect.poll(() => status.innerText()).toBe('Approved');
  await detail.getByTestId('detail-schedule').click();
  await page.getByTestId('request-schedule-submit').click();
  await expect.poll(() => status.innerText()).toBe('Scheduled');
  await detail.getByTestId('detail-complete').click();
  await page.getByTestId('request-complete-dialog').getByTestId('input-rating').getByText('5', { exact: true }).click();
  await page.getByTestId('request-complete-submit').click();
  await expect.poll(() => status.innerText()).toBe('Completed');
  await page.keyboard.press('Escape');
  // Back to the finder for the same deal with the browser's Back button (past the request's own address).
  for (let steps = 0; steps < 4 && !page.url().includes('/finder/'); steps++) await page.goBack();
  expect(page.url()).toMatch(new RegExp(`#/references/finder/${dealId}$`));

  // The finder asks again: the reference is now held back by fatigue.
  const row = page.locator(`[data-testid=excluded-row][data-reference-id="${referenceId}"]`);
  await row.waitFor();
  expect(await row.getAttribute('data-gate')).toBe('fatigue');
  const availability = await ask(app.core, 'leverage.availability', { referenceId });
  expect(availability.available).toBe(false);
  expect(await row.getByTestId('excluded-reason').innerText()).toBe(availability.reason);
  expect(availability.reason).toMatch(/available from \d{1,2} \w+ \d{4}$/);
  const shown = await row.getByTestId('excluded-available').innerText();
  expect(shown).toBe(new Date(`${availability.availableFrom}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
  expect(await page.locator(`[data-testid=match-row][data-reference-id="${referenceId}"]`).count()).toBe(0);
  expect(await page.getByTestId('match-name').allInnerTexts()).not.toContain(name);
  await row.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'reference-fatigue-after');
  await page.close();
});
