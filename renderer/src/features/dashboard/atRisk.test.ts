import { describe, expect, it } from 'vitest';
import { atRiskColumns, sortAtRisk } from './atRisk';
import { portfolioFixture } from './portfolio.fixture';

const rows = portfolioFixture().health.atRisk;

describe('at-risk list', () => {
  it('sorts by score with missing scores last either way', () => {
    expect(sortAtRisk(rows, { field: 'score', direction: 'asc' }).map((r) => r.name)).toEqual(['Borealis Freight', 'Acme Corp', 'Zenith']);
    expect(sortAtRisk(rows, { field: 'score', direction: 'desc' }).map((r) => r.name)).toEqual(['Acme Corp', 'Borealis Freight', 'Zenith']);
  });

  it('sorts text and dates, and renewals without a date last', () => {
    expect(sortAtRisk(rows, { field: 'name', direction: 'asc' }).map((r) => r.accountId)).toEqual([3, 7, 9]);
    expect(sortAtRisk(rows, { field: 'reasons', direction: 'desc' }).map((r) => r.accountId)).toEqual([7, 9, 3]);
    expect(sortAtRisk(rows, { field: 'renewalDate', direction: 'asc' }).map((r) => r.accountId)).toEqual([7, 9, 3]);
    expect(sortAtRisk(rows, { field: 'arrMinor', direction: 'desc' }).map((r) => r.accountId)).toEqual([7, 9, 3]);
  });

  it('has the columns a CSM scans, reasons among the ones that cannot be hidden', () => {
    const columns = atRiskColumns('USD', new Date(2026, 2, 1), 'en-US');
    expect(columns.map((c) => c.id)).toEqual(['name', 'score', 'reasons', 'arrMinor', 'renewalDate']);
    expect(columns.filter((c) => c.enableHiding === false).map((c) => c.id)).toEqual(['name', 'score', 'reasons']);
  });

  it('shows ARR in each account’s own currency, the portfolio’s only as a fallback', () => {
    const arr = atRiskColumns('USD', new Date(2026, 2, 1), 'en-US').find((c) => c.id === 'arrMinor')!;
    const cell = (row: (typeof rows)[number]) => (arr.cell as (ctx: unknown) => string)({ row: { original: row } });
    const acme = rows.find((r) => r.name === 'Acme Corp')!;
    expect(cell(acme)).toMatch(/€/);
    expect(cell({ ...acme, currency: undefined as unknown as string })).toMatch(/\$/);
  });
});
