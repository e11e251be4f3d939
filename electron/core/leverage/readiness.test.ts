import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { fatiguePenalty, type ReadinessInputs, readinessScore, wholeMonths } from './readiness';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const settings = DEFAULT_SETTINGS.leverage; // weights 30/25/25/20, penalty 20, window 90

const inputs = (over: Partial<ReadinessInputs> = {}): ReadinessInputs => ({
  accountId: 1,
  contractStart: '2023-03-01',
  deployments: { total: 2, live: 2, liveWithPlan: 2, onTime: 1, used: 80, purchased: 100 },
  surveys: { npsN: 10, promoters: 6, detractors: 1, csatN: 4, csatTop2: 3, nsatN: 0, nsatVery: 0, nsatDissatisfied: 0, repurchaseN: 2, repurchaseSum: 18 },
  lastTouchpointAt: '2026-02-20T12:00:00.000Z',
  hasChampion: true,
  asks: 2,
  askBudget: 4,
  ...over,
});

describe('readiness (hand-computed)', () => {
  it('weights the four components and takes the fatigue penalty off', () => {
    const r = readinessScore(inputs(), settings, NOW);
    // deployment (100 + 50 + 80) / 3 = 76.67; satisfaction (75 + 75) / 2 = 75; loyalty (100 + 90) / 2 = 95; rapport 100
    expect(r.components.map((c) => [c.id, c.score])).toEqual([
      ['deployment', (100 + 50 + 80) / 3],
      ['satisfaction', 75],
      ['loyalty', 95],
      ['rapport', 100],
    ]);
    // (30 · 76.67 + 25 · 75 + 25 · 95 + 20 · 100) / 100 = 85.5; 2 of 4 asks: −10
    expect(r.base).toBeCloseTo(85.5, 10);
    expect(r.fatigue).toEqual({ asks: 2, budget: 4, penalty: 10, reason: '2 asks of 4 in the last 90 days: −10' });
    expect(r.score).toBeCloseTo(75.5, 10);
    expect(r.components.reduce((s, c) => s + (c.points ?? 0), 0)).toBeCloseTo(85.5, 10);
    expect(r.components.map((c) => c.reason)).toEqual([
      '2 of 2 deployments live; 1 of 2 on time; adoption 80 % (80 of 100 licences)',
      'NPS +50 (10 answers); CSAT 75 % (4 answers)',
      'customer for 3 years (3 renewals); would buy again 9/10 (2 answers)',
      'last touchpoint 9 days ago; a champion contact',
    ]);
    expect(r.reasons[0]).toBe('Rapport: last touchpoint 9 days ago; a champion contact');
    expect(r.reasons.at(-1)).toBe('Fatigue: 2 asks of 4 in the last 90 days: −10');
  });

  it('groups large licence counts', () => {
    const r = readinessScore(inputs({ deployments: { total: 1, live: 1, liveWithPlan: 0, onTime: 0, used: 5474, purchased: 5887 } }), settings, NOW);
    expect(r.components[0]!.reason).toBe('1 of 1 deployment live; adoption 93 % (5,474 of 5,887 licences)');
  });

  it('NSAT counts as NSAT / 2', () => {
    const r = readinessScore(inputs({ surveys: { ...inputs().surveys, npsN: 0, csatN: 0, nsatN: 4, nsatVery: 3, nsatDissatisfied: 1 } }), settings, NOW);
    // (75 % − 25 %) + 100 = 150 → 75
    expect(r.components.find((c) => c.id === 'satisfaction')).toMatchObject({ score: 75, reason: 'NSAT 150 (4 answers)' });
  });

  it('renormalises over the components with data', () => {
    const r = readinessScore(inputs({ surveys: { ...inputs().surveys, npsN: 0, csatN: 0 }, asks: 0 }), settings, NOW);
    // (30 · 76.67 + 25 · 95 + 20 · 100) / 75
    expect(r.base).toBeCloseTo((2300 + 2375 + 2000) / 75, 10);
    expect(r.components.find((c) => c.id === 'satisfaction')).toMatchObject({ score: null, points: null, reason: 'no survey answers in the last 12 months' });
    expect(r.score).toBe(r.base);
  });

  it('too little data: no score, and says why', () => {
    const empty = inputs({
      contractStart: null,
      deployments: { total: 0, live: 0, liveWithPlan: 0, onTime: 0, used: null, purchased: null },
      surveys: { npsN: 0, promoters: 0, detractors: 0, csatN: 0, csatTop2: 0, nsatN: 0, nsatVery: 0, nsatDissatisfied: 0, repurchaseN: 0, repurchaseSum: 0 },
      lastTouchpointAt: null,
      hasChampion: false,
    });
    const r = readinessScore(empty, settings, NOW);
    expect(r.score).toBeNull();
    expect(r.reason).toMatch(/insufficient data: coverage 20 %/);
  });

  it('rapport falls with the days since the last touchpoint', () => {
    const rapport = (at: string, champion: boolean) =>
      readinessScore(inputs({ lastTouchpointAt: at, hasChampion: champion }), settings, NOW).components.find((c) => c.id === 'rapport')!.score;
    expect(rapport('2026-01-30T12:00:00.000Z', true)).toBe(100); // 30 days
    expect(rapport('2026-01-29T12:00:00.000Z', true)).toBe(75); // 31 days: 50, champion 100
    expect(rapport('2025-11-01T12:00:00.000Z', false)).toBe(0);
  });

  it('the fatigue penalty is capped at the budget', () => {
    expect(fatiguePenalty(0, 4, 20, 90).penalty).toBe(0);
    expect(fatiguePenalty(6, 4, 20, 90).penalty).toBe(20);
    expect(fatiguePenalty(1, 0, 20, 90).penalty).toBe(20);
  });

  it('counts whole months', () => {
    expect(wholeMonths('2025-03-15', new Date('2026-03-14T00:00:00Z'))).toBe(11);
    expect(wholeMonths('2025-03-15', new Date('2026-03-15T00:00:00Z'))).toBe(12);
    expect(wholeMonths('2027-01-01', NOW)).toBe(0);
  });
});
