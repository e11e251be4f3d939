// One number, one meaning, everywhere: for a set of accounts and figures, what each screen shows is
// the channel's value written by the one formatter (renderer/src/lib). The values come from the
// core; the formatter is imported on purpose, because the claim under test is that every screen
// goes through it (a screen with its own rounding or unit fails here).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfText, formatNumber } from '../../shared/format/format';
import { formatMetric } from '../../shared/format/metric';
import { startApp, type App } from './harness';
import { TODAY } from './today';
import { ask, demoWorkspace } from './workspace';

let app: App;
/** The page's own locale and time zone, which the renderer formats in (the formatter's undefined locale). */
let locale: string;
let timeZone: string;
/** Three red or amber accounts: the ones whose figures are argued about. */
let accounts: { id: number; name: string; band: 'red' | 'amber' }[];

beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  const page = await app.open('');
  [locale, timeZone] = await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone] as [string, string]);
  await page.close();
  // The red band first, then amber: the dashboard's at-risk list shows one band at a time.
  const red = await ask(app.core, 'accounts.atRisk', { band: 'red', page: 1, pageSize: 3 });
  const amber = await ask(app.core, 'accounts.atRisk', { band: 'amber', page: 1, pageSize: 3 });
  accounts = [...red.rows.map((row) => ({ ...row, band: 'red' as const })), ...amber.rows.map((row) => ({ ...row, band: 'amber' as const }))]
    .slice(0, 3)
    .map((row) => ({ id: row.accountId, name: row.name, band: row.band }));
  expect(accounts.length).toBe(3);
});
afterAll(() => app?.close());

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const bare = (shown: string) => shown.replace('≈', '').trim();

describe('the same figure on every screen', () => {
  it('gives each account one health score, with its date, on the dashboard and on its page', async () => {
    const dashboard = await app.open('dashboard');
    for (const account of accounts) {
      const health = await ask(app.core, 'health.explain', { id: account.id });
      expect(health.score).not.toBeNull();
      const score = formatNumber(Math.round(health.score!), locale);
      // The dashboard's at-risk row for the account.
      // The band radios are drawn as a segmented control: its label is what takes the click.
      await dashboard.locator('label', { has: dashboard.getByTestId(`at-risk-band-${account.band}`) }).click();
      await expect.poll(() => dashboard.getByTestId(`at-risk-band-${account.band}`).isChecked()).toBe(true);
      const row = dashboard.locator(`[data-testid=at-risk-row][data-row-id="${account.id}"]`);
      await row.waitFor();
      expect((await row.locator('.health-pill').innerText()).split(/\s/)[0]).toBe(formatMetric(health.score!, 'score', { locale }));
      // Its page: the same score and the snapshot's date.
      const page = await app.open(`accounts/${account.id}`);
      await expect.poll(() => text(page, 'health-score')).toBe(score);
      expect(await text(page, 'health-as-of')).toBe(asOfText(health.asOf, locale, timeZone));
      await page.close();
    }
    await dashboard.close();
  });

  it("shows each account's satisfaction on its page as metrics.account computes it", async () => {
    for (const account of accounts) {
      const figures = await ask(app.core, 'metrics.account', { id: account.id });
      const page = await app.open(`accounts/${account.id}`);
      for (const [testId, metric, unit] of [
        ['account-nps', figures.satisfaction.nps, 'points'],
        ['account-csat', figures.satisfaction.csat, 'percent'],
        ['account-ces', figures.satisfaction.ces, 'mean'],
      ] as const) {
        await page.getByTestId(`${testId}-value`).waitFor();
        if (metric.value === null) continue;
        expect(bare(await text(page, `${testId}-value`)), `${account.name} ${testId}`).toBe(formatMetric(metric.value, unit, { locale }));
      }
      const firstResponse = figures.support.firstResponse.median;
      if (firstResponse.value !== null) expect(await text(page, 'account-support')).toContain(formatMetric(firstResponse.value, 'minutes', { locale }));
      await page.close();
    }
  });

  it('counts the same requests past the SLA on Requests and on Influence', async () => {
    const program = await ask(app.core, 'leverage.programFigures', {});
    const { count, slaDays } = program.pastSla;
    const requests = await app.open('references/requests');
    const expected = count === 0 ? `No request awaiting an answer past the ${slaDays}-day SLA` : `${count} awaiting an answer past the ${slaDays}-day SLA`;
    await expect.poll(() => text(requests, 'sla-summary')).toBe(expected);
    await requests.close();
    const influence = await app.open('references/influence');
    await expect.poll(async () => (await text(influence, 'program-past-sla')).split(/\s/)[0]).toBe(String(count));
    await influence.close();
  });

  it('shows the dashboard KPIs as metrics.portfolio computes them, each with its scale', async () => {
    const page = await app.open('dashboard');
    await page.getByTestId('kpi-nps').waitFor();
    // The dashboard opens on the last twelve whole months, the current one included (to is exclusive).
    const [year, month] = TODAY.split('-').map(Number) as [number, number];
    const monthStart = (shift: number) => new Date(Date.UTC(year, month - 1 + shift, 1)).toISOString().slice(0, 10);
    const portfolio = await ask(app.core, 'metrics.portfolio', { granularity: 'month', from: monthStart(-11), to: monthStart(1) });
    for (const [id, metric, unit] of [
      ['nps', portfolio.satisfaction.nps, 'points'],
      ['csat', portfolio.satisfaction.csat, 'percent'],
      ['nsat', portfolio.satisfaction.nsat, 'index'],
      ['ces', portfolio.satisfaction.ces, 'mean'],
      ['firstResponseMedian', portfolio.support.firstResponse.median, 'minutes'],
    ] as const) {
      if (metric.value === null) continue;
      await expect.poll(async () => bare(await text(page, `kpi-${id}-value`)), { message: id }).toBe(formatMetric(metric.value, unit, { locale, compact: true }));
    }
    expect(await text(page, 'kpi-nsat-scale')).toContain('0–200');
    expect(await text(page, 'kpi-ces-scale')).toContain('1–7');
    await app.screenshot(page, 'cross-screen-dashboard');
    await page.close();
  });
});
