import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../shared/contract/leverage';
import type { Deal } from '../../shared/contract/deals';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
let deal: Deal;
let expected: MatchResult;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  // An open demo deal with several fitting references and some held back by a gate other than the stage.
  const open = await ask(app.core, 'deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 100 });
  for (const candidate of open.rows) {
    const match = await ask(app.core, 'leverage.match', { dealId: candidate.id });
    const gates = new Set(match.excluded.map((e) => e.gate));
    if (match.ranked.length >= 2 && gates.size >= 2 && candidate.industry) {
      deal = candidate;
      expected = match;
      break;
    }
  }
  if (!deal) throw new Error('no open demo deal with two ranked references and two kinds of exclusion');
});
afterAll(() => app?.close());

describe('reference finder', () => {
  it('finds references for a demo deal, with reasons, score parts and gate exclusions', async () => {
    const page = await app.open('references/finder');
    await page.getByTestId('finder-empty').waitFor();
    await page.getByTestId('finder-deal-search').fill(deal.prospect);
    await page.locator('[data-testid=finder-deal-option]', { hasText: deal.prospect }).first().click();
    await page.waitForURL(new RegExp(`#/references/finder/${deal.id}$`));
    await expect.poll(() => page.getByTestId('match-row').count()).toBe(expected.ranked.length);

    const names = await page.getByTestId('match-name').allInnerTexts();
    expect(names).toEqual(expected.ranked.map((r) => r.accountName));
    const first = page.getByTestId('match-row').first();
    expect(await first.getByTestId('match-score').innerText()).toBe(String(Math.round(expected.ranked[0]!.score)));
    const reasons = await first.getByTestId('match-reasons').locator('li').allInnerTexts();
    expect(reasons).toEqual(expected.ranked[0]!.reasons);
    expect(reasons.some((r) => /^readiness \d+$/.test(r))).toBe(true);

    // The breakdown opens from the keyboard and shows each part's points.
    await first.getByTestId('match-breakdown-toggle').focus();
    await page.keyboard.press('Enter');
    await first.getByTestId('match-breakdown').waitFor();
    expect(await first.getByTestId('match-breakdown').innerText()).toMatch(/Similarity[\s\S]*Readiness[\s\S]*Freshness/);

    const excluded = page.getByTestId('excluded-row');
    expect(await excluded.count()).toBe(expected.excluded.length);
    const gates = await page.getByTestId('excluded-gate').allInnerTexts();
    expect(new Set(gates).size).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('excluded-reason').first().innerText()).toBe(expected.excluded[0]!.reason);
    expect(await page.getByTestId('match-summary').innerText()).toContain(`${expected.eligible} of ${expected.pool} references`);
    await app.screenshot(page, 'reference-finder');
    await page.getByTestId('match-excluded').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'reference-finder-excluded');
    await page.close();
  });

  it('matches a typed prospect profile', async () => {
    const page = await app.open('references/finder');
    await page.getByTestId('finder-mode-profile').check();
    await page.getByTestId('profile-industry').fill(deal.industry!);
    await page.getByTestId('profile-region').fill(deal.region ?? '');
    await page.getByTestId('profile-employeeCount').fill('many');
    await page.getByTestId('profile-submit').click();
    await page.getByTestId('error-employeeCount').waitFor();
    await page.getByTestId('profile-employeeCount').fill('3000');
    await page.getByTestId('profile-submit').click();
    await page.getByTestId('match-summary').waitFor();
    const answer = await ask(app.core, 'leverage.match', { profile: { industry: deal.industry!, region: deal.region ?? undefined, employeeCount: 3000 } });
    await expect.poll(() => page.getByTestId('match-row').count()).toBe(answer.ranked.length);
    expect(await page.getByTestId('match-reasons').first().innerText()).toContain(`same industry (${deal.industry})`);
    await app.screenshot(page, 'reference-finder-profile');
    await page.close();
  });

  it('requests the best reference from the finder', async () => {
    const page = await app.open(`references/finder/${deal.id}`);
    await page.getByTestId('match-row').first().waitFor();
    const best = expected.ranked[0]!;
    await page.getByTestId('request-reference').first().click();
    await page.getByTestId('request-dialog').waitFor();
    await page.getByTestId('request-requester').fill('');
    await page.getByTestId('request-submit').click();
    await page.getByTestId('error-requester').waitFor();
    await page.getByTestId('request-requester').fill('Sam Seller');
    await app.screenshot(page, 'reference-request-dialog');
    await page.getByTestId('request-submit').click();
    await page.getByTestId('request-notice').waitFor();
    const requests = await ask(app.core, 'requests.list', { filter: { referenceId: best.referenceId, dealId: deal.id }, pageSize: 10 });
    expect(requests.rows.some((r) => r.requester === 'Sam Seller' && r.status === 'requested' && r.activity === 'reference_call')).toBe(true);
    await page.close();
  });
});

describe('program views', () => {
  it('suggests candidates with their reasons and nominates one', async () => {
    const page = await app.open('references/candidates');
    const expectedPage = await ask(app.core, 'leverage.candidates', { pageSize: 25 });
    expect(expectedPage.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(expectedPage.rows.length);
    expect(await page.getByTestId('candidate-name').first().innerText()).toBe(expectedPage.rows[0]!.name);
    expect(await page.getByTestId('candidate-score').first().innerText()).toBe(String(Math.round(expectedPage.rows[0]!.score)));
    await app.screenshot(page, 'reference-candidates');
    const chosen = expectedPage.rows[0]!;
    await page.getByTestId('candidate-nominate').first().click();
    await page.getByTestId('nominate-dialog').waitFor();
    const dialog = page.getByTestId('nominate-dialog');
    expect(await dialog.getByTestId('input-reason').inputValue()).toMatch(/^Readiness \d+: /);
    await dialog.getByTestId('input-by').fill('Casey CSM');
    await app.screenshot(page, 'reference-nominate-dialog');
    await page.getByTestId('nominate-dialog-submit').click();
    await page.getByTestId('nominate-notice').waitFor();
    await expect.poll(() => page.getByTestId('candidate-name').first().innerText()).not.toBe(chosen.name);
    const refs = await ask(app.core, 'references.list', { filter: { accountId: chosen.accountId }, pageSize: 5 });
    expect(refs.rows.map((r) => r.stage)).toEqual(['candidate']);
    await page.close();
  });

  it('shows coverage as a heatmap with the gaps named, and supply against demand', async () => {
    const page = await app.open('references/coverage');
    const coverage = await ask(app.core, 'leverage.coverage', {});
    await page.getByTestId('coverage-chart').waitFor();
    await expect.poll(() => page.getByTestId('coverage-gap').count()).toBe(coverage.gaps.length);
    expect(await page.getByTestId('coverage-gap').first().innerText()).toContain(coverage.gaps[0]!.message);
    const capacity = await ask(app.core, 'leverage.capacity', {});
    expect(await page.getByTestId('capacity-row').count()).toBe(capacity.segments.length);
    await app.screenshot(page, 'reference-coverage');
    // One product narrows both the heatmap and the gaps.
    const product = coverage.products[0]!;
    await page.getByTestId('coverage-product').selectOption(product);
    const narrowed = await ask(app.core, 'leverage.coverage', { product });
    await expect.poll(() => page.getByTestId('coverage-gap').count()).toBe(narrowed.gaps.length);
    await page.close();
  });

  it('shows influence with n beside each figure, and the program figures', async () => {
    const page = await app.open('references/influence');
    const influence = await ask(app.core, 'leverage.influence', {});
    await page.getByTestId('influence-winrate').waitFor();
    expect(await page.getByTestId('influence-winrate').innerText()).toContain(`n = ${influence.overall.withReference.n} closed`);
    expect(await page.getByTestId('influence-row').count()).toBe(influence.segments.length + 1);
    await page.getByTestId('program-acceptance').waitFor();
    const program = await ask(app.core, 'leverage.programFigures', {});
    expect(await page.getByTestId('program-past-sla').innerText()).toContain(String(program.pastSla.count));
    await app.screenshot(page, 'reference-influence');
    await page.close();
  });

  it('shows the reference standing on the account page', async () => {
    const ref = expected.ranked[0]!;
    const page = await app.open(`accounts/${ref.accountId}`);
    await page.getByTestId('standing-score').waitFor();
    const standing = await ask(app.core, 'leverage.standing', { accountId: ref.accountId });
    expect(await page.getByTestId('standing-score').innerText()).toBe(String(Math.round(standing.readiness.score!)));
    expect(await page.getByTestId('standing-stage').innerText()).toContain('Active');
    expect(await page.getByTestId('standing-component-rapport').innerText()).toContain(standing.readiness.components[3]!.reason);
    await page.getByTestId('reference-standing').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'reference-standing-card');
    await page.close();
  });

  it('edits the fatigue budgets in settings, with an error beside a bad value', async () => {
    const page = await app.open('settings');
    const section = page.getByTestId('settings-leverage');
    await section.waitFor();
    await page.getByTestId('input-leverage.fatigue.windowDays').fill('0');
    // One Save for every section of the settings (issue 15).
    await page.getByTestId('settings-save').click();
    expect(await page.getByTestId('error-leverage.fatigue.windowDays').innerText()).toBe('must be 1-366');
    await page.getByTestId('input-leverage.fatigue.windowDays').fill('60');
    await page.getByTestId('input-leverage.fatigue.budgets.reference_call').fill('3');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-notice').waitFor();
    const { leverage } = await ask(app.core, 'settings.get', {});
    expect(leverage.fatigue).toMatchObject({ windowDays: 60, budgets: { reference_call: 3 } });
    await section.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'settings-leverage');
    await page.close();
  });
});
