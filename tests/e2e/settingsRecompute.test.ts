// Recompute progress a user can see: on a workspace large enough to take a while, the progress bar
// on Settings moves (a value below its maximum reaches the page) before the recompute is done.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { largeWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await largeWorkspace(20_000));
});
afterAll(() => app?.close());

it('shows the recompute progress moving, then done', async () => {
  const page = await app.open('settings');
  await page.getByTestId('recompute-start').waitFor();
  // Record every state of the progress bar as the page draws it, with whether "done" was showing.
  await page.evaluate(() => {
    const seen: { now: number; max: number; done: boolean }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid=recompute-progress] [role=progressbar]');
      const now = bar?.getAttribute('aria-valuenow');
      const max = bar?.getAttribute('aria-valuemax');
      if (now && max) seen.push({ now: Number(now), max: Number(max), done: document.querySelector('[data-testid=recompute-done]') !== null });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.getByTestId('recompute-start').click();
  // A frame of the bar part-way, to look at.
  await page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid=recompute-progress] [role=progressbar]');
    return bar !== null && Number(bar.getAttribute('aria-valuenow')) < Number(bar.getAttribute('aria-valuemax'));
  });
  await app.screenshot(page, 'settings-recompute-progress');
  await page.getByTestId('recompute-done').waitFor();
  const seen = await page.evaluate(() => (window as unknown as { __progress: { now: number; max: number; done: boolean }[] }).__progress);
  const partial = seen.filter((s) => s.now < s.max && !s.done);
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.every((s) => s.max === 20_000)).toBe(true);
  // It moved: more than one distinct value below the total reached the page.
  expect(new Set(partial.map((s) => s.now)).size).toBeGreaterThan(1);
  expect(await page.getByTestId('recompute-done').innerText()).toMatch(/^✓ Recomputed 20,000 accounts with model/);
  await page.close();
});
