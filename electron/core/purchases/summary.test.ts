import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bgnbd';
import { scoreCustomer } from './score';
import { minorDigits, summarisePurchases } from './summary';

// Hand-computed summaries: weeks from the first purchase, same-day purchases as one transaction.

describe('summarisePurchases', () => {
  const rows = [
    // Customer 1 (CDNOW's first): 1 Jan, 18 Jan, 2 Aug, and 12 Dec after the calibration end.
    { accountId: 1, day: '1997-01-01', amount: 29.33 },
    { accountId: 1, day: '1997-01-18', amount: 29.73 },
    { accountId: 1, day: '1997-08-02', amount: 14.96 },
    { accountId: 1, day: '1997-12-12', amount: 26.48 },
    // Customer 2: two orders on one day are one transaction of 30; one more a week later.
    { accountId: 2, day: '1997-03-01', amount: 10 },
    { accountId: 2, day: '1997-03-01', amount: 20 },
    { accountId: 2, day: '1997-03-08', amount: 5 },
    { accountId: 2, day: '1997-03-08', amount: 7 },
    // Customer 3: one purchase only; customer 4 starts after the calibration end.
    { accountId: 3, day: '1997-09-30', amount: 50 },
    { accountId: 4, day: '1997-10-01', amount: 50 },
  ];
  const s = summarisePurchases(rows, '1997-09-30');

  it('customer 1: x 2, t_x 213/7 = 30.43, T 272/7 = 38.86, z̄ (29.73 + 14.96) / 2 = 22.345', () => {
    expect(s.accountIds).toEqual([1, 2, 3]);
    expect(s.x[0]).toBe(2);
    expect(s.tx[0]).toBeCloseTo(213 / 7, 12);
    expect(s.T[0]).toBeCloseTo(272 / 7, 12);
    expect(s.zbar[0]).toBeCloseTo(22.345, 12);
  });

  it('customer 2: same-day orders are one transaction; the repeat is the next week’s 12', () => {
    expect([s.x[1], s.tx[1], s.zbar[1]]).toEqual([1, 1, 12]);
    expect(s.T[1]).toBeCloseTo(213 / 7, 12); // 1 March to 30 September
  });

  it('customer 3 bought on the last calibration day: x 0, T 0; customer 4 is not in it', () => {
    expect([s.x[2], s.tx[2], s.T[2], s.zbar[2]]).toEqual([0, 0, 0, 0]);
  });

  it('minor digits from ISO 4217', () => {
    expect([minorDigits('USD'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });
});

describe('scoreCustomer', () => {
  const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
  const c = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };

  it('without discount, CLV = margin × E[spend] × E[Y(horizon)] − AC', () => {
    const s = scoreCustomer(bg, gg, c, { horizonWeeks: 52, clvYears: 1, discount: 0, margin: 0.3, acquisitionCost: 2 });
    const spend = ((15.44 + 2 * 22.35) * 6.25) / (6.25 * 2 + 3.74 - 1);
    expect(s.expectedSpend).toBeCloseTo(spend, 12);
    expect(s.discountedPurchases).toBeCloseTo(expectedPurchases(bg, 2, 30.43, 38.86, 52), 10);
    expect(s.clv).toBeCloseTo(0.3 * spend * expectedPurchases(bg, 2, 30.43, 38.86, 52) - 2, 10);
  });

  it('discounting lowers it: each month’s expected purchases divided by (1 + i)^(month / 12)', () => {
    const plain = scoreCustomer(bg, gg, c, { horizonWeeks: 52, clvYears: 2, discount: 0, margin: 1, acquisitionCost: 0 });
    const discounted = scoreCustomer(bg, gg, c, { horizonWeeks: 52, clvYears: 2, discount: 0.1, margin: 1, acquisitionCost: 0 });
    expect(discounted.clv!).toBeLessThan(plain.clv!);
    expect(discounted.clv!).toBeGreaterThan(plain.clv! / 1.1 ** 2);
  });
});
