// Issue 16 with issue 14's rule for long work: the churn model's training and the satisfaction
// section's first read take tens of seconds on a large workspace, so each shows its bar and Cancel.
// The core holds both jobs at their first step until cancelled (FULCRUM_TEST_HOLD_JOB,
// electron/core/lib/jobs.ts): the bar is certainly up when the test looks, with no timing bet.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

const HELD = ['churn.train', 'churn.satisfactionRevenue'] as const;
let app: App;
const events: ChangeEvent[] = [];

beforeAll(async () => {
  // Read by the core's worker, which copies this environment when it starts.
  process.env.FULCRUM_TEST_HOLD_JOB = HELD.join(',');
  app = await startApp(await demoWorkspace(150));
  app.core.subscribe((event) => events.push(event));
}, 240_000);
// A test that failed half-way must not leave its job held: the next one would wait behind it.
afterEach(async () => {
  for (const channel of HELD) await app.core.dispatch('jobs.cancel', { channel });
});
afterAll(async () => {
  delete process.env.FULCRUM_TEST_HOLD_JOB;
  await app?.close();
});

it('the satisfaction section shows its first read as a bar with Cancel, and a cancelled read offers to load again', async () => {
  const page = await app.open('');
  await page.setViewportSize({ width: 1280, height: 2400 });
  const section = page.getByTestId('satisfaction-worth');
  const bar = section.getByTestId('satisfaction-worth-progress');
  await bar.waitFor({ timeout: 120_000 });
  // The bar says where the core is: its first report.
  await expect.poll(() => events.some((e) => e.name === 'jobs.progress' && e.job === 'churn.satisfactionRevenue')).toBe(true);
  const first = events.find((e) => e.name === 'jobs.progress' && e.job === 'churn.satisfactionRevenue')!.progress!;
  await expect.poll(() => bar.getByRole('progressbar').getAttribute('aria-valuemax')).toBe(String(first.total));
  await app.screenshot(page, 'satisfaction-worth-progress');
  await bar.getByTestId('satisfaction-worth-progress-cancel').click();
  await section.getByTestId('satisfaction-worth-again').waitFor({ timeout: 60_000 });
  expect(await section.innerText()).toContain('Loading was cancelled.');
  expect((await ask(app.core, 'jobs.running', {})).channels).not.toContain('churn.satisfactionRevenue');
  await page.close();
});

it('training the churn model shows its bar with Cancel, and a cancelled training keeps the previous model', async () => {
  const before = await ask(app.core, 'churn.model', {});
  const page = await app.open('');
  await page.setViewportSize({ width: 1280, height: 2400 });
  // The dashboard's satisfaction read opens held too: stop it first, or the training queues behind it.
  await page.getByTestId('satisfaction-worth-progress').waitFor({ timeout: 120_000 });
  await app.core.dispatch('jobs.cancel', { channel: 'churn.satisfactionRevenue' });
  const card = page.getByTestId('churn-model');
  await card.getByTestId('churn-train').click();
  const bar = card.getByTestId('churn-train-progress');
  await bar.waitFor({ timeout: 120_000 });
  await expect.poll(() => ask(app.core, 'jobs.running', {}).then((r) => r.channels.includes('churn.train'))).toBe(true);
  await expect.poll(() => bar.getByTestId('churn-train-progress-text').innerText()).toContain('Training the churn model');
  await app.screenshot(page, 'churn-train-progress');
  await bar.getByTestId('churn-train-progress-cancel').click();
  await card.getByTestId('churn-train-cancelled').waitFor({ timeout: 60_000 });
  expect(await card.getByTestId('churn-train-cancelled').innerText()).toContain(before ? 'the previous model and its predictions are kept' : 'no model was saved');
  expect(await ask(app.core, 'churn.model', {})).toEqual(before);
  expect(await card.getByTestId('churn-train').isEnabled()).toBe(true);
  await app.screenshot(page, 'churn-train-cancelled');
  await page.close();
});
