import { describe, expect, it } from 'vitest';
import { componentRows, healthTrend } from './health';

const components = [
  {
    id: 'satisfaction' as const,
    label: 'Satisfaction',
    weight: 30,
    score: 40,
    contribution: 15,
    reason: 'NPS −20 (< 0)',
    sentences: ['More detractors than promoters: NPS −20 over the last 12 months'],
  },
  { id: 'support' as const, label: 'Support experience', weight: 20, score: 90, contribution: 22.5, reason: 'median first response 2 h (≤ 8 h SLA)' },
  { id: 'adoption' as const, label: 'Adoption', weight: 20, score: null, contribution: null, reason: 'no deployments' },
  { id: 'engagement' as const, label: 'Engagement', weight: 15, score: 20, contribution: 3.75, reason: 'last touchpoint 95 days ago (> 60)' },
  { id: 'renewal' as const, label: 'Renewal', weight: 15, score: 50, contribution: 9.375, reason: 'renewal in 40 days' },
];

describe('account health', () => {
  it('lists each component with its weight share, score, points and reason', () => {
    const rows = componentRows({ components }, 'en-US');
    expect(rows[0]).toEqual({
      id: 'satisfaction',
      label: 'Satisfaction',
      weight: '30 (30%)',
      score: '40',
      scoreValue: 40,
      contribution: '+15.0',
      reason: 'NPS −20 (< 0)',
      sentences: ['More detractors than promoters: NPS −20 over the last 12 months'],
      counted: true,
    });
    // An old snapshot's component without findings has no sentences: the rule text stands alone.
    expect(rows[2]).toMatchObject({ score: 'No data', contribution: 'not counted', counted: false, sentences: [] });
    expect(rows[4]).toMatchObject({ contribution: '+9.4' });
  });

  it('compares with the previous snapshot', () => {
    expect(healthTrend({ score: 50.6, previous: { score: 58.2, takenAt: '2026-02-01T00:00:00.000Z' } }, 'en-US')).toEqual({
      text: '▼ 7 since Feb 1, 2026 (was 58)',
      tone: 'bad',
    });
    expect(healthTrend({ score: 62, previous: { score: 58, takenAt: '2026-02-01T00:00:00.000Z' } }, 'en-US').tone).toBe('ok');
    expect(healthTrend({ score: 58.4, previous: { score: 58, takenAt: '2026-02-01T00:00:00.000Z' } }, 'en-US').text).toBe('Unchanged since Feb 1, 2026 (58)');
    expect(healthTrend({ score: 58, previous: null }, 'en-US').text).toBe('No earlier snapshot to compare with');
    expect(healthTrend({ score: null, previous: { score: 61, takenAt: '2026-02-01T00:00:00.000Z' } }, 'en-US').text).toBe('Was 61 on Feb 1, 2026');
  });
});
