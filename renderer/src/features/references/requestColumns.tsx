import type { ColumnDef } from '@tanstack/react-table';
import { type RequestRow } from '../../../../shared/contract/requests';
import '../../components/dataTableMeta';
import { activityLabel, requestStatusLabel, shortDate } from './labels';
import { actionLabel, actionsFor, type RequestAction } from './requestActions';

const DASH = '—';

/** The requests log's columns; ids of sortable columns are the core's sort fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function requestColumns(onAction: (request: RequestRow, action: RequestAction) => void): ColumnDef<RequestRow, any>[] {
  return [
    {
      id: 'requestedAt',
      accessorKey: 'requestedAt',
      header: 'Requested',
      size: 108,
      enableHiding: false,
      meta: { label: 'Requested' },
      cell: ({ row }) => shortDate(row.original.requestedAt),
    },
    {
      id: 'reference',
      header: 'Reference',
      size: 164,
      enableSorting: false,
      enableHiding: false,
      meta: { label: 'Reference', tooltip: true },
      cell: ({ row }) => (
        <>
          <span className="cell-strong">{row.original.accountName}</span>
          {row.original.contactName && <span className="muted"> · {row.original.contactName}</span>}
        </>
      ),
    },
    { id: 'activity', accessorKey: 'activity', header: 'Activity', size: 112, meta: { label: 'Activity' }, cell: ({ row }) => activityLabel(row.original.activity) },
    {
      id: 'prospect',
      header: 'For',
      size: 140,
      enableSorting: false,
      meta: { label: 'For (deal prospect)', tooltip: true },
      cell: ({ row }) => row.original.prospect ?? <span className="muted">Programme</span>,
    },
    { id: 'requester', header: 'Requester', size: 104, enableSorting: false, meta: { label: 'Requester', tooltip: true }, cell: ({ row }) => row.original.requester },
    {
      id: 'neededBy',
      accessorKey: 'neededBy',
      header: 'Needed by',
      size: 92,
      meta: { label: 'Needed by' },
      cell: ({ row }) => (row.original.neededBy ? shortDate(row.original.neededBy) : DASH),
    },
    {
      id: 'status',
      accessorKey: 'status',
      header: 'Status',
      size: 104,
      meta: { label: 'Status' },
      cell: ({ row }) => (
        <span className={`pill request-${row.original.status}`} data-testid="request-status">
          {requestStatusLabel(row.original.status)}
        </span>
      ),
    },
    {
      id: 'daysOpen',
      header: 'Open',
      size: 72,
      enableSorting: false,
      meta: { label: 'Days open', align: 'end' },
      cell: ({ row }) =>
        row.original.overdueSla ? (
          <span className="sla-overdue" data-testid="sla-overdue" title={`Awaiting an answer past the ${row.original.slaDays}-day SLA`}>
            <span aria-hidden="true">⚠ </span>
            {row.original.daysOpen} d<span className="visually-hidden">, over the {row.original.slaDays}-day SLA</span>
          </span>
        ) : (
          <span>{row.original.daysOpen} d</span>
        ),
    },
    {
      id: 'next',
      header: 'Next step',
      size: 104,
      enableSorting: false,
      enableHiding: false,
      meta: { label: 'Next step' },
      cell: ({ row }) => {
        const next = actionsFor(row.original.status)[0];
        if (!next) return <span className="muted">Closed</span>;
        return (
          <button
            type="button"
            className="button small"
            data-testid={`row-${next}`}
            onClick={(event) => {
              // The row itself opens the request; this button goes straight to its next step.
              event.stopPropagation();
              onAction(row.original, next);
            }}
            onKeyDown={(event) => event.stopPropagation()}
          >
            {actionLabel(next, row.original.status)}
          </button>
        );
      },
    },
  ];
}
