import { describe, expect, it } from 'vitest';
import type { ReferenceRow } from '../../../../shared/contract/references';
import { daysSince, groupByStage, neighbourStage } from './boardModel';

const row = (id: number, stage: ReferenceRow['stage']) => ({ id, stage }) as ReferenceRow;

describe('the pipeline board model', () => {
  it('puts every reference in its stage column, every column present', () => {
    const columns = groupByStage([row(1, 'active'), row(2, 'candidate'), row(3, 'active')]);
    expect(Object.keys(columns)).toEqual(['candidate', 'nominated', 'recruited', 'active', 'resting', 'retired', 'declined']);
    expect(columns.active.map((r) => r.id)).toEqual([1, 3]);
    expect(columns.resting).toEqual([]);
  });

  it.each([
    ['candidate', 1, 'nominated'],
    ['candidate', -1, null],
    ['nominated', 1, 'recruited'],
    ['nominated', -1, 'candidate'],
    ['recruited', 1, 'active'],
    ['recruited', -1, null],
    ['active', 1, 'resting'],
    ['resting', -1, 'active'],
    ['resting', 1, 'retired'],
    ['retired', -1, 'candidate'],
    ['declined', 1, null],
    ['declined', -1, 'candidate'],
  ] as const)('moves a %s reference %i to %s', (from, direction, to) => {
    expect(neighbourStage(from, direction)).toBe(to);
  });

  it('counts whole days in a stage', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(daysSince('2026-03-01T12:00:00Z', now)).toBe(9);
    expect(daysSince('2026-03-10T11:00:00Z', now)).toBe(0);
    expect(daysSince('2026-03-11T00:00:00Z', now)).toBe(0);
  });
});
