import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamBudget } from '../../shared/contract/references';
import { testCore, type TestCore } from '../fixtures/core';
import { startTeamCluster, type TeamCluster } from '../fixtures/team';
import { askAt, gidOf, idOn, marketingLaptop, syncAs } from '../fixtures/teamBudget';
import { startApp, type App } from './harness';
import { TODAY } from './today';
import { ask, demoWorkspace } from './workspace';

// Issue 19 in Chromium: a team's budget overrun as two laptops really make it. Against a real
// PostgreSQL, two marketing laptops of a demo team each take a reference's last ask while offline
// and sync; the app opens one of the two workspaces, and the reference warns where references are
// picked: its pipeline card, its dialog and the finder's results for a deal, each saying how many
// asks, the budget, from how many laptops, who asked from which laptop, and when it clears.
// Expected values come from the core (references.get, leverage.match); screenshots light and dark,
// 1440 and 1024 wide.

let cluster: TeamCluster;
let creator: TestCore;
let app: App;
let dealId: number;
let referenceId: number;
let accountName: string;
let expected: TeamBudget;

/** `days` before the tests' TODAY at `time` UTC. */
const daysBefore = (days: number, time: string) => `${new Date(Date.parse(`${TODAY}T00:00:00.000Z`) - days * 86_400_000).toISOString().slice(0, 10)}T${time}.000Z`;

beforeAll(async () => {
  cluster = await startTeamCluster();
  creator = await testCore(await demoWorkspace(40, 19));
  creator.setNow(daysBefore(10, '08:00:00'));
  // A deal with a reference that fits it and has no asks in the window: its usage limit is set to one.
  const open = await creator.call('deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 100 });
  search: for (const deal of open.rows) {
    for (const ranked of (await creator.call('leverage.match', { dealId: deal.id })).ranked) {
      if ((await creator.call('leverage.availability', { referenceId: ranked.referenceId })).total.asks > 0) continue;
      dealId = deal.id;
      referenceId = ranked.referenceId;
      accountName = ranked.accountName;
      break search;
    }
  }
  if (!referenceId) throw new Error('no open demo deal with a ranked reference never asked in the window');
  await creator.call('references.update', { id: referenceId, usageLimitPerQuarter: 1 });
  await creator.call('team.create', { server: cluster.adminUrl });
  const gid = gidOf(creator, 'references', referenceId);
  const one = await marketingLaptop(cluster, 'ana', 'Ana Lind', daysBefore(9, '08:00:00'));
  const two = await marketingLaptop(cluster, 'ben', 'Ben Ortiz', daysBefore(9, '08:00:00'));
  // Offline, each laptop sees one slot left and takes it.
  await askAt(one, gid, 'Mia Sales', daysBefore(6, '10:00:00'));
  await askAt(two, gid, 'Max Sales', daysBefore(4, '15:00:00'));
  await syncAs(one, cluster, 'ana');
  await syncAs(two, cluster, 'ben');
  await syncAs(one, cluster, 'ana');
  referenceId = idOn(one, gid);
  const path = one.context.dbPath;
  await one.close();
  await two.close();
  app = await startApp(path);
  expected = (await ask(app.core, 'references.get', { id: referenceId })).teamBudget!;
  expect(expected).toBeTruthy();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await creator?.close();
  await cluster?.stop();
});

const SIZES = [
  [1440, 'light'],
  [1024, 'light'],
  [1440, 'dark'],
  [1024, 'dark'],
] as const;

/** The warning's words as the core's figures give them (the card's shorter words when `short`). */
const headline = (b: TeamBudget, short: boolean) =>
  short
    ? `⚠ Over its usage limit: ${b.asks} asks, limit ${b.budget}, from ${b.laptops} laptops`
    : `⚠ Over its usage limit: ${b.asks} asks in the last ${b.windowDays} days, limit ${b.budget}, from ${b.laptops} laptops while offline`;

/** The one warning inside `scope`: its words, each ask (who, from which laptop) unless `short`. */
async function checkWarning(page: Page, scope: string, short: boolean) {
  const warning = page.locator(`${scope} [data-testid=team-budget-warning]`);
  await warning.first().waitFor();
  expect(await warning.count()).toBe(1);
  expect(await warning.getByTestId('team-budget-headline').innerText()).toBe(headline(expected, short));
  expect(await warning.getByTestId('team-budget-clears').innerText()).toMatch(/Back within budget on /);
  if (!short) {
    const asks = await warning.getByTestId('team-budget-asks').locator('li').allInnerTexts();
    expect(asks.map((a) => a.split(' · ')[0])).toEqual(expected.asked.map((a) => a.requester));
    expect(asks.map((a) => a.split(' · ').at(-1))).toEqual(expected.asked.map((a) => (a.thisLaptop ? 'this laptop' : 'another laptop')));
  }
}

/** One page per screen, shot at every size and scheme (the page re-laid out and re-coloured, not reopened: each open costs seconds under load). */
async function shoot(page: Page, scope: string, name: string) {
  for (const [width, scheme] of SIZES) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator(`${scope} [data-testid=team-budget-warning]`).scrollIntoViewIfNeeded();
    await app.screenshot(page, `${name}-${width}-${scheme}`);
  }
}

describe('a team budget overrun where references are picked', () => {
  it('the core counts two asks from two laptops over a usage limit of one', () => {
    expect(expected).toMatchObject({ budgetOf: 'usage_limit_per_quarter', asks: 2, budget: 1, laptops: 2 });
    expect(expected.asked.filter((a) => a.thisLaptop).map((a) => a.requester)).toEqual(['Mia Sales']);
    expect(expected.asked.filter((a) => !a.thisLaptop).map((a) => a.requester)).toEqual(['Max Sales']);
  });

  it('on the pipeline card', async () => {
    const page = await app.open('references/pipeline', { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('pipeline-search').fill(accountName);
    const card = `[data-testid=reference-card][data-reference-id="${referenceId}"]`;
    await checkWarning(page, card, true);
    await shoot(page, card, 'references-budget-pipeline');
    await page.close();
  });

  it("in the reference's dialog, with each ask", async () => {
    const page = await app.open(`references/pipeline/${referenceId}`, { viewport: { width: 1440, height: 900 } });
    await checkWarning(page, '[data-testid=reference-detail]', false);
    await shoot(page, '[data-testid=reference-detail]', 'references-budget-dialog');
    await page.close();
  });

  it("in the finder's results for a deal", async () => {
    const match = await ask(app.core, 'leverage.match', { dealId });
    const listed = [...match.ranked, ...match.excluded].find((r) => r.referenceId === referenceId);
    expect(listed?.teamBudget).toEqual(expected);
    const row = `[data-testid=${match.ranked.some((r) => r.referenceId === referenceId) ? 'match-row' : 'excluded-row'}][data-reference-id="${referenceId}"]`;
    const page = await app.open(`references/finder/${dealId}`, { viewport: { width: 1440, height: 900 } });
    await checkWarning(page, row, false);
    await shoot(page, row, 'references-budget-finder');
    await page.close();
  });
});
