import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorySummary } from '../../shared/contract/stories';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
let story: StorySummary;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  // A demo story's account: it has measured outcomes and at least one story.
  const published = await ask(app.core, 'stories.list', { pageSize: 1, filter: { stage: 'published' } });
  if (!published.rows[0]) throw new Error('the demo workspace has no published story');
  story = published.rows[0];
});
afterAll(() => app?.close());

describe('account page: outcomes and stories', () => {
  it('shows the account’s outcomes as baseline → achieved and its stories with their stage', async () => {
    const outcomes = await ask(app.core, 'outcomes.list', { filter: { accountId: story.accountId }, pageSize: 200 });
    const stories = await ask(app.core, 'stories.list', { filter: { accountId: story.accountId }, pageSize: 100 });
    const page = await app.open(`accounts/${story.accountId}`);
    await expect.poll(() => page.getByTestId('outcome-row').count()).toBe(outcomes.total);
    await expect.poll(() => page.getByTestId('account-story-row').count()).toBe(stories.total);
    const first = outcomes.rows.find((o) => o.baseline !== null && o.achieved !== null)!;
    const row = page.locator('[data-testid=outcome-row]', { hasText: first.metric }).first();
    expect(await row.getByTestId('result-change').innerText()).toContain('→');
    expect(await page.locator('[data-testid=account-story-row]', { hasText: story.title }).innerText()).toContain('Published');
    await page.getByTestId('outcomes').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'account-outcomes-stories');

    await page.locator('[data-testid=account-story-row] a', { hasText: story.title }).click();
    await page.waitForURL(new RegExp(`#/stories/${story.id}$`));
    expect(await page.getByTestId('story-heading').innerText()).toBe(story.title);
    await page.close();
  });

  it('adds an outcome and corrects it', async () => {
    const page = await app.open(`accounts/${story.accountId}`);
    await page.getByTestId('outcome-row').first().waitFor();
    const before = await page.getByTestId('outcome-row').count();
    await page.getByTestId('add-outcome').click();
    await page.getByTestId('outcome-form').waitFor();
    // Nothing named: the form says what is missing instead of sending it.
    await page.getByTestId('outcome-form-submit').click();
    expect(await page.getByTestId('error-metric').innerText()).toContain('Name what was measured');
    await page.getByTestId('outcome-metric').fill('Onboarding time for new agents');
    expect(await page.getByTestId('error-metric').count()).toBe(0);
    await page.getByTestId('outcome-baseline').fill('15');
    await page.getByTestId('outcome-achieved').fill('6');
    await page.getByTestId('outcome-unit').fill('days');
    await page.getByTestId('outcome-periodStart').fill('2026-01-01');
    await page.getByTestId('outcome-periodEnd').fill('2026-06-30');
    await page.getByTestId('outcome-method').fill('HR records, cohort of 40 agents');
    await page.getByTestId('outcome-verifiedBy').fill('Jo Park, Head of Support');
    await app.screenshot(page, 'account-outcome-form');
    await page.getByTestId('outcome-form-submit').click();
    await page.getByTestId('outcome-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('outcome-row').count()).toBe(before + 1);
    const added = page.locator('[data-testid=outcome-row]', { hasText: 'Onboarding time for new agents' });
    expect(await added.getByTestId('result-change').innerText()).toBe('15 → 6 days');

    await added.getByTestId('edit-outcome').click();
    expect(await page.getByTestId('outcome-achieved').inputValue()).toBe('6');
    await page.getByTestId('outcome-achieved').fill('5.5');
    await page.getByTestId('outcome-form-submit').click();
    await expect.poll(() => added.getByTestId('result-change').innerText()).toBe('15 → 5.5 days');
    const stored = await ask(app.core, 'outcomes.list', { filter: { accountId: story.accountId }, search: 'Onboarding time', pageSize: 5 });
    expect(stored.rows[0]).toMatchObject({ baseline: 15, achieved: 5.5, unit: 'days', periodEnd: '2026-06-30', verifiedBy: 'Jo Park, Head of Support' });
    await page.close();
  });

  it('starts a story about this customer from its page', async () => {
    const page = await app.open(`accounts/${story.accountId}`);
    await page.getByTestId('account-new-story').click();
    await page.getByTestId('new-story-dialog').waitFor();
    expect(await page.getByTestId('new-story-account').innerText()).toBe(story.accountName);
    await page.getByTestId('new-story-submit').click();
    expect(await page.getByTestId('error-title').innerText()).toBe('Give the story a working title');
    await page.getByTestId('new-story-title').fill('A second story');
    await page.getByTestId('new-story-submit').click();
    await page.waitForURL(/#\/stories\/\d+$/);
    const id = Number(/stories\/(\d+)$/.exec(page.url())![1]);
    expect(await ask(app.core, 'stories.get', { id })).toMatchObject({ accountId: story.accountId, title: 'A second story', stage: 'idea' });
    await page.getByTestId('story-editor').waitFor();
    await page.close();
  });
});
