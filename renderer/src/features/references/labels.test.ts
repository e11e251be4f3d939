import { describe, expect, it } from 'vitest';
import { activityLabel, referenceStageLabel, sentence, shortDate } from './labels';

describe('reference programme words', () => {
  it('names stages and activities in words', () => {
    expect(referenceStageLabel('resting')).toBe('Resting');
    expect(activityLabel('analyst_briefing')).toBe('Analyst briefing');
    expect(activityLabel('new_kind')).toBe('New kind');
  });

  it('drops the year of dates in the current year only', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(shortDate('2026-03-05T10:00:00.000Z', now, 'en-US')).toBe('Mar 5');
    expect(shortDate('2025-12-31', now, 'en-US')).toBe('Dec 31, 2025');
  });

  it('starts a core message shown on its own with a capital', () => {
    expect(sentence('cannot recruit without consent')).toBe('Cannot recruit without consent');
  });
});
