import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let path: string;
beforeAll(async () => {
  path = tempWorkspacePath('demo.fulcrum');
  await generateDemoWorkspace(path, { accounts: 200, seed: 3, today: '2026-11-01' });
  core = await testCore(path);
});
afterAll(() => core?.close());

it('writes demo stories whose quotes have a speaker and whose headline figure is one of their results', async () => {
  const { rows } = await core.call('stories.list', { pageSize: 500 });
  expect(rows.length).toBeGreaterThan(5);
  for (const summary of rows) {
    const story = await core.call('stories.get', { id: summary.id });
    for (const quote of story.quotes) expect(quote.speaker).toMatch(/\S, \S/);
    expect(story.results.length).toBeGreaterThanOrEqual(1);
    // A percentage is claimed as where it went ("from 12 % to 52 %"), never as a relative change; anything else relatively ("by 42 %").
    const fromTo = /from (\d+) % to (\d+) %$/.exec(story.title);
    if (fromTo) {
      const [from, to] = [Number(fromTo[1]), Number(fromTo[2])];
      expect(
        story.results.some((r) => r.unit === '%' && Math.round(r.baseline!) === from && Math.round(r.achieved!) === to),
        story.title,
      ).toBe(true);
    } else {
      const claimed = Number(/by (\d+) %$/.exec(story.title)?.[1]);
      const measured = story.results.filter((r) => r.unit !== '%').map((r) => Math.round((Math.abs(r.achieved! - r.baseline!) / r.baseline!) * 100));
      // Stored figures are rounded to one decimal, so the recomputed change may differ by a point or two.
      expect(
        measured.some((m) => Math.abs(m - claimed) <= 2),
        `${story.title}: ${measured.join(', ')}`,
      ).toBe(true);
    }
    // Approved and published stories carry the customer's approval, as the move rule demands.
    if (['approved', 'published'].includes(story.stage)) expect(story.approvals.some((a) => a.role === 'customer')).toBe(true);
  }
});

it('is deterministic: the same seed gives the same stories', async () => {
  const again = tempWorkspacePath('demo2.fulcrum');
  await generateDemoWorkspace(again, { accounts: 200, seed: 3, today: '2026-11-01' });
  const other = await testCore(again);
  try {
    const dump = (c: TestCore) => c.context.sqlite.prepare('SELECT title, stage, quotes, products FROM success_stories ORDER BY id').all();
    const links = (c: TestCore) => c.context.sqlite.prepare('SELECT * FROM story_outcomes ORDER BY story_id, outcome_id').all();
    expect(dump(other)).toEqual(dump(core));
    expect(links(other)).toEqual(links(core));
  } finally {
    await other.close();
  }
});
