import type { CellContext, ColumnDef } from '@tanstack/react-table';
import { isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_TABLE_SORT_FIELDS, type AccountTableRow } from '../../../../shared/contract/accounts';
import { accountColumns, healthTitle, healthTrend } from './accountColumns';

type Account = AccountTableRow;

const account: Account = {
  id: 7,
  name: 'Northwind Logistics',
  externalId: 'CRM-7',
  industry: 'Logistics',
  segment: 'mid_market',
  region: null,
  employeeCount: 5400,
  arrMinor: 48_500_000,
  currency: 'EUR',
  grossMarginPct: 70,
  owner: 'Dana Whitfield',
  lifecycleStage: 'at_risk',
  contractStart: '2023-04-01',
  renewalDate: '2026-12-31',
  churnedAt: null,
  churnReason: null,
  tags: [],
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
  archivedAt: null,
  health: { score: 41.6, band: 'red', previousScore: 48.2, takenAt: '2026-03-01T00:00:00.000Z' },
  lastTouchAt: '2026-02-11T09:30:00.000Z',
  nps: { value: -20, n: 5 },
};

/** What a column shows for a row, as text. */
function show(column: ColumnDef<Account, unknown>, row: Account): string {
  const rendered = (column.cell as (context: CellContext<Account, unknown>) => unknown)({ row: { original: row } } as CellContext<Account, unknown>);
  return isValidElement(rendered) ? renderToStaticMarkup(rendered).replace(/<[^>]+>/g, '') : String(rendered);
}

const byId = (id: string) => accountColumns('en-US').find((column) => column.id === id)!;

describe('account columns', () => {
  it('are the table’s columns in order, each sortable by the core', () => {
    const ids = accountColumns('en-US').map((column) => column.id);
    expect(ids).toEqual(['name', 'segment', 'industry', 'region', 'owner', 'lifecycleStage', 'healthScore', 'lastTouchAt', 'nps', 'arrMinor', 'renewalDate', 'employeeCount']);
    for (const id of ids) expect(ACCOUNT_TABLE_SORT_FIELDS).toContain(id);
  });

  it('keep the name column always visible and label every column for the column menu', () => {
    for (const column of accountColumns()) {
      expect(column.enableHiding === false).toBe(column.id === 'name');
      expect(column.meta?.label).toBeTruthy();
    }
  });

  it('show values in words and in the user’s locale', () => {
    expect(show(byId('name'), account)).toBe('Northwind Logistics');
    expect(show(byId('name'), { ...account, archivedAt: '2026-03-02T00:00:00.000Z' })).toBe('Northwind LogisticsArchived');
    expect(show(byId('segment'), account)).toBe('Mid-market');
    expect(show(byId('segment'), { ...account, segment: 'Public sector' })).toBe('Public sector');
    expect(show(byId('region'), account)).toBe('—');
    expect(show(byId('lifecycleStage'), account)).toBe('At risk');
    expect(show(byId('arrMinor'), account)).toBe('€485,000');
    expect(show(byId('renewalDate'), account)).toBe('Dec 31, 2026');
    expect(show(byId('renewalDate'), { ...account, renewalDate: null })).toBe('—');
    expect(show(byId('employeeCount'), account)).toBe('5,400');
    expect(show(byId('healthScore'), account)).toBe('42▼');
    expect(show(byId('healthScore'), { ...account, health: null })).toBe('—');
    expect(show(byId('lastTouchAt'), account)).toBe('Feb 11, 2026');
    expect(show(byId('nps'), account)).toBe('-20');
    expect(show(byId('nps'), { ...account, nps: { value: 35, n: 9 } })).toBe('+35');
    expect(show(byId('nps'), { ...account, nps: null })).toBe('—');
    expect(
      show(
        accountColumns('de-DE').find((c) => c.id === 'arrMinor')!,
        account,
      ),
    ).toBe('485.000\u00a0€');
  });

  it('line numbers up on the right', () => {
    expect(byId('arrMinor').meta?.align).toBe('end');
    expect(byId('employeeCount').meta?.align).toBe('end');
    expect(byId('name').meta?.align).toBeUndefined();
  });
});

describe('health tooltip', () => {
  it('says the score, band, trend and when the snapshot was taken', () => {
    expect(healthTitle(account.health!, 'en-US')).toMatch(/^Health 42 \(red\), down 6 from 48, as of (Feb 28|Mar 1), 2026, /);
  });
});

describe('health trend', () => {
  it('compares whole points with the previous snapshot', () => {
    const health = { score: 60.4, band: 'amber' as const, previousScore: 55, takenAt: '' };
    expect(healthTrend(health)).toEqual({ arrow: '▲', label: 'up 5 from 55' });
    expect(healthTrend({ ...health, previousScore: 70 })).toEqual({ arrow: '▼', label: 'down 10 from 70' });
    expect(healthTrend({ ...health, previousScore: 60.2 })).toEqual({ arrow: '▶', label: 'steady' });
    expect(healthTrend({ ...health, previousScore: null })).toBeNull();
    expect(healthTrend(null)).toBeNull();
  });
});
