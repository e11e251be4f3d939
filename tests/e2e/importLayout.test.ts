import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';

// Issue 13: the import wizard at 1024×700, light and dark. Its dropdowns once cut their chosen
// option short ("Segment (Enterpr…", "Reject the whole file if any row has a pro…"): each select
// must show its whole choice, or the layout wraps it onto a line of its own, and stay inside its card.

const SAMPLE = join(import.meta.dirname, '../fixtures/import-presets/salesforce-accounts.csv');
let app: App;
beforeAll(async () => {
  const path = tempWorkspacePath('empty.fulcrum');
  await (await testCore(path)).close();
  app = await startApp(path);
});
afterAll(() => app?.close());

/** Every select on the page whose chosen option is wider than the select shows, or that leaves its card. */
async function cutSelects(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: { id: string; text: string; width: number; needs: number; overflows: boolean }[] = [];
    for (const select of document.querySelectorAll<HTMLSelectElement>('main select')) {
      if (select.offsetParent === null) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? '';
      // The text, the select's own padding and the arrow's room (about 20px in Chromium).
      const needs = canvas.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20;
      const card = select.closest('.card')!.getBoundingClientRect();
      const box = select.getBoundingClientRect();
      out.push({ id: select.dataset.testid ?? select.name, text, width: select.clientWidth, needs: Math.ceil(needs), overflows: box.right > card.right + 0.5 });
    }
    return out.filter((s) => s.needs > s.width || s.overflows);
  });
}

it.each(['light', 'dark'] as const)('at 1024×700 (%s) every dropdown shows its whole choice inside its card', async (colorScheme) => {
  const page = await app.open('import', { viewport: { width: 1024, height: 700 }, colorScheme });
  await page.getByTestId('import-file').setInputFiles({ name: 'Account.csv', mimeType: 'text/csv', buffer: readFileSync(SAMPLE) });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor();
  await expect.poll(() => page.getByTestId('import-preset').inputValue()).toBe('salesforce-accounts');
  await page.getByTestId('import-preset').scrollIntoViewIfNeeded();
  await app.screenshot(page, `import-options-1024-${colorScheme}`);
  await page.getByTestId('map-Type').scrollIntoViewIfNeeded();
  await app.screenshot(page, `import-mapping-1024-${colorScheme}`);
  expect(await cutSelects(page)).toEqual([]);
});

it('a problem of the whole file (row 0) shows as "file", not "row 0"', async () => {
  const page = await app.open('import', { viewport: { width: 1024, height: 700 } });
  await page.getByTestId('import-file').setInputFiles({ name: 'Account.csv', mimeType: 'text/csv', buffer: readFileSync(SAMPLE) });
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-counts').waitFor();
  await expect.poll(() => page.getByTestId('import-preset').inputValue()).toBe('salesforce-accounts');
  // Every new account needs a name: with the Name column left out, that is one problem of the file.
  await page.getByTestId('map-Name').selectOption('');
  await page.getByTestId('import-problems').waitFor();
  const first = page.getByTestId('import-problem').first();
  await expect.poll(() => first.innerText()).toMatch(/^file\s+—\s+'name' is required for every new row/);
  await first.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'import-file-problem-1024');
});
