import { describe, expect, it } from 'vitest';
import { actionLabel, actionsFor } from './requestActions';

describe('request actions per status', () => {
  it('offers the next step first and nothing once closed', () => {
    expect(actionsFor('requested')).toEqual(['approve', 'decline', 'cancel']);
    expect(actionsFor('approved')[0]).toBe('schedule');
    expect(actionsFor('scheduled')[0]).toBe('complete');
    for (const closed of ['completed', 'declined', 'cancelled'] as const) expect(actionsFor(closed)).toEqual([]);
  });

  it('calls scheduling again a reschedule', () => {
    expect(actionLabel('schedule', 'approved')).toBe('Schedule');
    expect(actionLabel('schedule', 'scheduled')).toBe('Reschedule');
    expect(actionLabel('cancel', 'requested')).toBe('Cancel request');
  });
});
