import type { ColumnDef } from '@tanstack/react-table';
import type { Account } from '../../../../shared/contract/accounts';
import '../../components/dataTableMeta';
import { formatDate, formatInteger, formatMoney } from '../../lib/format';
import { segmentLabel, stageLabel } from '../../lib/labels';

export const DASH = '—';

/** The accounts table's columns. Every column id is also the core's sort field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function accountColumns(locale?: string): ColumnDef<Account, any>[] {
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
