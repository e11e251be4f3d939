// Pure arithmetic of a success plan's progress, so the account page and the tests read the same figures.

/**
 * How far an objective has come from its baseline (0 when not given) to its target, held to 0..1.
 * Works both ways: a target below the baseline (cut tickets from 120 to 80) is progress downwards.
 * Null when nothing has been measured yet.
 */
export function objectiveProgress(baseline: number | null, target: number, value: number | null): number | null {
  if (value === null) return null;
  const from = baseline ?? 0;
  if (target === from) return value === target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - from) / (target - from)));
}

/**
 * A plan's overall progress: the mean over its objectives (an unmeasured one counts 0) and its
 * milestones (done 1, open 0), each counting once. Null for a plan with neither.
 */
export function planProgress(objectives: readonly (number | null)[], milestonesDone: readonly boolean[]) {
  const parts = [...objectives.map((p) => p ?? 0), ...milestonesDone.map((done) => (done ? 1 : 0))];
  return {
    overall: parts.length === 0 ? null : parts.reduce((s, p) => s + p, 0) / parts.length,
    objectivesMet: objectives.filter((p) => p === 1).length,
    objectives: objectives.length,
    milestonesDone: milestonesDone.filter(Boolean).length,
    milestones: milestonesDone.length,
  };
}
