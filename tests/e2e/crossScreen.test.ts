// One number, one meaning, everywhere: for a set of accounts and figures, what each screen shows is
// the text the core says the figure reads as (metrics.display, written through shared/format in the
// page's own locale and time zone). No expected text is formatted here: a screen with its own
// rounding, unit or label fails against the core's words.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { startApp, type App } from './harness';
import { TODAY } from './today';
import { ask, demoWorkspace } from './workspace';

let app: App;
/** The page's own locale and time zone, which the renderer formats in (the formatter's undefined locale). */
let locale: string;
let timeZone: string;
/** Three red or amber accounts: the ones whose figures are argued about. */
let accounts: { id: number; name: string; band: 'red' | 'amber' }[];
/** What the core says each account's figures read as, in the page's locale and time zone. */
let shown: Map<number, Output<'metrics.display'>['accounts'][number]>;

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
  const display = await ask(app.core, 'metrics.display', { locale, timeZone, accounts: accounts.map((account) => account.id) });
  shown = new Map(display.accounts.map((row) => [row.accountId, row]));
});
afterAll(() => app?.close());

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const bare = (shown: string) => shown.replace('≈', '').trim();

describe('the same figure on every screen', () => {
  it('gives each account one health score, with its date, on the dashboard and on its page', async () => {
    const dashboard = await app.open('dashboard');
    for (const account of accounts) {
      const { healthScore, healthAsOf } = shown.get(account.id)!;
      expect(healthScore).not.toBeNull();
      // The dashboard's at-risk row for the account.
      // The band radios are drawn as a segmented control: its label is what takes the click.
      await dashboard.locator('label', { has: dashboard.getByTestId(`at-risk-band-${account.band}`) }).click();
      await expect.poll(() => dashboard.getByTestId(`at-risk-band-${account.band}`).isChecked()).toBe(true);
      const row = dashboard.locator(`[data-testid=at-risk-row][data-row-id="${account.id}"]`);
      await row.waitFor();
      expect((await row.locator('.health-pill').innerText()).split(/\s/)[0], `${account.name} on the dashboard`).toBe(healthScore);
      // Its page: the same score and the snapshot's date.
      const page = await app.open(`accounts/${account.id}`);
      await expect.poll(() => text(page, 'health-score'), { message: `${account.name} on its page` }).toBe(healthScore);
      expect(await text(page, 'health-as-of')).toBe(healthAsOf);
      // The gauge beside it writes the same number (it once rounded a rounded score: 51 beside 50).
      await expect.poll(() => page.locator('[data-testid=health-gauge] svg text').allTextContents(), { message: `${account.name}'s gauge` }).toContain(healthScore);
      await page.close();
    }
    await dashboard.close();
  });

  it("shows each account's satisfaction and support on its page as the core writes them", async () => {
    for (const account of accounts) {
      const figures = shown.get(account.id)!;
      const page = await app.open(`accounts/${account.id}`);
      for (const [testId, expected] of [
        ['account-nps', figures.nps],
        ['account-csat', figures.csat],
        ['account-ces', figures.ces],
      ] as const) {
        await page.getByTestId(`${testId}-value`).waitFor();
        if (expected === null) continue;
        expect(bare(await text(page, `${testId}-value`)), `${account.name} ${testId}`).toBe(expected);
      }
      if (figures.firstResponseMedian !== null) expect(await text(page, 'account-support')).toContain(figures.firstResponseMedian);
      await page.close();
    }
  });

  it('counts the same requests past the SLA on Requests and on Influence', async () => {
    // The figure and its sentence as the core writes them (metrics.display), from the one definition (shared/requestSla.ts).
    const { requests: expected } = await ask(app.core, 'metrics.display', { locale, timeZone, requests: true });
    const program = await ask(app.core, 'leverage.programFigures', {});
    expect(expected!.pastSla.replace(/\D/g, '')).toBe(String(program.pastSla.count));
    const requests = await app.open('references/requests');
    await expect.poll(() => text(requests, 'sla-summary')).toBe(expected!.pastSlaSummary);
    await requests.close();
    const influence = await app.open('references/influence');
    await expect.poll(async () => (await text(influence, 'program-past-sla')).split(/\s/)[0]).toBe(expected!.pastSla);
    await influence.close();
  });

  it('shows the dashboard KPIs as metrics.display writes them, each with its scale', async () => {
    const page = await app.open('dashboard');
    await page.getByTestId('kpi-nps').waitFor();
    // The dashboard opens on the last twelve whole months, the current one included (to is exclusive).
    const [year, month] = TODAY.split('-').map(Number) as [number, number];
    const monthStart = (shift: number) => new Date(Date.UTC(year, month - 1 + shift, 1)).toISOString().slice(0, 10);
    const { portfolio } = await ask(app.core, 'metrics.display', { locale, timeZone, portfolio: { granularity: 'month', from: monthStart(-11), to: monthStart(1) } });
    let compared = 0;
    for (const [id, expected] of Object.entries(portfolio!)) {
      if (expected === null) continue;
      compared++;
      await expect.poll(async () => bare(await text(page, `kpi-${id}-value`)), { message: id }).toBe(expected);
    }
    expect(compared).toBeGreaterThan(2);
    expect(await text(page, 'kpi-nsat-scale')).toContain('0–200');
    expect(await text(page, 'kpi-ces-scale')).toContain('1–7');
    await app.screenshot(page, 'cross-screen-dashboard');
    await page.close();
  });
});
