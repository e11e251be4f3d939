// Issue 16 with issue 14's rule for long work: the snapshot cross-validation (twenty fits on every
// account) is a job of the core, so the churn card shows its bar with Cancel. The core holds that
// job at its first step until cancelled (FULCRUM_TEST_HOLD_JOB, electron/core/lib/jobs.ts), so the
// bar is certainly up when the test looks; training is not held, so a model (and with it the
// card's details) exists first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;

beforeAll(async () => {
  // Read by the core's worker, which copies this environment when it starts.
  process.env.FULCRUM_TEST_HOLD_JOB = 'churn.crossValidate';
  app = await startApp(await demoWorkspace(150));
  await ask(app.core, 'churn.train', {});
}, 240_000);
afterAll(async () => {
  await app?.core.dispatch('jobs.cancel', { channel: 'churn.crossValidate' });
  delete process.env.FULCRUM_TEST_HOLD_JOB;
  await app?.close();
});

it('cross-validation shows its bar with the splits and Cancel; a cancel says nothing was changed and offers the run again', async () => {
  const page = await app.open('');
  await page.setViewportSize({ width: 1280, height: 2400 });
  const cv = page.getByTestId('churn-cv');
  await cv.getByTestId('churn-cv-run').click();
  const bar = cv.getByTestId('churn-cv-progress');
  await bar.waitFor({ timeout: 120_000 });
  // The core's first report (0 of 20 splits) reaches the bar while the job is held.
  await expect.poll(() => ask(app.core, 'jobs.running', {}).then((r) => r.channels.includes('churn.crossValidate'))).toBe(true);
  await expect.poll(() => bar.getByRole('progressbar').getAttribute('aria-valuemax'), { timeout: 60_000 }).toBe('20');
  expect(await bar.getByTestId('churn-cv-progress-text').innerText()).toBe('Cross-validating (splits fitted): 0 of 20');
  await cv.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'churn-cv-progress');
  await bar.getByTestId('churn-cv-progress-cancel').click();
  await cv.getByTestId('churn-cv-cancelled').waitFor({ timeout: 60_000 });
  expect(await cv.getByTestId('churn-cv-cancelled').innerText()).toBe('Cross-validation was cancelled; nothing was changed.');
  expect(await cv.getByTestId('churn-cv-run').isEnabled()).toBe(true);
  expect(await cv.getByRole('alert').count()).toBe(0);
  expect((await ask(app.core, 'jobs.running', {})).channels).not.toContain('churn.crossValidate');
  await app.screenshot(page, 'churn-cv-cancelled');
  await page.close();
});
