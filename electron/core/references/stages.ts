import { FUNNEL_STAGES, REFERENCE_STAGES, STAGE_TRANSITIONS, type Funnel, type ReferenceStage } from '../../../shared/contract/references';

/** Why a move is not allowed, or null when it is (consent for recruiting is checked by the service). */
export function stageMoveProblem(from: ReferenceStage, to: ReferenceStage): string | null {
  if (from === to) return `the reference is already ${to}`;
  if (STAGE_TRANSITIONS[from].includes(to)) return null;
  const allowed = STAGE_TRANSITIONS[from].join(' or ');
  return `a ${from} reference cannot move to ${to}; from ${from} it can move to ${allowed}`;
}

/** Resting is a pause of an active reference, so it counts as having reached active. */
const FUNNEL_RANK: Partial<Record<ReferenceStage, number>> = { candidate: 0, nominated: 1, recruited: 2, active: 3, resting: 3 };

export interface StagePath {
  stage: ReferenceStage;
  /** Every stage it has been moved to, from the stage log. */
  visited: readonly ReferenceStage[];
}

/**
 * Counts per stage now, and conversion along the funnel: a reference reached a funnel stage when it
 * ever held it or one further along (retired and declined say nothing by themselves; the log does).
 */
export function funnelOf(references: readonly StagePath[]): Funnel {
  const counts = new Map<ReferenceStage, number>(REFERENCE_STAGES.map((stage) => [stage, 0]));
  const furthest: number[] = [];
  for (const reference of references) {
    counts.set(reference.stage, counts.get(reference.stage)! + 1);
    const ranks = [reference.stage, ...reference.visited].map((stage) => FUNNEL_RANK[stage] ?? -1);
    furthest.push(Math.max(...ranks));
  }
  const conversions = FUNNEL_STAGES.slice(0, -1).map((from, index) => {
    const to = FUNNEL_STAGES[index + 1]!;
    const reached = furthest.filter((rank) => rank >= index).length;
    const converted = furthest.filter((rank) => rank >= index + 1).length;
    return { from, to, reached, converted, rate: reached === 0 ? null : (converted / reached) * 100 };
  });
  return { stages: REFERENCE_STAGES.map((stage) => ({ stage, count: counts.get(stage)! })), conversions };
}
