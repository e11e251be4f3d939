import { describe, expect, it } from 'vitest';
import { clvCohortRows } from './clvCohorts';
import type { AccountFacts } from './repo';

const account = (id: number, start: string, arrMinor: number, patch: Partial<AccountFacts> = {}): AccountFacts => ({
  id,
  name: `A${id}`,
  segment: 'smb',
  industry: null,
  region: null,
  owner: null,
  lifecycleStage: 'growth',
  start,
  churnedAt: null,
  arrMinor,
  currency: 'USD',
  grossMarginPct: 50,
  renewalDate: null,
  ...patch,
});
const steps = (list: AccountFacts[]) => new Map(list.map((a) => [a.id, [[a.start, a.arrMinor] as [string, number]]]));

describe('CLV, cohort form per start year', () => {
  it('uses the cohort’s observed survival and margin per survivor on each 1 January', () => {
    // 2023 cohort: two accounts at 1,000 a year, 50 % margin; one churns in mid-2024.
    const accounts = [account(1, '2023-03-01', 1000), account(2, '2023-06-01', 1000, { churnedAt: '2024-07-01' }), account(3, '2025-02-01', 4000)];
    const rows = clvCohortRows({ accounts, steps: steps(accounts), to: '2026-01-01', discount: 0.1 });
    expect(rows.map((r) => [r.cohort, r.size, r.years])).toEqual([
      ['2023', 2, 3],
      ['2025', 1, 1],
    ]);
    const [c2023, c2025] = rows;
    // 1 Jan 2024: both; 2025 and 2026: one. Margin per survivor 500 each time.
    expect(c2023!.survival).toEqual([1, 0.5, 0.5]);
    expect(c2023!.margins).toEqual([500, 500, 500]);
    expect(c2023!.clv.value).toBeCloseTo(500 / 1.1 + 250 / 1.21 + 250 / 1.331, 9);
    expect(c2023!.clv).toMatchObject({ definition: 'clvCohort', n: 2 });
    expect(c2025!.clv.value).toBeCloseTo(2000 / 1.1, 9);
  });

  it.each([
    {
      name: 'a cohort that started this year has no full year',
      accounts: [account(1, '2025-05-01', 100)],
      to: '2025-12-01',
      expected: { years: 0, value: null, reason: 'no full year observed yet' },
    },
    { name: 'accounts without a gross margin are left out', accounts: [account(1, '2020-05-01', 100, { grossMarginPct: null })], to: '2025-12-01', expected: null },
    { name: 'accounts starting after the period are not yet a cohort', accounts: [account(1, '2026-05-01', 100)], to: '2025-12-01', expected: null },
  ])('$name', ({ accounts, to, expected }) => {
    const rows = clvCohortRows({ accounts, steps: steps(accounts), to, discount: 0.1 });
    if (expected === null) expect(rows).toEqual([]);
    else expect({ years: rows[0]!.years, value: rows[0]!.clv.value, reason: rows[0]!.clv.reason }).toEqual(expected);
  });

  it('reads ARR at each date from the history (expansion counts from its date)', () => {
    const a = account(1, '2022-01-15', 1000);
    const history = new Map([
      [
        1,
        [
          ['2022-01-15', 1000],
          ['2023-06-01', 3000],
        ] as [string, number][],
      ],
    ]);
    const [row] = clvCohortRows({ accounts: [a], steps: history, to: '2024-01-01', discount: 0 });
    expect(row!.margins).toEqual([500, 1500]);
    expect(row!.clv.value).toBe(2000);
  });

  it('keeps the latest cohorts only', () => {
    const accounts = Array.from({ length: 12 }, (_, k) => account(k + 1, `${2010 + k}-03-01`, 100));
    expect(clvCohortRows({ accounts, steps: steps(accounts), to: '2025-01-01', discount: 0.1, limit: 3 }).map((r) => r.cohort)).toEqual(['2019', '2020', '2021']);
  });
});
