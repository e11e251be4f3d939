// The roadmap editor's drafts and the suggestions it makes from the gaps (pure).
import type { Horizon, Recommendation, Results } from '../../../../shared/contract/assessments';

export interface RecommendationDraft {
  action: string;
  dimensionKey: string;
  itemKey: string;
  owner: string;
  horizon: Horizon | '';
  expectedEffect: string;
}

export const emptyDraft = (): RecommendationDraft => ({ action: '', dimensionKey: '', itemKey: '', owner: '', horizon: '', expectedEffect: '' });

export function toDraft(r: Recommendation): RecommendationDraft {
  return { action: r.action, dimensionKey: r.dimensionKey ?? '', itemKey: r.itemKey ?? '', owner: r.owner ?? '', horizon: r.horizon ?? '', expectedEffect: r.expectedEffect ?? '' };
}

export function fromDraft(d: RecommendationDraft) {
  return {
    action: d.action,
    dimensionKey: d.dimensionKey || null,
    itemKey: d.itemKey || null,
    owner: d.owner.trim() || null,
    horizon: d.horizon || null,
    expectedEffect: d.expectedEffect.trim() || null,
  };
}

/**
 * One draft per item below its target that the roadmap does not cover yet, largest gap first;
 * the floor dimension's items come sooner (0-3 months), the rest later.
 */
export function suggestFromGaps(results: Results, drafts: readonly RecommendationDraft[], limit = 5): RecommendationDraft[] {
  const covered = new Set(drafts.map((d) => d.itemKey).filter(Boolean));
  return results.items
    .filter((i) => i.gap !== null && i.gap > 0 && !covered.has(i.itemKey))
    .sort((a, b) => b.gap! - a.gap!)
    .slice(0, limit)
    .map((i) => ({
      ...emptyDraft(),
      action: `Close the gap on: ${i.statement}`,
      dimensionKey: i.dimensionKey,
      itemKey: i.itemKey,
      horizon: results.floor?.dimensionKey === i.dimensionKey ? '0_3_months' : '3_6_months',
      expectedEffect: `From level ${i.meanLevel!.toFixed(1)} to ${i.target}`,
    }));
}

export function moveDraft<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
