import { describe, expect, it } from 'vitest';
import { objectiveProgress, planProgress } from './progress';

describe('objectiveProgress', () => {
  it('measures from the baseline to the target, upwards or downwards, held to 0..1', () => {
    expect(objectiveProgress(20, 80, 50)).toBe(0.5);
    expect(objectiveProgress(null, 10, 4)).toBe(0.4);
    expect(objectiveProgress(120, 80, 110)).toBe(0.25);
    expect(objectiveProgress(20, 80, 100)).toBe(1);
    expect(objectiveProgress(20, 80, 0)).toBe(0);
    expect(objectiveProgress(5, 5, 5)).toBe(1);
    expect(objectiveProgress(5, 5, 4)).toBe(0);
    expect(objectiveProgress(20, 80, null)).toBeNull();
  });
});

describe('planProgress', () => {
  it('averages objectives (unmeasured = 0) and milestones, each once', () => {
    expect(planProgress([0.5, null, 1], [true, false])).toEqual({ overall: 2.5 / 5, objectivesMet: 1, objectives: 3, milestonesDone: 1, milestones: 2 });
    expect(planProgress([], []).overall).toBeNull();
  });
});
