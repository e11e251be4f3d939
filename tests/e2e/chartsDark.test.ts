import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { demoWorkspace } from './workspace';

// Issue 15: chart colours set in the ECharts options followed the light theme in dark mode. Every
// chart takes its colours from the page's CSS variables (styles.css, theme.css, themeColors.css)
// and is drawn anew when the theme changes. Read from the chart instance, not from pixels.

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

interface Drawn {
  tooltipBackground: string;
  tooltipText: string;
  axisLabel: string;
  seriesColors: string[];
  variables: { panel: string; text: string; muted: string; accent: string };
}

/** The support-times chart's drawn colours and the page's variables of the moment. */
const drawn = (page: Page) =>
  page
    .getByTestId('chart-support-times')
    .locator('.echart')
    .evaluate((element): Drawn => {
      type Option = {
        tooltip: { backgroundColor: string; textStyle: { color: string } }[];
        xAxis: { axisLabel: { color: string } }[];
        series: { lineStyle?: { color?: string }; itemStyle?: { color?: string } }[];
      };
      const option = (element as unknown as { fulcrumChart: { getOption(): Option } }).fulcrumChart.getOption();
      const css = getComputedStyle(document.documentElement);
      const variable = (name: string) => css.getPropertyValue(name).trim();
      return {
        tooltipBackground: option.tooltip[0]!.backgroundColor,
        tooltipText: option.tooltip[0]!.textStyle.color,
        axisLabel: option.xAxis[0]!.axisLabel.color,
        seriesColors: option.series.flatMap((s) => [s.lineStyle?.color, s.itemStyle?.color]).filter((c): c is string => typeof c === 'string'),
        variables: { panel: variable('--panel'), text: variable('--text'), muted: variable('--muted'), accent: variable('--accent') },
      };
    });

describe('charts follow the theme', () => {
  it('redraws the dashboard’s charts with the dark variables when the system turns dark, and back', async () => {
    const page = await app.open('dashboard', { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('chart-support-times').locator('.echart svg').first().waitFor();
    const light = await drawn(page);
    expect(light.tooltipBackground).toBe('#ffffff');
    expect(light.tooltipText).toBe('#1c2430');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(async () => (await drawn(page)).tooltipBackground).not.toBe('#ffffff');
    const dark = await drawn(page);
    expect(dark.variables.panel).toBe('#171d26');
    expect(dark.tooltipBackground).toBe(dark.variables.panel);
    expect(dark.tooltipText).toBe(dark.variables.text);
    expect(dark.axisLabel).toBe(dark.variables.muted);
    // The first-response line is the accent: its dark value, never the light literal.
    expect(light.seriesColors).toContain('#2554c7');
    expect(dark.seriesColors).toContain(dark.variables.accent);
    expect(dark.seriesColors).not.toContain('#2554c7');
    await app.screenshot(page, 'charts-dark-dashboard-1440');

    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await drawn(page)).tooltipBackground).toBe('#ffffff');
  });
});
