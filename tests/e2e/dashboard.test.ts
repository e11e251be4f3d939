import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { startApp, type App } from './harness';
import { TODAY } from './today';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

const LOCALE = 'en-US';

/** The first day of the month `shift` months from TODAY's month, as YYYY-MM-DD. */
function monthStart(shift: number): string {
  const [year, month] = TODAY.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + shift, 1)).toISOString().slice(0, 10);
}

/**
 * The dashboard's presets, written out here rather than taken from the renderer: whole months
 * ending with the current one (`to` is the first day of next month, exclusive), by month.
 */
const PERIODS = {
  last3: { from: monthStart(-2), to: monthStart(1) },
  last12: { from: monthStart(-11), to: monthStart(1) },
};

/** The portfolio the dashboard should show for a preset and segment, straight from the core. */
/**
 * The at-risk list's first page as the dashboard shows it (accounts.atRisk): the red band, or the
 * amber one when the selection has no red account.
 */
async function atRiskShown(scope: { segment?: string[] }) {
  const red = await ask(app.core, 'accounts.atRisk', { scope, band: 'red', pageSize: 20 });
  return red.total > 0 ? red : ask(app.core, 'accounts.atRisk', { scope, band: 'amber', pageSize: 20 });
}

async function expected(preset: keyof typeof PERIODS, segment = '') {
  return ask(app.core, 'metrics.portfolio', { ...PERIODS[preset], granularity: 'month', ...(segment ? { segment: [segment] } : {}) });
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

type Unit = 'points' | 'percent' | 'index' | 'mean' | 'minutes' | 'count' | 'money';
const en = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(LOCALE, options);

/**
 * How a card writes a core figure for an en-US reader, written out here (not the renderer's
 * formatter, so a wrong figure or rounding on a card fails): NPS and NSAT as whole points, shares
 * in percent with one decimal, CES with one decimal, times in the unit a person would say, counts
 * whole (compact from 100,000), money in whole dollars or compact ($12.4M) from $10,000.
 */
function shown(value: number, unit: Unit, currency = 'USD'): string {
  switch (unit) {
    case 'points':
    case 'index':
      return en({ maximumFractionDigits: 0 }).format(value);
    case 'count':
      return en(Math.abs(value) >= 100_000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }).format(value);
    case 'percent':
      return en({ style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'mean':
      return en({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'minutes':
      if (value < 60) return en({ style: 'unit', unit: 'minute', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
      if (value < 48 * 60) return en({ style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(value / 60);
      return en({ style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(value / 1440);
    case 'money': {
      expect(currency, 'the demo company counts in US dollars (cents as minor units)').toBe('USD');
      const dollars = value / 100;
      return Math.abs(dollars) >= 10_000
        ? en({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(dollars)
        : en({ style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(dollars);
    }
  }
}

/** What a KPI card must say for a figure: its value, or that there is none. */
async function expectKpi(page: Page, id: string, metric: { value: number | null; n: number }, unit: Unit, currency?: string) {
  if (metric.value === null) {
    await expect.poll(() => page.getByTestId(`kpi-${id}-missing`).count()).toBe(1);
    expect(await page.getByTestId(`kpi-${id}-value`).count()).toBe(0);
  } else {
    // The value, and only the value: "≈" marks a figure from a sketch.
    const value = shown(metric.value, unit, currency);
    await expect.poll(async () => (await text(page, `kpi-${id}-value`)).replace('≈', '').trim()).toBe(value);
  }
  expect(await text(page, `kpi-${id}-n`)).toMatch(new RegExp(`^n = ${metric.n.toLocaleString(LOCALE)} `));
}

async function expectPortfolio(page: Page, p: Output<'metrics.portfolio'>) {
  await expectKpi(page, 'nps', p.satisfaction.nps, 'points');
  await expectKpi(page, 'csat', p.satisfaction.csat, 'percent');
  await expectKpi(page, 'nsat', p.satisfaction.nsat, 'index');
  await expectKpi(page, 'ces', p.satisfaction.ces, 'mean');
  await expectKpi(page, 'firstResponseMedian', p.support.firstResponse.median, 'minutes');
  await expectKpi(page, 'backlog', p.support.backlog, 'count');
  await expectKpi(page, 'logoChurn', p.retention.logoChurn, 'percent');
  await expectKpi(page, 'netRevenueRetention', p.retention.netRevenueRetention, 'percent');
  await expectKpi(page, 'customerEquity', p.value.customerEquity, 'money', p.value.currency);
}

describe('dashboard', () => {
  it('shows the portfolio of the last twelve months, then of one segment, as metrics.portfolio computes them', async () => {
    const page = await app.open('dashboard');
    await page.setViewportSize({ width: 1280, height: 2300 });
    const all = await expected('last12');
    await expect.poll(() => text(page, 'dashboard-scope')).toContain(`${all.accounts} accounts`);
    await expectPortfolio(page, all);
    // NPS rests on enough answers here to carry an interval and a change against the previous period.
    expect(await text(page, 'kpi-nps-interval')).toMatch(/^95% CI -?\d+ – -?\d+$/);
    expect(await page.getByTestId('kpi-nps-change').count()).toBe(all.previous.nps.value === null ? 0 : 1);
    // Every chart has drawn (an SVG), none is empty on the demo company.
    for (const chart of ['chart-nps-trend', 'chart-csat-channel', 'chart-support-times', 'chart-topics', 'chart-cohorts', 'chart-health']) {
      await page.locator(`[data-testid=${chart}] svg`).first().waitFor();
    }
    await expect.poll(() => page.getByTestId('at-risk-row').count()).toBe((await atRiskShown({})).rows.length);
    await page.waitForTimeout(400); // chart animations
    await app.screenshot(page, 'dashboard');

    await page.getByTestId('dashboard-segment').selectOption('enterprise');
    const enterprise = await expected('last12', 'enterprise');
    expect(enterprise.accounts).toBeLessThan(all.accounts);
    await expect.poll(() => text(page, 'dashboard-scope')).toContain(`${enterprise.accounts} accounts`);
    await expect.poll(() => page.getByTestId('dashboard-busy').count()).toBe(0);
    await expectPortfolio(page, enterprise);
    await expect.poll(() => page.getByTestId('at-risk-row').count()).toBe((await atRiskShown({ segment: ['enterprise'] })).rows.length);
    // The at-risk list holds enterprise accounts only.
    const names = await page.locator('[data-testid=at-risk-row] td[data-column=name]').allInnerTexts();
    expect(names.every((name) => name.split('\n')[1]!.startsWith('Enterprise'))).toBe(true);

    // A shorter period: the last three months.
    await page.getByTestId('filter-period').selectOption('last3');
    const recent = await expected('last3', 'enterprise');
    await expect.poll(() => page.getByTestId('dashboard-busy').count()).toBe(0);
    await expectPortfolio(page, recent);
    await page.waitForTimeout(400);
    await app.screenshot(page, 'dashboard-enterprise-last3');

    // The filters are remembered for the session: back from an account, the dashboard is as it was.
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-row').first().waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('dashboard-segment').inputValue()).toBe('enterprise');
    expect(await page.getByTestId('filter-period').inputValue()).toBe('last3');
    await page.close();
  });

  it('takes a custom period, refusing one that ends before it starts', async () => {
    const page = await app.open('dashboard');
    await page.getByTestId('kpi-nps-n').waitFor();
    await page.getByTestId('filter-period').selectOption('custom');
    await page.getByTestId('filter-from').fill('2026-05-10');
    await page.getByTestId('filter-to').fill('2026-02-01');
    expect(await text(page, 'filter-error')).toBe('The period must end on or after its first day.');
    await page.getByTestId('filter-to').fill('2026-06-30');
    await expect.poll(() => page.getByTestId('filter-error').count()).toBe(0);
    // The rollups are monthly: the figures cover the whole months around the chosen days, and say so.
    await expect.poll(() => text(page, 'dashboard-scope')).toContain('May 1, 2026 – Jun 30, 2026');
    expect(await text(page, 'scope-rounded')).toContain('figures cover whole months');
    await expect.poll(() => page.getByTestId('dashboard-busy').count()).toBe(0);
    await page.waitForTimeout(400);
    await app.screenshot(page, 'dashboard-custom-period');
    await page.close();
  });

  it('explains a card: definition, formula, source and the data it rests on', async () => {
    const page = await app.open('dashboard');
    const all = await expected('last12');
    await page.getByTestId('kpi-nps-value').waitFor();
    await page.getByTestId('kpi-nps').click();
    const panel = page.getByTestId('definition-panel');
    await panel.waitFor();
    expect(await text(page, 'definition-name')).toBe('Net Promoter Score');
    expect(await text(page, 'definition-formula')).toContain('promoters (9-10)');
    expect(await text(page, 'definition-source')).toContain('Reichheld');
    expect(await text(page, 'definition-n')).toBe(`n = ${all.satisfaction.nps.n.toLocaleString(LOCALE)} answers`);
    expect(await text(page, 'definition-filter')).toBe('All accounts');
    expect(await text(page, 'definition-period')).toMatch(/, by month$/);
    const answers = page.locator('[data-testid=definition-distribution] tbody tr');
    expect(await answers.count()).toBe(11);
    expect(await answers.nth(10).locator('td.num').innerText()).toBe(all.satisfaction.nps.distribution[10]!.toLocaleString(LOCALE));
    await app.screenshot(page, 'dashboard-definition-nps');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // By keyboard: the "?" of the first-response card; its figure comes from a sketch.
    await page.getByTestId('kpi-firstResponseMedian-help').focus();
    await page.keyboard.press('Enter');
    await panel.waitFor();
    const definitions = await ask(app.core, 'metrics.definitions', {});
    const firstResponse = definitions.find((d) => d.id === all.support.firstResponse.median.definition)!;
    expect(await text(page, 'definition-name')).toBe(firstResponse.name);
    expect(await text(page, 'definition-formula')).toBe(firstResponse.formula);
    expect(await text(page, 'definition-approximate')).toContain('Approximate');
    expect(await text(page, 'definition-figures')).toContain('p90 first response');
    await app.screenshot(page, 'dashboard-definition-first-response');
    await page.getByRole('button', { name: 'Close', exact: true }).first().click();
    await panel.waitFor({ state: 'detached' });
    // Focus returns to where it was.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kpi-firstResponseMedian-help');
    await page.close();
  });

  it('opens an at-risk account from the list', async () => {
    const first = (await atRiskShown({})).rows[0]!;
    const page = await app.open('dashboard');
    const row = page.getByTestId('at-risk-row').first();
    await row.waitFor();
    expect((await row.locator('td[data-column=name]').innerText()).split('\n')[0]).toBe(first.name);
    expect(await row.locator('td[data-column=reasons]').innerText()).toContain(first.reasons[0]!);
    await row.click();
    await page.waitForURL(new RegExp(`#/accounts/${first.accountId}$`));
    await page.getByTestId('health-card').waitFor();
    await page.close();
  });

  it('exports the figures it shows as a CSV, one row per figure', async () => {
    const page = await app.open('dashboard');
    const all = await expected('last12');
    await expect.poll(() => text(page, 'dashboard-scope')).toContain(`${all.accounts} accounts`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^fulcrum-dashboard-.+\.csv$/);
    const saved = readFileSync(await download.path(), 'utf8');
    // The file is the core's readable export of the same period, byte for byte (rounded as the cards, headers in words).
    const core = await ask(app.core, 'export.metrics', { query: { ...PERIODS.last12, granularity: 'month' }, style: 'readable' });
    expect(saved).toBe(core.csv);
    const lines = saved.trim().split('\n');
    expect(lines[0]).toContain('Definition');
    const npsLine = lines.find((line) => line.includes(',nps,'));
    expect(npsLine).toBeDefined();
    expect(npsLine).toContain(String(all.satisfaction.nps.n));
    await page.close();
  });
});
