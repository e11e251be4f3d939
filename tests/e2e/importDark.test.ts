import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { runAxe, seriousProblems } from './axe';
import { startApp, type App } from './harness';

// Issue 15: the import wizard in the dark theme. Its "looks like a Salesforce export" box once kept
// a light fallback background (an undefined variable) under dark-theme text; the accessibility
// suite opens the wizard before any file is chosen, so this walks on to the detected box.

const SAMPLE = join(import.meta.dirname, '../fixtures/import-presets/salesforce-accounts.csv');
let app: App;
beforeAll(async () => {
  const path = tempWorkspacePath('empty.fulcrum');
  await (await testCore(path)).close();
  app = await startApp(path);
});
afterAll(() => app?.close());

/** Relative luminance (WCAG) of a computed "rgb(r, g, b)" colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

it('draws the start guide and the detected-preset box dark, with no serious axe violation', async () => {
  const page = await app.open('import', { viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
  await page.getByTestId('import-start').waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await app.screenshot(page, 'import-dark-start-1440');

  await page.getByTestId('import-file').setInputFiles({ name: 'Account.csv', mimeType: 'text/csv', buffer: readFileSync(SAMPLE) });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor();
  const box = page.getByTestId('import-detected');
  await box.waitFor();
  const colours = await box.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color }));
  // A dark surface under light text (the light fallback was rgb(243, 244, 246), luminance 0.9).
  expect(luminance(colours.bg), colours.bg).toBeLessThan(0.05);
  expect(luminance(colours.text), colours.text).toBeGreaterThan(0.5);
  const summary = await runAxe(page);
  expect(summary.passes, 'axe ran').toBeGreaterThan(0);
  await app.screenshot(page, 'import-dark-detected-1440');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.waitForTimeout(300);
  await app.screenshot(page, 'import-dark-detected-1024');
  expect(seriousProblems(summary)).toEqual([]);
});
