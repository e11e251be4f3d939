import type { ColumnDef } from '@tanstack/react-table';
import type { AccountTableRow } from '../../../../shared/contract/accounts';
import '../../components/dataTableMeta';
import { asOfText, formatDate, formatDateTime, formatInteger, formatMoney } from '../../../../shared/format/format';
import { segmentLabel, stageLabel } from '../../lib/labels';

export const DASH = '—';

/** The accounts table's columns. Every column id is also the core's sort field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function accountColumns(locale?: string): ColumnDef<AccountTableRow, any>[] {
  return [
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Name',
      size: 202,
      enableHiding: false,
      meta: { label: 'Name', tooltip: true },
      cell: ({ row }) => (
        <>
          <span className="cell-strong">{row.original.name}</span>
          {row.original.archivedAt && <span className="pill muted">Archived</span>}
        </>
      ),
    },
    {
      id: 'segment',
      accessorKey: 'segment',
      header: 'Segment',
      size: 102,
      meta: { label: 'Segment' },
      cell: ({ row }) => segmentLabel(row.original.segment),
    },
    {
      id: 'industry',
      accessorKey: 'industry',
      header: 'Industry',
      size: 124,
      meta: { label: 'Industry', tooltip: true },
      cell: ({ row }) => row.original.industry ?? DASH,
    },
    {
      id: 'region',
      accessorKey: 'region',
      header: 'Region',
      size: 80,
      meta: { label: 'Region', tooltip: true },
      cell: ({ row }) => row.original.region ?? DASH,
    },
    {
      id: 'owner',
      accessorKey: 'owner',
      header: 'Owner',
      size: 122,
      meta: { label: 'Owner', tooltip: true },
      cell: ({ row }) => row.original.owner ?? DASH,
    },
    {
      id: 'lifecycleStage',
      accessorKey: 'lifecycleStage',
      header: 'Stage',
      size: 115,
      meta: { label: 'Stage' },
      cell: ({ row }) => <span className={`pill stage-${row.original.lifecycleStage}`}>{stageLabel(row.original.lifecycleStage)}</span>,
    },
    {
      id: 'healthScore',
      // An accessor makes the column sortable (TanStack); the core does the sorting.
      accessorFn: (row) => row.health?.score ?? null,
      header: 'Health',
      size: 96,
      meta: { label: 'Health score', align: 'end' },
      cell: ({ row }) => <HealthCell health={row.original.health} locale={locale} />,
    },
    {
      id: 'lastTouchAt',
      accessorKey: 'lastTouchAt',
      header: 'Last touch',
      size: 124,
      meta: { label: 'Last touch' },
      cell: ({ row }) =>
        row.original.lastTouchAt ? <span title={formatDateTime(row.original.lastTouchAt, locale)}>{formatDate(row.original.lastTouchAt.slice(0, 10), locale)}</span> : DASH,
    },
    {
      id: 'nps',
      accessorFn: (row) => row.nps?.value ?? null,
      header: 'NPS',
      size: 80,
      meta: { label: 'NPS (12 months)', align: 'end' },
      cell: ({ row }) =>
        row.original.nps ? (
          <span title={`${formatInteger(row.original.nps.n, locale)} answers in the last 12 months`}>
            {row.original.nps.value > 0 ? `+${row.original.nps.value}` : row.original.nps.value}
          </span>
        ) : (
          DASH
        ),
    },
    {
      id: 'arrMinor',
      accessorKey: 'arrMinor',
      header: 'ARR',
      size: 108,
      meta: { label: 'ARR', align: 'end' },
      cell: ({ row }) => formatMoney(row.original.arrMinor, row.original.currency, locale, true),
    },
    {
      id: 'renewalDate',
      accessorKey: 'renewalDate',
      header: 'Renewal',
      size: 122,
      meta: { label: 'Renewal date' },
      cell: ({ row }) => (row.original.renewalDate ? formatDate(row.original.renewalDate, locale) : DASH),
    },
    {
      id: 'employeeCount',
      accessorKey: 'employeeCount',
      header: 'Employees',
      size: 103,
      meta: { label: 'Employees', align: 'end' },
      cell: ({ row }) => (row.original.employeeCount === null ? DASH : formatInteger(row.original.employeeCount, locale)),
    },
  ];
}

/** The trend against the previous snapshot: a change under a point is "steady". */
export function healthTrend(health: AccountTableRow['health']): { arrow: string; label: string } | null {
  if (!health || health.previousScore === null) return null;
  const change = Math.round(health.score) - Math.round(health.previousScore);
  if (change > 0) return { arrow: '▲', label: `up ${change} from ${Math.round(health.previousScore)}` };
  if (change < 0) return { arrow: '▼', label: `down ${-change} from ${Math.round(health.previousScore)}` };
  return { arrow: '▶', label: 'steady' };
}

/** The cell's tooltip: the score, its band and trend, and when its snapshot was taken (the screen's subtitle says it too). */
export function healthTitle(health: NonNullable<AccountTableRow['health']>, locale?: string): string {
  const trend = healthTrend(health);
  return `Health ${Math.round(health.score)} (${health.band})${trend ? `, ${trend.label}` : ''}, ${asOfText(health.takenAt, locale)}`;
}

function HealthCell({ health, locale }: { health: AccountTableRow['health']; locale?: string }) {
  if (!health) return DASH;
  const trend = healthTrend(health);
  return (
    <span className={`health-cell hb-${health.band}`} title={healthTitle(health, locale)}>
      <span className="health-dot" aria-hidden="true" />
      {Math.round(health.score)}
      {trend && (
        <span className={`trend trend-${trend.arrow === '▲' ? 'up' : trend.arrow === '▼' ? 'down' : 'flat'}`} aria-label={trend.label}>
          {trend.arrow}
        </span>
      )}
    </span>
  );
}
