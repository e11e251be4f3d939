import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/contract/accounts';
import type { Outcome } from '../../shared/contract/outcomes';
import { startApp, type App } from './harness';
import { pickAccount } from './pickAccount';
import { ask, demoWorkspace } from './workspace';

let app: App;
let account: Account;
let outcomes: Outcome[];

beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  // A customer with measured results to build a story on.
  const { rows } = await ask(app.core, 'accounts.list', { pageSize: 500, sort: { field: 'name', direction: 'asc' } });
  for (const candidate of rows) {
    const found = (await ask(app.core, 'outcomes.list', { filter: { accountId: candidate.id }, pageSize: 50 })).rows;
    if (found.length >= 2) {
      account = candidate;
      outcomes = found;
      break;
    }
  }
  if (!account) throw new Error('the demo workspace has no account with two outcomes');
});
afterAll(() => app?.close());

const column = (page: Page, stage: string) => page.getByTestId(`story-column-${stage}`);
const card = (page: Page, title: string) => page.locator('[data-testid=story-card]', { hasText: title });

describe('stories', () => {
  it('writes a story, records the customer approval, publishes it and exports Markdown', async () => {
    const page = await app.open('stories');
    await page.getByTestId('story-board').waitFor();
    const demoStories = await ask(app.core, 'stories.list', { pageSize: 500 });
    expect(await page.getByTestId('story-card').count()).toBe(demoStories.total);
    await app.screenshot(page, 'stories-board');

    await page.getByTestId('new-story').click();
    await page.getByTestId('new-story-dialog').waitFor();
    await pickAccount(page, 'new-story-picker', account.name);
    const title = `How ${account.name} halved its response times`;
    await page.getByTestId('new-story-title').fill(title);
    await page.getByTestId('new-story-submit').click();
    await page.waitForURL(/#\/stories\/\d+$/);
    const id = Number(/stories\/(\d+)$/.exec(page.url())![1]);
    await page.getByTestId('story-editor').waitFor();
    expect(await page.getByTestId('story-heading').innerText()).toBe(title);

    const challenge = 'Tickets waited half a day for a first answer, and customers called twice.';
    const solution = 'Skill-based routing and a shared knowledge base, live in six weeks.';
    const quote = 'We answer before the customer has finished their coffee.';
    await page.getByTestId('story-challenge').fill(challenge);
    await page.getByTestId('story-solution').fill(solution);
    await page.getByTestId('add-quote').click();
    await page.getByTestId('quote-text').fill(quote);
    await page.getByTestId('quote-speaker').fill('Maria Lopez, VP Operations');
    expect(await page.getByTestId('story-save-state').innerText()).toBe('Unsaved changes');
    await page.getByTestId('story-save').click();
    await expect.poll(() => page.getByTestId('story-save-state').innerText()).toBe('Saved');

    const result = outcomes[0]!;
    await page.getByTestId('result-pick').selectOption(String(result.id));
    await page.getByTestId('result-add').click();
    await expect.poll(() => page.getByTestId('story-result').count()).toBe(1);
    expect(await page.getByTestId('story-result').innerText()).toContain(result.metric);

    // Forward to customer review; approving is refused until the customer's approval is recorded.
    await page.getByTestId('stage-forward').click();
    await expect.poll(() => page.getByTestId('story-stage-pill').innerText()).toBe('Drafting');
    await page.getByTestId('stage-forward').click();
    await expect.poll(() => page.getByTestId('story-stage-pill').innerText()).toBe('Customer review');
    expect(await page.getByTestId('stage-blocked').innerText()).toContain('customer’s approval');
    await page.getByTestId('stage-forward').click();
    await page.getByTestId('stage-error').waitFor();
    expect(await page.getByTestId('stage-error').innerText()).toBe("A story cannot be approved without the customer's approval: record the customer's approval first.");
    await app.screenshot(page, 'story-editor-refused');

    await page.getByTestId('record-approval').click();
    await page.getByTestId('approval-form').waitFor();
    expect(await page.getByTestId('approval-role').inputValue()).toBe('customer');
    await page.getByTestId('approval-approver').fill('Maria Lopez, VP Operations');
    await page.getByTestId('approval-note').fill('Approved with two wording changes');
    await page.getByTestId('approval-form-submit').click();
    await expect.poll(() => page.getByTestId('approval-row').count()).toBe(1);
    expect(await page.getByTestId('approval-row').innerText()).toContain('Maria Lopez, VP Operations');

    await page.getByTestId('stage-forward').click();
    await expect.poll(() => page.getByTestId('story-stage-pill').innerText()).toBe('Approved');
    await page.getByTestId('stage-forward').click();
    await expect.poll(() => page.getByTestId('story-stage-pill').innerText()).toBe('Published');

    // The customer's only approval of a published story cannot be withdrawn: the dialog says why.
    await page.getByTestId('withdraw-approval').click();
    const withdraw = page.getByTestId('withdraw-approval-dialog');
    await withdraw.getByTestId('withdraw-approval-dialog-confirm').click();
    await expect.poll(() => withdraw.getByRole('alert').innerText()).toContain('move it back to customer review first');
    await app.screenshot(page, 'story-withdraw-refused');
    await withdraw.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('approval-row').count()).toBe(1);
    const stored = await ask(app.core, 'stories.get', { id });
    expect(stored).toMatchObject({ stage: 'published', challenge, solution, quotes: [{ text: quote, speaker: 'Maria Lopez, VP Operations' }] });
    expect(stored.publishedAt).not.toBeNull();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot(page, 'story-editor');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-markdown').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^story-${id}-.+\\.md$`));
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain(`# ${title}`);
    expect(markdown).toContain(`**Customer:** ${account.name}`);
    expect(markdown).toContain(`## The challenge\n\n${challenge}`);
    expect(markdown).toContain(`## The solution\n\n${solution}`);
    expect(markdown).toContain(`- **${result.metric}:**`);
    expect(markdown).toContain(`> ${quote}\n>\n> — Maria Lopez, VP Operations`);
    expect(markdown).not.toContain('Draft');
    expect(markdown).toBe((await ask(app.core, 'stories.export', { id, format: 'markdown' })).content);

    const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
    expect(readFileSync(await html.path(), 'utf8')).toContain('@page { size: A4;');

    // Print opens the print-ready page in a window of its own (the browser build) and prints it.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-story').click()]);
    await expect.poll(() => popup.title()).toBe(title);
    expect(await popup.locator('.results .figure').count()).toBe(1);
    await app.screenshot(popup, 'story-print');
    await popup.close();
    await page.close();
  });

  it('moves cards with the keyboard and by drag, and explains a refused move', async () => {
    const title = `Keyboard story ${Date.now()}`;
    const story = await ask(app.core, 'stories.create', { accountId: account.id, title });
    const page = await app.open('stories');
    await card(page, title).waitFor();
    expect(await column(page, 'idea').locator('[data-testid=story-card]', { hasText: title }).count()).toBe(1);

    await card(page, title).focus();
    await page.keyboard.press('ArrowRight');
    await column(page, 'drafting').locator('[data-testid=story-card]', { hasText: title }).waitFor();
    // Focus stays on the moved card, so the next key moves it again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-story-id'))).toBe(String(story.id));
    await page.keyboard.press('ArrowRight');
    await column(page, 'customer_review').locator('[data-testid=story-card]', { hasText: title }).waitFor();
    await page.keyboard.press('ArrowRight');
    const refused = page.getByTestId('story-move-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain(`“${title}” cannot move to Approved: A story cannot be approved without the customer's approval`);
    expect(await column(page, 'customer_review').locator('[data-testid=story-card]', { hasText: title }).count()).toBe(1);
    await app.screenshot(page, 'stories-board-refused');

    await card(page, title).dragTo(column(page, 'drafting'));
    await column(page, 'drafting').locator('[data-testid=story-card]', { hasText: title }).waitFor();
    // The card moves at once; the core has it when the board says the move was made.
    await expect.poll(() => page.getByTestId('story-move-status').textContent(), { timeout: 30_000 }).toBe(`Moved “${title}” to Drafting.`);
    expect((await ask(app.core, 'stories.get', { id: story.id })).stage).toBe('drafting');

    await card(page, title).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/stories/${story.id}$`));
    await page.close();
  });

  it('lists each product’s stories and measured results', async () => {
    const expected = await ask(app.core, 'stories.productResults', {});
    const page = await app.open('stories/products');
    await page.getByTestId('product-group').first().waitFor();
    expect(await page.getByTestId('product-group').count()).toBe(expected.length);
    const first = page.getByTestId('product-group').first();
    expect(await first.locator('h2').innerText()).toBe(expected[0]!.product);
    expect(await first.locator('[data-testid=result-figure]').count()).toBe(expected[0]!.resultCount);
    await app.screenshot(page, 'stories-by-product');
    await page.getByTestId('published-only').check();
    const published = await ask(app.core, 'stories.productResults', { stage: 'published' });
    await expect.poll(() => page.getByTestId('product-group').count()).toBe(published.length);
    await page.close();
  });
});
