// The core dying under the app (issue 14): the harness runs it in a worker, as `npm run web` does.
// Killed, it is started again, the page says so in its banner, and the next action works.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';
import { ask } from './workspace';

let app: App;
beforeAll(async () => {
  const path = tempWorkspacePath('restart.fulcrum');
  const core = await testCore(path);
  await core.call('accounts.create', { name: 'Before the crash' });
  await core.close();
  app = await startApp(path);
});
afterAll(() => app?.close());

it('shows that the core stopped and was started again, and the app keeps working', async () => {
  const page = await app.open('accounts');
  await page.getByText('Before the crash').first().waitFor();
  await app.core.process.kill();
  const banner = page.getByTestId('core-banner');
  await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 60_000 }).toBe('restarted');
  expect(await banner.innerText()).toContain('was started again');
  await app.screenshot(page, 'core-restarted-banner');
  // The next call goes to the new core: a write through it shows up on the page.
  await ask(app.core, 'accounts.create', { name: 'After the restart' });
  await page.getByText('After the restart').first().waitFor();
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => banner.count()).toBe(0);
});
