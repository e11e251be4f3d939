import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 15: the screens the axe check (accessibility.test.ts, which also checks sideways overflow at
// both sizes) cannot reach by a plain route: the finder with a deal's results, and the demo's
// assessment (setup, results, report), at 1440×900 and 1024×700, light and dark. Each waits on the
// screen's own content and asserts that nothing runs past the window sideways; the PNGs are for a
// person to open.

let app: App;
let screens: { name: string; route: string; ready: string }[];
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  const open = await ask(app.core, 'deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 50 });
  let dealId = open.rows[0]!.id;
  for (const deal of open.rows) if ((await ask(app.core, 'leverage.match', { dealId: deal.id })).ranked.length > 1) dealId = deal.id;
  const [assessment] = await ask(app.core, 'assessments.list', {});
  screens = [
    { name: 'finder', route: `references/finder/${dealId}`, ready: '[data-testid=match-results]' },
    // The demo has a consultant's assessment (demo/assessment.ts): its setup, results and report.
    { name: 'assessment-setup', route: `assessments/${assessment!.id}/setup`, ready: '[data-testid=assessment-page]' },
    { name: 'assessment-results', route: `assessments/${assessment!.id}/results`, ready: '[data-testid=results-overall]' },
    { name: 'assessment-report', route: `assessments/${assessment!.id}/report`, ready: '[data-testid=report-frame]' },
  ];
});
afterAll(() => app?.close());

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

// One test per screen, so a slow machine's four pictures of one screen fit a test's time.
const NAMES = ['finder', 'assessment-setup', 'assessment-results', 'assessment-report'];

describe('screens at two sizes, light and dark', () => {
  for (const name of NAMES)
    it(`draws ${name} without sideways overflow, and saves its screenshots`, async () => {
      const screen = screens.find((s) => s.name === name);
      expect(screen, `the demo has no ${name} to show`).toBeDefined();
      const overflowing: string[] = [];
      for (const viewport of SIZES)
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await app.open(screen!.route, { viewport, colorScheme });
          await page.locator(screen!.ready).first().waitFor();
          // Let charts and late queries settle before the picture.
          await page.waitForTimeout(800);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          await app.screenshot(page, `look-${name}-${viewport.width}-${colorScheme}`);
          if (overflow > 0) overflowing.push(`${name} at ${viewport.width}×${viewport.height} ${colorScheme}: ${overflow} px`);
          await page.close();
        }
      expect(overflowing).toEqual([]);
    });
});
