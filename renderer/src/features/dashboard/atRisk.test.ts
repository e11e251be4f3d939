import { describe, expect, it } from 'vitest';
import { atRiskColumns, type AtRisk } from './atRisk';

const rows: AtRisk[] = [
  {
    accountId: 7,
    name: 'Acme Corp',
    segment: 'enterprise',
    owner: 'Dana Whitfield',
    arrMinor: 12_000_000,
    currency: 'EUR',
    renewalDate: '2026-04-01',
    score: 31.4,
    band: 'red',
    asOf: '2026-03-01T06:00:00.000Z',
    reasons: ['No touchpoint in the last 95 days (one every 30 days keeps an account warm)', 'Renews in 31 days', 'Only 3 of 10 licences are in use (30 %)'],
  },
];

describe('at-risk list', () => {
  it('has the columns a CSM scans, reasons among the ones that cannot be hidden, none sortable (the core pages in its order)', () => {
    const columns = atRiskColumns('USD', new Date(2026, 2, 1), 'en-US');
    expect(columns.map((c) => c.id)).toEqual(['name', 'score', 'reasons', 'arrMinor', 'renewalDate']);
    expect(columns.filter((c) => c.enableHiding === false).map((c) => c.id)).toEqual(['name', 'score', 'reasons']);
    expect(columns.every((c) => c.enableSorting === false)).toBe(true);
  });

  it('shows ARR in each account’s own currency, the portfolio’s only as a fallback', () => {
    const arr = atRiskColumns('USD', new Date(2026, 2, 1), 'en-US').find((c) => c.id === 'arrMinor')!;
    const cell = (row: AtRisk) => (arr.cell as (ctx: unknown) => string)({ row: { original: row } });
    expect(cell(rows[0]!)).toMatch(/€/);
    expect(cell({ ...rows[0]!, currency: undefined as unknown as string })).toMatch(/\$/);
  });
});
