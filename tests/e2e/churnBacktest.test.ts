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
});
