import type { StoredComponent } from './snapshots';
import { reasonSentence } from './reasons';

/**
 * Why an account lost health points, read from its snapshot (the findings stored beside the score
 * they explain, findings.ts) and said as sentences now (reasons.ts), so old snapshots read in
 * today's wording: components in the order of points lost (weight × (100 − score)), and within one,
 * each part that fell short of full marks. A snapshot taken before findings were stored keeps its
 * component's own reason until its next refresh (every write, daily, health.recompute).
 */
export function snapshotReasons(components: readonly StoredComponent[], count = 3): string[] {
  return components
    .filter((c) => c.score !== null && c.score < 100 && c.weight > 0)
    .map((c) => ({ component: c, lost: c.weight * (100 - (c.score as number)) }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, count)
    .flatMap(({ component }) => (component.findings ? component.findings.map(reasonSentence) : [component.reason]));
}
