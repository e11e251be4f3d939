import type { ColumnDef } from '@tanstack/react-table';
import type { AtRiskRow } from '../../../../shared/contract/accounts';
import '../../components/dataTableMeta';
import { daysUntil, formatDate, formatMoney, renewalText, renewalTone } from '../../../../shared/format/format';
import { segmentLabel } from '../../lib/labels';
import { formatMetric } from '../../../../shared/format/metric';

/** A row of accounts.atRisk: the list is paged by the core in its own order (lowest score first), so columns do not sort. */
export type AtRisk = AtRiskRow;

const DASH = '—';
export const BAND_LABELS = { red: 'Red', amber: 'Amber', green: 'Green', insufficient: 'Insufficient data' } as const;

/**
 * The at-risk list's columns. Their sizes are shares of the table's width (DataTable's colgroup),
 * set so that at 1024 px the score, ARR, renewal date and call to action fit whole and the reasons
 * get the rest (they wrap: atRisk.css). ARR is shown in each account's own currency (an account billed in EUR
 * must not read as dollars); `fallbackCurrency`, the portfolio's, is for rows from an older core
 * that did not send one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function atRiskColumns(fallbackCurrency: string, today: Date, locale?: string): ColumnDef<AtRisk, any>[] {
  return [
    {
      id: 'name',
      header: 'Account',
      size: 170,
      enableHiding: false,
      enableSorting: false,
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
      size: 72,
      enableHiding: false,
      enableSorting: false,
      meta: { label: 'Health' },
      accessorFn: (row) => row.score,
      cell: ({ row }) => (
        <span className={`health-pill band-${row.original.band}`}>
          {formatMetric(row.original.score, 'score', { locale })}
          <span className="visually-hidden"> ({BAND_LABELS[row.original.band]})</span>
        </span>
      ),
    },
    {
      id: 'reasons',
      header: 'Why',
      size: 340,
      enableHiding: false,
      enableSorting: false,
      meta: { label: 'Why', tooltip: true },
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
      size: 86,
      enableSorting: false,
      meta: { label: 'ARR', align: 'end' },
      accessorFn: (row) => row.arrMinor,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a row from a core before per-account currency has none (see above)
      cell: ({ row }) => formatMoney(row.original.arrMinor, row.original.currency ?? fallbackCurrency, locale, true),
    },
    {
      id: 'renewalDate',
      header: 'Renewal',
      size: 108,
      enableSorting: false,
      meta: { label: 'Renewal' },
      accessorFn: (row) => row.renewalDate,
      cell: ({ row }) => {
        const date = row.original.renewalDate;
        if (!date) return DASH;
        const days = daysUntil(date, today);
        return (
          <span className="two-lines">
            <span>{formatDate(date, locale)}</span>
            {/* A passed renewal is overdue: red, not grey (shared/format's one rule, as on the account page). */}
            <span className={renewalTone(days) === 'muted' ? 'muted small' : `tone-${renewalTone(days)} small`} data-testid="at-risk-renewal-when">
              {renewalText(days, locale)}
            </span>
          </span>
        );
      },
    },
  ];
}
