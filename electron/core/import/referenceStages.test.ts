import { describe, expect, it } from 'vitest';
import { legalImportStage, stagePath } from './referenceStages';

describe('stagePath', () => {
  it('is the fewest moves of the transition table, the target last', () => {
    expect(stagePath('candidate', 'active')).toEqual(['nominated', 'recruited', 'active']);
    expect(stagePath('resting', 'active')).toEqual(['active']);
    expect(stagePath('retired', 'nominated')).toEqual(['candidate', 'nominated']);
    expect(stagePath('declined', 'resting')).toEqual(['candidate', 'nominated', 'recruited', 'active', 'resting']);
    expect(stagePath('active', 'active')).toEqual([]);
  });
});

describe('legalImportStage', () => {
  const gap = 'no consent';
  it('keeps the file’s stage when recruiting is allowed or not on the way', () => {
    expect(legalImportStage(null, 'active', null)).toEqual({ stage: 'active' });
    expect(legalImportStage(null, 'retired', gap)).toEqual({ stage: 'retired' });
    expect(legalImportStage('resting', 'active', gap)).toEqual({ stage: 'active' });
    expect(legalImportStage('candidate', 'declined', gap)).toEqual({ stage: 'declined' });
  });

  it('stops before recruiting without consent and says so', () => {
    expect(legalImportStage(null, 'resting', gap)).toEqual({ stage: 'nominated', warning: 'imported as nominated, not resting: no consent; then move it to resting' });
    expect(legalImportStage('candidate', 'active', gap)).toEqual({ stage: 'nominated', warning: 'moved from candidate to nominated, not active: no consent; then move it on' });
    expect(legalImportStage('nominated', 'recruited', gap)).toEqual({ stage: 'nominated', warning: 'kept at nominated, not recruited: no consent; then move it on' });
  });
});
