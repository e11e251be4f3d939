import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { assessHealth, modelVersion, topReasons, type HealthInputs } from './model';

const NOW = new Date('2026-03-01T12:00:00Z');
const inputs = (patch: Partial<HealthInputs> = {}): HealthInputs => ({
  accountId: 1,
  npsCounts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
  csatCounts: [0, 0, 0, 1, 1],
  firstResponseMedian: 30,
  openTickets: 0,
  ticketsInWindow: 4,
  licencesUsed: 50,
  licencesPurchased: 100,
  liveDeployments: 1,
  deployments: 1,
  lastTouchpointAt: '2026-02-20T10:00:00Z',
  renewalDate: '2026-12-01',
  ...patch,
});

describe('health model', () => {
  it('names its version after the settings a score depends on, not the others', () => {
    const base = modelVersion(DEFAULT_SETTINGS);
    expect(base).toMatch(/^h1-[0-9a-f]{10}$/);
    expect(modelVersion({ ...DEFAULT_SETTINGS, discountRate: 0.2, currency: 'EUR' })).toBe(base);
    expect(modelVersion({ ...DEFAULT_SETTINGS, health: { ...DEFAULT_SETTINGS.health, amberBelow: 75 } })).not.toBe(base);
    const sla = { ...DEFAULT_SETTINGS.slaTargets, normal: { firstResponseHours: 2, resolutionHours: 72 } };
    expect(modelVersion({ ...DEFAULT_SETTINGS, slaTargets: sla })).not.toBe(base);
    expect(modelVersion({ ...DEFAULT_SETTINGS, businessHours: { ...DEFAULT_SETTINGS.businessHours, enabled: true } })).not.toBe(base);
  });

  it('scores each component and sums the contributions to the score', () => {
    const h = assessHealth(inputs(), DEFAULT_SETTINGS, NOW);
    expect(h.components.map((c) => [c.id, c.score])).toEqual([
      ['satisfaction', 100],
      ['support', 100],
      ['adoption', 75],
      ['engagement', 100],
      ['renewal', 100],
    ]);
    expect(h.components.reduce((s, c) => s + c.contribution!, 0)).toBeCloseTo(h.score!, 9);
    expect(h).toMatchObject({ band: 'green', coveragePct: 100 });
  });

  it('an account without tickets has no support data rather than a perfect support score', () => {
    const h = assessHealth(inputs({ firstResponseMedian: null, ticketsInWindow: 0 }), DEFAULT_SETTINGS, NOW);
    expect(h.components.find((c) => c.id === 'support')).toMatchObject({ score: null, reason: 'no support data' });
    expect(h.coveragePct).toBe(80);
  });

  it('lists the reasons that cost the most points first', () => {
    expect(
      topReasons([
        { weight: 10, score: 0, reason: 'small weight, no points' },
        { weight: 30, score: 50, reason: 'big weight, half' },
        { weight: 30, score: 100, reason: 'perfect' },
        { weight: 20, score: null, reason: 'no data' },
      ]),
    ).toEqual(['big weight, half', 'small weight, no points']);
  });
});
