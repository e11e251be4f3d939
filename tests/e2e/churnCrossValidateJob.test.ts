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

it("feature values and weights read with their units: the account's inputs and the weights table, as the core words them", async () => {
  const model = (await ask(app.core, 'churn.model', {}))!;
  const page = await app.open('');
  await page.setViewportSize({ width: 1280, height: 2400 });
  const rows = page.getByTestId('churn-model').locator('[data-testid=churn-feature]');
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(Math.min(10, model.coefficients.length));
  for (let i = 0; i < Math.min(10, model.coefficients.length); i++) {
    const c = model.coefficients[i]!;
    const meaning = rows.nth(i).locator('td').nth(1);
    expect(await meaning.getAttribute('data-step')).toBe(c.step ?? '');
    if (c.step && Math.abs(c.coefficient) >= 0.01) expect(await meaning.innerText()).toContain(`one standard deviation more (${c.step})`);
  }
  await page.close();

  // An account with a prediction: its inputs table shows the core's words with units.
  const ids = (await ask(app.core, 'accounts.list', { page: 1, pageSize: 50 })).rows.map((r) => r.id);
  let accountId = 0;
  for (const candidate of ids)
    if (await ask(app.core, 'churn.account', { id: candidate })) {
      accountId = candidate;
      break;
    }
  const prediction = (await ask(app.core, 'churn.account', { id: accountId }))!;
  const features = await ask(app.core, 'churn.features', { id: accountId, asOf: prediction.asOf.slice(0, 10) });
  const account = await app.open(`accounts/${accountId}`);
  await account.setViewportSize({ width: 1280, height: 2400 });
  const card = account.getByTestId('churn-card');
  await card.getByTestId('churn-inputs').locator('summary').click();
  const table = card.getByTestId('churn-inputs-table');
  await table.waitFor({ timeout: 60_000 });
  for (const f of features) {
    const cell = table.locator(`tr[data-key="${f.key}"] td`);
    expect(await cell.getAttribute('data-unit')).toBe(f.unit);
    expect(await cell.innerText()).toBe(f.value === null ? 'missing' : f.text);
  }
  expect(await table.locator('tr[data-key="logArr"] td').innerText()).toMatch(/^\$[\d,]+$/);
  await card.scrollIntoViewIfNeeded();
  await app.screenshot(account, 'churn-inputs-units');
  await account.close();
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
