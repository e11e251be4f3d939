import { describe, expect, it } from 'vitest';
import { arrByBand, byGroup, differenceOfShares, groupFigures, ratioEstimate, shareEstimate, type RenewalOutcome } from './satisfactionRevenue';

// Hand-computed (z = 1.96): Wilson for 3 of 4: centre (0.75 + 0.4802) ÷ 1.9604 = 0.62753,
// half 0.99980 × √(0.046875 + 0.060025) = 0.32689 → [30.064 %, 95.441 %]; for 1 of 4: [4.559 %, 69.936 %].

describe('satisfaction → revenue figures', () => {
  it('a share with its Wilson interval', () => {
    const e = shareEstimate(3, 4);
    expect(e.value).toBe(75);
    expect(e.low).toBeCloseTo(30.0636, 3);
    expect(e.high).toBeCloseTo(95.4414, 3);
    expect(shareEstimate(0, 0)).toEqual({ value: null, low: null, high: null });
  });

  it('a ratio of sums with the linearised interval: kept 220 of 250 due', () => {
    // R = 0.88; residuals 12, −44, 32; SSE 3104; se = √(1.5 × 3104) ÷ 250 = 0.27294.
    const e = ratioEstimate([100, 0, 120], [100, 50, 100]);
    expect(e.value).toBeCloseTo(88, 10);
    expect(e.low).toBeCloseTo(34.5038, 3);
    expect(e.high).toBeCloseTo(141.4962, 3);
  });

  it("the difference of two renewal rates with Newcombe's interval: 75 % − 25 %", () => {
    // d = 0.5; low = 0.5 − √((0.75 − 0.30064)² + (0.69936 − 0.25)²); high = 0.5 + √((0.95441 − 0.75)² + (0.25 − 0.04559)²).
    const d = differenceOfShares(3, 4, 1, 4);
    expect(d.value).toBeCloseTo(50, 10);
    expect(d.low).toBeCloseTo(-13.5497, 3);
    expect(d.high).toBeCloseTo(78.9085, 3);
  });

  it('a group: renewal, logo churn, GRR, NRR and expansion', () => {
    const outcomes: RenewalOutcome[] = [
      { accountId: 1, renewalDate: '2026-01-01', renewed: true, before: 100, after: 120 },
      { accountId: 2, renewalDate: '2026-01-01', renewed: false, before: 50, after: 0 },
      { accountId: 3, renewalDate: '2026-01-01', renewed: true, before: 100, after: 100 },
      { accountId: 4, renewalDate: '2026-01-01', renewed: true, before: 50, after: 40 },
    ];
    const g = groupFigures('promoter', outcomes);
    expect(g).toMatchObject({ n: 4, renewed: 3, arrDue: 300 });
    expect(g.renewalRate.value).toBe(75);
    expect(g.logoChurn.value).toBe(25);
    // GRR = (100 + 0 + 100 + 40) ÷ 300; NRR = 260 ÷ 300; expansion = 20 ÷ 300.
    expect(g.grossRevenueRetention.value).toBeCloseTo(80, 10);
    expect(g.netRevenueRetention.value).toBeCloseTo((100 * 260) / 300, 10);
    expect(g.expansion.value).toBeCloseTo((100 * 20) / 300, 10);
  });

  it('groups in order, each against the last with renewals, in a sentence', () => {
    const o = (accountId: number, renewed: boolean): RenewalOutcome => ({ accountId, renewalDate: '2026-01-01', renewed, before: 10, after: renewed ? 10 : 0 });
    const outcomes = [o(1, true), o(2, true), o(3, true), o(4, false), o(5, true), o(6, false), o(7, false), o(8, false), o(9, true)];
    const group = new Map([
      [1, 'promoter'],
      [2, 'promoter'],
      [3, 'promoter'],
      [4, 'promoter'],
      [5, 'detractor'],
      [6, 'detractor'],
      [7, 'detractor'],
      [8, 'detractor'],
    ]);
    const result = byGroup(outcomes, (x) => group.get(x.accountId) ?? null, ['promoter', 'passive', 'detractor'], {
      promoter: 'Promoters',
      passive: 'Passives',
      detractor: 'Detractors',
    });
    expect(result.unassigned).toBe(1);
    expect(result.groups.map((g) => [g.group, g.n])).toEqual([
      ['promoter', 4],
      ['passive', 0],
      ['detractor', 4],
    ]);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]!.renewalRate.value).toBeCloseTo(50, 10);
    expect(result.differences[0]!.sentence).toBe('Promoters renewed 75 % (n 4), detractors 25 % (n 4)');
  });

  it('ARR renewing per band and its share', () => {
    const bands = arrByBand(
      [
        { band: 'red', arr: 300 },
        { band: 'green', arr: 100 },
        { band: 'red', arr: 100 },
      ],
      ['red', 'amber', 'green'],
    );
    expect(bands).toEqual([
      { band: 'red', accounts: 2, arrMinor: 400, share: 80 },
      { band: 'amber', accounts: 0, arrMinor: 0, share: 0 },
      { band: 'green', accounts: 1, arrMinor: 100, share: 20 },
    ]);
  });
});
