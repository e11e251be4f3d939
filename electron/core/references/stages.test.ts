import { describe, expect, it } from 'vitest';
import { funnelOf, stageMoveProblem } from './stages';

describe('stage transitions', () => {
  it.each([
    ['candidate', 'nominated'],
    ['candidate', 'declined'],
    ['nominated', 'recruited'],
    ['nominated', 'declined'],
    ['recruited', 'active'],
    ['active', 'resting'],
    ['resting', 'active'],
    ['active', 'retired'],
    ['resting', 'retired'],
    ['retired', 'candidate'],
    ['declined', 'candidate'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(stageMoveProblem(from, to)).toBeNull();
  });

  it.each([
    ['candidate', 'active'],
    ['candidate', 'recruited'],
    ['recruited', 'declined'],
    ['active', 'candidate'],
    ['retired', 'active'],
    ['declined', 'nominated'],
  ] as const)('refuses %s -> %s, saying where it can go', (from, to) => {
    expect(stageMoveProblem(from, to)).toMatch(new RegExp(`^a ${from} reference cannot move to ${to}; from ${from} it can move to `));
  });

  it('refuses staying put', () => {
    expect(stageMoveProblem('active', 'active')).toBe('the reference is already active');
  });
});

describe('the funnel', () => {
  it('counts current stages and converts by the furthest stage each reached', () => {
    const funnel = funnelOf([
      { stage: 'candidate', visited: ['candidate'] },
      { stage: 'declined', visited: ['candidate', 'nominated', 'declined'] },
      { stage: 'resting', visited: ['candidate', 'nominated', 'recruited', 'active', 'resting'] },
      // Imported without a log: its stage alone says how far it got.
      { stage: 'resting', visited: [] },
      { stage: 'retired', visited: ['candidate', 'nominated', 'recruited', 'retired'] },
    ]);
    expect(funnel.stages.find((s) => s.stage === 'resting')?.count).toBe(2);
    expect(funnel.conversions).toEqual([
      { from: 'candidate', to: 'nominated', reached: 5, converted: 4, rate: 80 },
      { from: 'nominated', to: 'recruited', reached: 4, converted: 3, rate: 75 },
      { from: 'recruited', to: 'active', reached: 3, converted: 2, rate: (2 / 3) * 100 },
    ]);
  });

  it('has no rate where nobody reached the step', () => {
    expect(funnelOf([]).conversions.map((c) => c.rate)).toEqual([null, null, null]);
  });
});
