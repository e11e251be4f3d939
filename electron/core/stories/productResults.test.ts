import { expect, it } from 'vitest';
import type { Outcome } from '../../../shared/contract/outcomes';
import { groupByProduct, type ProductStory } from './productResults';

const story = (id: number, stage: ProductStory['stage'], products: string[]): ProductStory => ({
  id,
  title: `Story ${id}`,
  accountName: 'Acme',
  stage,
  publishedAt: null,
  products,
});

it('groups stories by product, most stories first, furthest along first, retired last', () => {
  const results = new Map<number, Outcome[]>([[2, [{ id: 9 } as Outcome, { id: 10 } as Outcome]]]);
  const groups = groupByProduct([story(1, 'retired', ['B', 'A']), story(2, 'published', ['A']), story(3, 'idea', ['A', 'A']), story(4, 'drafting', ['C'])], results);
  expect(groups.map((g) => [g.product, g.storyCount, g.resultCount])).toEqual([
    ['A', 3, 2],
    ['B', 1, 0],
    ['C', 1, 0],
  ]);
  expect(groups[0]!.stories.map((s) => s.id)).toEqual([2, 3, 1]);
  expect(groupByProduct([story(1, 'idea', ['A', 'B'])], new Map(), 'B').map((g) => g.product)).toEqual(['B']);
});
