import type { Outcome } from '../../../shared/contract/outcomes';
import { STORY_STAGES, type ProductResult, type StoryStage } from '../../../shared/contract/stories';

export interface ProductStory {
  id: number;
  title: string;
  accountName: string;
  stage: StoryStage;
  publishedAt: string | null;
  products: string[];
}

/**
 * Stories regrouped by the products they name, for product teams: the most-told products first,
 * and within a product the furthest-along stories first (published before drafts).
 */
export function groupByProduct(stories: ProductStory[], results: Map<number, Outcome[]>, only?: string): ProductResult[] {
  const byProduct = new Map<string, ProductResult>();
  for (const { products, ...story } of stories) {
    for (const product of new Set(products)) {
      if (only !== undefined && product !== only) continue;
      const entry = byProduct.get(product) ?? { product, stories: [], storyCount: 0, resultCount: 0 };
      const storyResults = results.get(story.id) ?? [];
      entry.stories.push({ ...story, results: storyResults });
      entry.storyCount += 1;
      entry.resultCount += storyResults.length;
      byProduct.set(product, entry);
    }
  }
  const progress = (stage: StoryStage) => (stage === 'retired' ? -1 : STORY_STAGES.indexOf(stage));
  const groups = [...byProduct.values()];
  for (const group of groups) group.stories.sort((a, b) => progress(b.stage) - progress(a.stage) || a.title.localeCompare(b.title) || a.id - b.id);
  return groups.sort((a, b) => b.storyCount - a.storyCount || a.product.localeCompare(b.product));
}
