import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

describe('account health on the account page', () => {
  it('explains the score: band, coverage, model, and every component with its weight, points and reason', async () => {
    const portfolio = await ask(app.core, 'metrics.portfolio', {});
    const id = portfolio.health.atRisk[0]!.accountId;
    const health = await ask(app.core, 'health.explain', { id });
    const metrics = await ask(app.core, 'metrics.account', { id });
    const page = await app.open(`accounts/${id}`);
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.getByTestId('health-components').waitFor();

    expect(await page.getByTestId('health-score').innerText()).toBe(String(Math.round(health.score!)));
    expect(await page.getByTestId('health-band').innerText()).toBe({ red: 'Red', amber: 'Amber', green: 'Green', insufficient: 'Insufficient data' }[health.band]);
    expect(await page.getByTestId('health-model-version').innerText()).toBe(health.modelVersion);
    expect(await page.getByTestId('health-coverage').innerText()).toContain(`${Math.round(health.coveragePct)}% of the weight has data`);
    for (const component of health.components) {
      const row = page.getByTestId(`health-component-${component.id}`);
      expect(await row.locator('.component-label').innerText()).toBe(component.label);
      // The core's sentences first (as the at-risk list says them), then the rule's numbers beside them.
      const sentences = component.sentences ?? [];
      expect(await row.getByTestId('component-reason').innerText()).toBe(sentences.length > 0 ? `${sentences.join('; ')} · ${component.reason}` : component.reason);
      expect(await row.getByTestId('component-score').innerText()).toBe(component.score === null ? 'No data' : String(Math.round(component.score)));
      expect(await row.getByTestId('component-contribution').innerText()).toBe(component.contribution === null ? 'not counted' : `+${component.contribution.toFixed(1)}`);
    }
    // The gauge is drawn; the contributions add up to the score.
    await page.locator('[data-testid=health-gauge] svg').waitFor();
    const points = health.components.reduce((sum, c) => sum + (c.contribution ?? 0), 0);
    expect(points).toBeCloseTo(health.score!, 6);

    // Satisfaction history, support against targets, lifetime value.
    if (metrics.satisfactionHistory.some((a) => a.score !== null)) await page.locator('[data-testid=satisfaction-history] svg').waitFor();
    else await page.getByTestId('satisfaction-history-empty').waitFor();
    await expect.poll(() => page.locator('[data-testid=account-sla] tbody tr').count()).toBe(metrics.support.sla.length);
    const clv = await page.getByTestId('account-clv-value').innerText();
    if (metrics.clv.value === null) expect(clv).toMatch(/^(No data|Insufficient data)$/);
    else expect(clv).toMatch(/^\$[\d,]+/);
    await page.waitForTimeout(400);
    await app.screenshot(page, 'account-health');
    await page.close();
  });
});
