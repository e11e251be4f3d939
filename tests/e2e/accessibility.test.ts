import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { runAxe, seriousProblems } from './axe';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// axe-core on every screen, light and dark (issue 15; the contacts, tickets and purchases tables in
// their own files): each run must have happened (passes > 0)
// and find no critical or serious violation. Screenshots of each screen at 1440×900 and 1024×700
// in both themes land in tests/artifacts/screenshots/a11y-*.png to look at, and at each size nothing
// may run past the window sideways (a clipped or overlapping page scrolls horizontally).

let app: App;
let empty: App;
let accountId: number;
let mapId: number;

beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  accountId = (await ask(app.core, 'accounts.list', { pageSize: 1, filter: { lifecycleStage: 'adoption' } })).rows[0]!.id;
  mapId = (await ask(app.core, 'journeys.list', {}))[0]!.id;
  const path = tempWorkspacePath('new.fulcrum');
  await (await testCore(path)).close();
  // The bridge answers the team's host channels as `npm run web` does (harness), so the Team screen (not in a team) is checked too.
  empty = await startApp(path);
});
afterAll(async () => {
  await app?.close();
  await empty?.close();
});

/** Every screen, with what shows that it has drawn its data. */
const SCREENS = (): { name: string; route: string; ready: string; app?: () => App }[] => [
  { name: 'dashboard', route: 'dashboard', ready: '[data-testid=at-risk-count][data-total]' },
  { name: 'accounts', route: 'accounts', ready: '[data-testid=accounts-count][data-total]' },
  { name: 'account-page', route: `accounts/${accountId}`, ready: '[data-testid=account-page] h1' },
  { name: 'journeys', route: 'journeys', ready: '[data-testid=persona-row]' },
  { name: 'journey-map', route: `journeys/${mapId}`, ready: 'main h1' },
  { name: 'references-pipeline', route: 'references/pipeline', ready: 'main h1' },
  { name: 'references-finder', route: 'references/finder', ready: 'main h1' },
  { name: 'references-requests', route: 'references/requests', ready: 'main h1' },
  { name: 'references-influence', route: 'references/influence', ready: '[data-testid=influence]' },
  { name: 'tasks', route: 'tasks', ready: '[data-testid=tasks-screen] h1' },
  { name: 'goals', route: 'goals', ready: '[data-testid=goals-screen] h1' },
  { name: 'feedback', route: 'feedback', ready: '[data-testid=feedback-screen] h1' },
  { name: 'stories', route: 'stories', ready: '[data-testid=stories-screen]' },
  { name: 'assessments', route: 'assessments', ready: '[data-testid=assessments-screen]' },
  { name: 'settings', route: 'settings', ready: '[data-testid=settings-identity]' },
  { name: 'import', route: 'import', ready: '[data-testid=import-screen]' },
  { name: 'empty-workspace', route: 'dashboard', ready: 'main h1', app: () => empty },
  { name: 'team', route: 'team', ready: '[data-testid=team-setup], [data-testid=team-create]', app: () => empty },
];

const NAMES = [
  'dashboard',
  'accounts',
  'account-page',
  'journeys',
  'journey-map',
  'references-pipeline',
  'references-finder',
  'references-requests',
  'references-influence',
  'tasks',
  'goals',
  'feedback',
  'stories',
  'assessments',
  'settings',
  'import',
  'empty-workspace',
  'team',
];

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  it.each(NAMES)('%s has no critical or serious axe violation', async (name) => {
    const screen = SCREENS().find((s) => s.name === name)!;
    const target = screen.app?.() ?? app;
    const page = await target.open(screen.route, { viewport: { width: 1440, height: 900 }, colorScheme: theme });
    await page.locator(screen.ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const summary = await runAxe(page);
    expect(summary.passes, 'axe ran').toBeGreaterThan(0);
    const overflowing: string[] = [];
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await target.screenshot(page, `a11y-${name}-${theme}-1440`);
    if ((await overflow()) > 0) overflowing.push(`1440: ${await overflow()} px`);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(300);
    await target.screenshot(page, `a11y-${name}-${theme}-1024`);
    if ((await overflow()) > 0) overflowing.push(`1024: ${await overflow()} px`);
    expect(seriousProblems(summary)).toEqual([]);
    expect(overflowing, 'runs past the window sideways').toEqual([]);
  });
});
