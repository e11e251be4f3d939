import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

/** A published story with one verified result and a quote, written through the channels. */
async function publishedStory() {
  const account = await core.call('accounts.create', { name: 'Acme <Logistics> & Co', segment: 'enterprise', industry: 'Logistics' });
  const outcome = await core.call('outcomes.create', {
    accountId: account.id,
    metric: 'First response time',
    baseline: 12,
    achieved: 4,
    unit: 'hours',
    periodStart: '2025-07-01',
    periodEnd: '2025-12-31',
    method: 'Median over all tickets',
    verifiedBy: 'Ana Ruiz',
    verifiedAt: '2026-01-15',
  });
  const story = await core.call('stories.create', {
    accountId: account.id,
    title: 'How Acme cut response times by 67 %',
    products: ['Service Cloud'],
    challenge: 'Tickets waited half a day.\n\nCustomers called twice.',
    solution: 'Routing by skill <script>alert(1)</script>',
    quotes: [{ text: 'We answer before the coffee is cold.', speaker: 'Maria Lopez, VP Operations' }],
  });
  await core.call('stories.linkOutcome', { id: story.id, outcomeId: outcome.id });
  for (const stage of ['drafting', 'customer_review'] as const) await core.call('stories.move', { id: story.id, stage });
  await core.call('stories.approve', { id: story.id, approver: 'Maria Lopez', role: 'customer' });
  core.setNow('2026-03-05T10:00:00.000Z');
  for (const stage of ['approved', 'published'] as const) await core.call('stories.move', { id: story.id, stage });
  return { account, outcome, story };
}

describe('stories.export', () => {
  it('writes Markdown with challenge, solution, results as baseline → achieved over the period, method, verifier and quotes', async () => {
    const { story } = await publishedStory();
    const file = await core.call('stories.export', { id: story.id, format: 'markdown' });
    expect(file.fileName).toBe(`story-${story.id}-how-acme-cut-response-times-by-67.md`);
    expect(file.mimeType).toBe('text/markdown;charset=utf-8');
    expect(file.content).toBe(`# How Acme cut response times by 67 %

**Customer:** Acme <Logistics> & Co  
**Industry:** Logistics  
**Products:** Service Cloud  
**Published:** 2026-03-05

## The challenge

Tickets waited half a day.

Customers called twice.

## The solution

Routing by skill <script>alert(1)</script>

## Results

- **First response time:** 12 → 4 hours (−67 %), Jul 2025 – Dec 2025
  - Method: Median over all tickets
  - Verified by Ana Ruiz on 2026-01-15

## In their words

> We answer before the coffee is cold.
>
> — Maria Lopez, VP Operations
`);
  });

  it('writes a self-contained, print-ready A4 HTML page with everything escaped', async () => {
    const { story } = await publishedStory();
    const file = await core.call('stories.export', { id: story.id, format: 'html' });
    expect(file.fileName).toBe(`story-${story.id}-how-acme-cut-response-times-by-67.html`);
    expect(file.mimeType).toBe('text/html;charset=utf-8');
    const html = file.content;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<title>How Acme cut response times by 67 %</title>');
    expect(html).toContain('<strong>Customer:</strong> Acme &lt;Logistics&gt; &amp; Co');
    expect(html).toContain('Routing by skill &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('<p>Tickets waited half a day.</p>\n<p>Customers called twice.</p>');
    expect(html).toContain('<div class="figure">12 → 4 hours (−67 %)</div>');
    expect(html).toContain(
      '<div class="meta">Jul 2025 – Dec 2025</div><div class="meta">Method: Median over all tickets</div><div class="meta">Verified by Ana Ruiz on 2026-01-15</div>',
    );
    expect(html).toContain('<footer>— Maria Lopez, VP Operations</footer>');
    expect(html).not.toContain('class="draft"');
    // Nothing to fetch: no links, scripts, images or fonts from elsewhere.
    expect(html).not.toMatch(/(src|href)=|url\(|@import|https?:/);
  });

  it('marks an export made before the customer approved it as a draft', async () => {
    const account = await core.call('accounts.create', { name: 'Initech', segment: 'smb' });
    const story = await core.call('stories.create', { accountId: account.id, title: 'Early idea' });
    const markdown = await core.call('stories.export', { id: story.id, format: 'markdown' });
    expect(markdown.content).toContain('> **Draft** — not yet approved by the customer. Do not publish.');
    expect(markdown.content).toContain('_No measured results linked yet._');
    const html = await core.call('stories.export', { id: story.id, format: 'html' });
    expect(html.content).toContain('<p class="draft">Draft — not yet approved by the customer. Do not publish.</p>');
    expect((await core.fail('stories.export', { id: story.id, format: 'pdf' })).issues?.[0]?.path).toBe('format');
    expect((await core.fail('stories.export', { id: 999, format: 'html' })).code).toBe('NOT_FOUND');
  });
});

describe('stories.productResults', () => {
  it('lists per product its stories and their measured results, most-told product first', async () => {
    const { story, outcome } = await publishedStory();
    const globex = await core.call('accounts.create', { name: 'Globex', segment: 'smb' });
    const idea = await core.call('stories.create', { accountId: globex.id, title: 'Globex idea', products: ['Service Cloud', 'Billing'] });
    const archived = await core.call('stories.create', { accountId: globex.id, title: 'Gone', products: ['Billing'] });
    await core.call('stories.archive', { id: archived.id });

    const byProduct = await core.call('stories.productResults', {});
    expect(byProduct.map((p) => [p.product, p.storyCount, p.resultCount])).toEqual([
      ['Service Cloud', 2, 1],
      ['Billing', 1, 0],
    ]);
    // The published story leads its product; its result is the outcome in full.
    expect(byProduct[0]!.stories.map((s) => [s.id, s.stage, s.accountName])).toEqual([
      [story.id, 'published', 'Acme <Logistics> & Co'],
      [idea.id, 'idea', 'Globex'],
    ]);
    expect(byProduct[0]!.stories[0]!.results).toEqual([outcome]);

    const published = await core.call('stories.productResults', { stage: 'published' });
    expect(published.map((p) => p.product)).toEqual(['Service Cloud']);
    expect((await core.call('stories.productResults', { product: 'Billing' })).map((p) => p.stories.map((s) => s.title))).toEqual([['Globex idea']]);
  });
});
