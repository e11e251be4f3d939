import type { ColumnDef } from '@tanstack/react-table';
import type { z } from 'zod';
import type { atRiskAccount } from '../../../../shared/contract/metrics';
import '../../components/dataTableMeta';
import type { SortState } from '../../components/dataTableMeta';
import { daysUntil, formatDate, formatMoney, relativeDays } from '../../lib/format';
import { segmentLabel } from '../../lib/labels';
import { formatMetric } from '../../lib/metricFormat';

export type AtRisk = z.infer<typeof atRiskAccount>;

const DASH = '—';
export const BAND_LABELS = { red: 'Red', amber: 'Amber', green: 'Green', insufficient: 'Insufficient data' } as const;

/**
 * The at-risk list's columns. ARR is shown in each account's own currency (an account billed in EUR
 * must not read as dollars); `fallbackCurrency`, the portfolio's, is for rows from an older core
 * that did not send one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function atRiskColumns(fallbackCurrency: string, today: Date, locale?: string): ColumnDef<AtRisk, any>[] {
  return [
    {
      id: 'name',
      header: 'Account',
      size: 200,
      enableHiding: false,
      meta: { label: 'Account', tooltip: true },
      accessorFn: (row) => row.name,
      cell: ({ row }) => (
        <span className="two-lines">
          <span className="cell-strong">{row.original.name}</span>
          <span className="muted small">
            {segmentLabel(row.original.segment)}
            {row.original.owner ? ` · ${row.original.owner}` : ''}
          </span>
        </span>
      ),
    },
    {
      id: 'score',
      header: 'Health',
      size: 76,
      enableHiding: false,
      meta: { label: 'Health' },
      accessorFn: (row) => row.score,
      cell: ({ row }) => (
        <span className={`health-pill band-${row.original.band}`}>
          {row.original.score === null ? 'No score' : formatMetric(row.original.score, 'score', { locale })}
          <span className="visually-hidden"> ({BAND_LABELS[row.original.band]})</span>
        </span>
      ),
    },
    {
      id: 'reasons',
      header: 'Top reasons',
      size: 470,
      enableHiding: false,
      meta: { label: 'Top reasons', tooltip: true },
      accessorFn: (row) => row.reasons.slice(0, 3).join('\n'),
      cell: ({ row }) =>
        row.original.reasons.length ? (
          <span className="two-lines reasons">
            {row.original.reasons.slice(0, 2).map((reason) => (
              <span key={reason}>{reason}</span>
            ))}
          </span>
        ) : (
          <span className="muted">No reason recorded</span>
        ),
    },
    {
      id: 'arrMinor',
      header: 'ARR',
      size: 96,
      meta: { label: 'ARR', align: 'end' },
      accessorFn: (row) => row.arrMinor,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a row from a core before per-account currency has none (see above)
      cell: ({ row }) => formatMoney(row.original.arrMinor, row.original.currency ?? fallbackCurrency, locale, true),
    },
    {
      id: 'renewalDate',
      header: 'Renewal',
      size: 116,
      meta: { label: 'Renewal' },
      accessorFn: (row) => row.renewalDate,
      cell: ({ row }) => {
        const date = row.original.renewalDate;
        if (!date) return DASH;
        const days = daysUntil(date, today);
        return (
          <span className="two-lines">
            <span>{formatDate(date, locale)}</span>
            <span className={days >= 0 && days <= 90 ? 'tone-warn small' : 'muted small'}>{relativeDays(days, locale)}</span>
          </span>
        );
      },
    },
  ];
}

/** The list sorted by a column; missing values last whichever the direction, ties by name. */
export function sortAtRisk(rows: AtRisk[], sort: SortState | undefined): AtRisk[] {
  if (!sort) return rows;
  const key = sort.field as keyof AtRisk;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const value = (row: AtRisk) => (key === 'reasons' ? row.reasons.length : row[key]);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null) return y === null ? a.name.localeCompare(b.name) : 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * sign || a.name.localeCompare(b.name);
  });
}
