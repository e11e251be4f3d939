// Marketing's path from a deal to a request: the requester is "who am I", a reference already asked
// for this deal says so (with the request's state) and is not asked twice, and its past requests
// and stories are one click away. And an empty programme says what it lacks instead of "$0".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../shared/contract/deals';
import type { MatchResult } from '../../shared/contract/leverage';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

describe("marketing's path from a deal to a request", () => {
  let app: App;
  let deal: Deal;
  let match: MatchResult;
  beforeAll(async () => {
    app = await startApp(await demoWorkspace(150));
    await ask(app.core, 'identity.set', { name: 'Mia Marketing', email: 'mia@example.com', role: 'reference_manager' });
    // An open deal with at least two ranked references and no request yet for the best one.
    const open = await ask(app.core, 'deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 100 });
    for (const candidate of open.rows) {
      const answer = await ask(app.core, 'leverage.match', { dealId: candidate.id });
      if (answer.ranked.length < 2) continue;
      const asked = await ask(app.core, 'requests.list', { filter: { dealId: candidate.id, referenceId: answer.ranked[0]!.referenceId } });
      if (asked.total > 0) continue;
      deal = candidate;
      match = answer;
      break;
    }
    if (!deal) throw new Error('no open demo deal with two ranked references and none asked yet');
  });
  afterAll(() => app?.close());

  it('finds the deal by search, asks as "who am I", then marks the reference as requested and does not ask twice', async () => {
    const page = await app.open('references/finder');
    await page.getByTestId('finder-deal-search').fill(deal.prospect);
    await page.getByTestId('finder-deal-option').filter({ hasText: deal.prospect }).first().click();
    await expect.poll(() => page.getByTestId('finder-deal-prospect').innerText()).toBe(deal.prospect);
    const best = match.ranked[0]!;
    const card = page.locator(`[data-testid=match-row][data-reference-id="${best.referenceId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('match-requested').count()).toBe(0);
    expect(await card.getByTestId('match-past-requests').getAttribute('href')).toBe(`#/references/pipeline/${best.referenceId}`);
    expect(await card.getByTestId('match-stories').getAttribute('href')).toBe(`#/accounts/${best.accountId}`);

    await card.getByTestId('request-reference').click();
    await page.getByTestId('request-dialog').waitFor();
    await expect.poll(() => page.getByTestId('request-requester').inputValue()).toBe('Mia Marketing');
    await page.getByTestId('request-submit').click();
    await page.getByTestId('request-notice').waitFor();

    const [made] = (await ask(app.core, 'requests.list', { filter: { dealId: deal.id, referenceId: best.referenceId } })).rows;
    expect(made).toMatchObject({ requester: 'Mia Marketing', status: 'requested' });
    // The card of the same reference (wherever it ranks now) carries the request's state and refuses a second one.
    const after = page.locator(`[data-testid=match-row][data-reference-id="${best.referenceId}"]`);
    await expect.poll(() => after.getByTestId('match-requested').innerText()).toBe('Requested for this deal: Requested');
    expect(await after.getByTestId('match-requested').getAttribute('href')).toBe(`#/references/requests/${made!.id}`);
    expect(await after.getByTestId('request-reference').isDisabled()).toBe(true);
    await app.screenshot(page, 'finder-requested');

    // Past requests: one click to the reference, whose detail lists this request.
    await after.getByTestId('match-past-requests').click();
    await expect.poll(() => page.getByTestId('reference-requests').innerText()).toContain(deal.prospect);
    await page.close();
  });
});

describe('an empty programme', () => {
  let app: App;
  beforeAll(async () => {
    const path = tempWorkspacePath('new.fulcrum');
    await (await testCore(path)).close();
    app = await startApp(path);
  });
  afterAll(() => app?.close());

  it('says Influence has no deals yet instead of $0, and Coverage claims no coverage', async () => {
    const page = await app.open('references/influence');
    await page.getByTestId('influence-no-deals').waitFor();
    expect(await page.getByTestId('influence-no-deals').innerText()).toContain('No deals yet');
    expect(await page.getByTestId('influence-pipeline').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('$0');
    await app.screenshot(page, 'empty-influence-no-deals');

    await page.goto(page.url().replace(/#.*$/, '#/references/coverage'));
    await page.getByTestId('coverage-no-gaps').waitFor();
    const text = await page.getByTestId('coverage-no-gaps').innerText();
    expect(text).not.toContain('Every place');
    expect(text).toBe('No customers or open deals yet: nothing to cover.');
    await page.close();
  });
});
