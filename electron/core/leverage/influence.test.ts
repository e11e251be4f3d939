import { describe, expect, it } from 'vitest';
import { type InfluenceDeal, influenceFigures, influencedAt } from './influence';

const deal = (id: number, over: Partial<InfluenceDeal>): InfluenceDeal => ({
  id,
  segment: 'enterprise',
  stage: 'closed_won',
  amountMinor: 100_00,
  currency: 'USD',
  openedAt: '2026-01-01T00:00:00.000Z',
  closedAt: '2026-02-01T00:00:00.000Z',
  ...over,
});
const NOW = '2026-06-01T00:00:00.000Z';
const PERIOD = { from: '2026-01-01', to: '2026-07-01' };

describe('influence (hand-computed)', () => {
  const deals = [
    deal(1, { amountMinor: 500_00 }), // won in 31 days, reference completed inside: influenced
    deal(2, { stage: 'closed_lost', amountMinor: 300_00 }), // lost, reference inside: influenced
    deal(3, { closedAt: '2026-03-02T00:00:00.000Z' }), // won in 60 days, reference after the close: not influenced
    deal(4, { closedAt: '2026-01-11T00:00:00.000Z' }), // won in 10 days, no reference
    deal(5, { stage: 'closed_lost', segment: 'smb' }), // lost, no reference
    deal(6, { stage: 'propose', closedAt: null, amountMinor: 200_00 }), // open, reference completed: influenced
    deal(7, { currency: 'EUR', amountMinor: 900_00 }), // won, influenced, other currency
  ];
  const completions = [
    { dealId: 1, completedAt: '2026-01-15T00:00:00.000Z' },
    { dealId: 1, completedAt: '2026-01-20T00:00:00.000Z' },
    { dealId: 2, completedAt: '2026-01-20T00:00:00.000Z' },
    { dealId: 3, completedAt: '2026-03-10T00:00:00.000Z' },
    { dealId: 6, completedAt: '2026-05-01T00:00:00.000Z' },
    { dealId: 7, completedAt: '2026-01-05T00:00:00.000Z' },
    { dealId: 99, completedAt: '2026-01-05T00:00:00.000Z' },
  ];

  it('a deal is influenced by a completion between its opening and close (or now)', () => {
    expect(Object.fromEntries(influencedAt(deals, completions, NOW))).toEqual({
      1: '2026-01-15T00:00:00.000Z',
      2: '2026-01-20T00:00:00.000Z',
      6: '2026-05-01T00:00:00.000Z',
      7: '2026-01-05T00:00:00.000Z',
    });
  });

  it('win rate and median cycle with and without a reference, n beside each', () => {
    const f = influenceFigures(deals, completions, PERIOD, 'USD', NOW);
    // with: deals 1 (won, 31 d), 2 (lost), 7 (won, 31 d) -> 2 of 3; without: 3 (won, 60 d), 4 (won, 10 d), 5 (lost) -> 2 of 3
    expect(f.overall.withReference).toEqual({ n: 3, won: 2, winRate: (100 * 2) / 3, medianCycleDays: 31 });
    expect(f.overall.withoutReference).toEqual({ n: 3, won: 2, winRate: (100 * 2) / 3, medianCycleDays: 35 });
    expect(f.segments.map((s) => [s.segment, s.withReference.n, s.withoutReference.n])).toEqual([
      ['enterprise', 3, 2],
      ['smb', 0, 1],
    ]);
    expect(f.segments[1]!.withReference).toEqual({ n: 0, won: 0, winRate: null, medianCycleDays: null });
  });

  it('influenced pipeline and won revenue in the workspace currency', () => {
    const f = influenceFigures(deals, completions, PERIOD, 'USD', NOW);
    expect(f).toMatchObject({ influencedDeals: 4, influencedPipelineMinor: 1000_00, influencedWonMinor: 500_00, otherCurrencyDeals: 1 });
  });

  it('only the period counts', () => {
    const f = influenceFigures(deals, completions, { from: '2026-04-01', to: '2026-07-01' }, 'USD', NOW);
    expect(f.overall.withReference.n + f.overall.withoutReference.n).toBe(0);
    expect(f).toMatchObject({ influencedDeals: 1, influencedPipelineMinor: 200_00, influencedWonMinor: 0 });
  });
});
