// Issue 16 in the browser on a longer history: the synthetic workspace whose churn drivers are known
// (tests/fixtures/churnWorkspace.ts, written through the app's own core), trained from the dashboard:
// the backtest beside the rule health score and the calibration table, every figure from the core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChurnWorkspace } from '../fixtures/churnWorkspace';
import type { TestCore } from '../fixtures/core';
import { startApp, type App } from './harness';
import { ask } from './workspace';
import { tempWorkspacePath } from '../fixtures/core';

let app: App;
beforeAll(async () => {
  app = await startApp(tempWorkspacePath('churn.fulcrum'));
  // The fixture only calls channels; the app's core is reached through the same door.
  const core = { call: (channel: string, input: unknown) => ask(app.core, channel as never, input as never) } as unknown as TestCore;
  await loadChurnWorkspace(core, 300);
}, 600_000);
afterAll(() => app?.close());

describe('the churn model on a three-year history', () => {
  it('shows the backtest beside the rule health score and the calibration table', async () => {
    const page = await app.open('');
    await page.setViewportSize({ width: 1280, height: 2400 });
    const card = page.getByTestId('churn-model');
    await card.getByTestId('churn-train').click();
    await card.getByTestId('churn-backtest').waitFor({ timeout: 120_000 });
    const b = (await ask(app.core, 'churn.model', {}))!.backtest;
    expect(b.reason).toBeUndefined();
    expect(await card.getByTestId('churn-backtest-model').locator('td').first().innerText()).toBe(b.model!.auc!.toFixed(3));
    expect(await card.getByTestId('churn-backtest-health').locator('td').first().innerText()).toBe(b.health!.auc!.toFixed(3));
    expect(await card.getByTestId('churn-backtest-model').locator('td').nth(1).innerText()).toBe(b.model!.brier!.toFixed(3));
    await expect.poll(() => card.locator('[data-testid=churn-calibration] tbody tr').count()).toBe(b.model!.calibration.length);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'churn-backtest');
    await page.close();
  }, 240_000);

  it('lists what the model weighs and runs the cross-validation on a click, with the spread of its AUCs', async () => {
    const model = (await ask(app.core, 'churn.model', {}))!;
    const page = await app.open('');
    await page.setViewportSize({ width: 1280, height: 2400 });
    const card = page.getByTestId('churn-model');
    // The ten largest weights, in the core's order, each with its label and coefficient.
    const rows = card.locator('[data-testid=churn-feature]');
    await expect.poll(() => rows.count()).toBe(Math.min(10, model.coefficients.length));
    for (let i = 0; i < Math.min(10, model.coefficients.length); i++) {
      const c = model.coefficients[i]!;
      expect(await rows.nth(i).getAttribute('data-column')).toBe(c.column);
      expect(Number(await rows.nth(i).locator('td').first().getAttribute('data-value'))).toBe(c.coefficient);
      expect(await rows.nth(i).locator('th').innerText()).toBe(c.label);
      expect(await rows.nth(i).locator('td').nth(1).innerText()).toMatch(c.coefficient > 0 ? /raises the churn odds|barely/ : /lowers the churn odds|barely/);
    }
    // Cross-validation: the core's answer for the same splits.
    await card.getByTestId('churn-cv-run').click();
    await card.getByTestId('churn-cv-result').waitFor({ timeout: 120_000 });
    const cv = await ask(app.core, 'churn.crossValidate', { splits: 20, testShare: 0.3 });
    expect(cv.meanAuc).not.toBeNull();
    expect(Number(await card.getByTestId('churn-cv-mean').getAttribute('data-value'))).toBe(cv.meanAuc);
    expect(await card.getByTestId('churn-cv-mean').innerText()).toBe(cv.meanAuc!.toFixed(3));
    // The middle 95 % of the splits' AUCs (2.5th and 97.5th percentiles, linear between ranks).
    const aucs = cv.auc.filter((a): a is number => a !== null).sort((a, b) => a - b);
    const at = (q: number) => {
      const pos = q * (aucs.length - 1);
      const i = Math.floor(pos);
      return aucs[i]! + (aucs[Math.min(i + 1, aucs.length - 1)]! - aucs[i]!) * (pos - i);
    };
    const interval = card.getByTestId('churn-cv-interval');
    expect(Number(await interval.getAttribute('data-low'))).toBeCloseTo(at(0.025), 12);
    expect(Number(await interval.getAttribute('data-high'))).toBeCloseTo(at(0.975), 12);
    await card.getByTestId('churn-cv').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'churn-cross-validation');
    await page.close();
  }, 240_000);
});
