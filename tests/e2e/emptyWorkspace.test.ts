import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  // A brand-new workspace: what a user sees before importing anything.
  const path = tempWorkspacePath('new.fulcrum');
  await (await testCore(path)).close();
  app = await startApp(path);
});
afterAll(() => app?.close());

it.each([
  ['journeys', 'journeys'],
  ['references/pipeline', 'references-pipeline'],
  ['references/finder', 'references-finder'],
  ['references/requests', 'references-requests'],
  ['references/candidates', 'references-candidates'],
  ['references/coverage', 'references-coverage'],
  ['references/influence', 'references-influence'],
  ['stories', 'stories'],
  ['assessments', 'assessments'],
])('opens %s on an empty workspace without an error, saying what to do', async (route, name) => {
  // The harness watches for page and console errors from before the first navigation, and fails
  // the test on any.
  const page = await app.open(route);
  await page.locator('main h1').first().waitFor();
  // Let the screen's first queries settle before judging it.
  await page.waitForLoadState('networkidle');
  expect(await page.locator('main [role=alert]').allInnerTexts()).toEqual([]);
  expect((await page.locator('main').innerText()).length).toBeGreaterThan(40);
  await app.screenshot(page, `empty-${name}`);
  await page.close();
});

it('leads with "Import your data" on the dashboard of a workspace with no account', async () => {
  const page = await app.open('dashboard');
  const notice = page.getByTestId('dashboard-workspace-empty');
  await notice.waitFor();
  expect(await page.getByTestId('dashboard-no-accounts').count()).toBe(0);
  await notice.getByRole('link', { name: 'Import your data' }).click();
  await page.getByTestId('import-choose').waitFor();
  await app.screenshot(page, 'empty-dashboard-to-import');
  await page.close();
});
