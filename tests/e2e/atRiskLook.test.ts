import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 15: the at-risk list's reasons read as sentences (the core's, accounts.atRisk), and the
// account page's health breakdown says the same sentences with the rule's numbers beside them.
// Screenshots at 1440×900 and 1024×700, light and dark, for a person to open.

let app: App;
let account: { id: number; band: 'red' | 'amber'; reasons: string[] };
/** Rule notation that a sentence never contains: "Kickoff meeting -1 vs ≥ 1", "(> 60)". */
const RULE_TEXT = /[≥≤]| vs |\(> /;

beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  // A red account with a few reasons, else an amber one (the demo's bands depend on its data).
  for (const band of ['red', 'amber'] as const) {
    const { rows } = await ask(app.core, 'accounts.atRisk', { band, page: 1, pageSize: 5 });
    const row = rows.find((r) => r.reasons.length >= 2) ?? rows[0];
    if (row) {
      account = { id: row.accountId, band, reasons: row.reasons };
      break;
    }
  }
  expect(account, 'the demo has no red or amber account').toBeDefined();
});
afterAll(() => app?.close());

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

describe('at-risk reasons as sentences', () => {
  it('lists the core’s sentences on the dashboard, never rule text', async () => {
    expect(account.reasons.length).toBeGreaterThan(0);
    for (const reason of account.reasons) expect(reason).not.toMatch(RULE_TEXT);
    for (const viewport of SIZES)
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await app.open('dashboard', { viewport, colorScheme });
        // The band radios are drawn as a segmented control: its label is what takes the click.
        await page.locator('label', { has: page.getByTestId(`at-risk-band-${account.band}`) }).click();
        await expect.poll(() => page.getByTestId(`at-risk-band-${account.band}`).isChecked()).toBe(true);
        const row = page.locator(`[data-testid=at-risk-row][data-row-id="${account.id}"]`);
        await row.waitFor();
        // The list shows the first two reasons of each row.
        const shown = await row.locator('.reasons > span').allInnerTexts();
        expect(shown).toEqual(account.reasons.slice(0, 2));
        await page.getByTestId('at-risk-count').scrollIntoViewIfNeeded();
        await page.waitForTimeout(500);
        await app.screenshot(page, `at-risk-${viewport.width}-${colorScheme}`);
        await page.close();
      }
  });

  it('says the same sentences in the account page’s health breakdown, with the numbers beside them', async () => {
    const health = await ask(app.core, 'health.explain', { id: account.id });
    const sentences = health.components.flatMap((c) => c.sentences ?? []);
    // Every health reason the list gives is one of the breakdown's sentences (the moments of truth come from journey maps).
    const fromHealth = account.reasons.filter((reason) => sentences.includes(reason));
    expect(fromHealth.length).toBeGreaterThan(0);
    for (const viewport of SIZES)
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await app.open(`accounts/${account.id}`, { viewport, colorScheme });
        await page.getByTestId('health-components').waitFor();
        const shown = (await page.getByTestId('component-sentence').allInnerTexts()).flatMap((text) => text.split('; '));
        for (const reason of fromHealth) expect(shown).toContain(reason);
        await page.getByTestId('health-components').scrollIntoViewIfNeeded();
        await page.waitForTimeout(500);
        await app.screenshot(page, `account-health-${viewport.width}-${colorScheme}`);
        await page.close();
      }
  });
});
