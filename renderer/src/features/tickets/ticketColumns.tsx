import type { ColumnDef } from '@tanstack/react-table';
import type { TicketTableRow } from '../../../../shared/contract/tickets';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { formatDuration } from '../../../../shared/format/duration';
import { channelLabel, humanize } from '../../lib/labels';
import '../../components/dataTableMeta';

const DASH = '—';

/** The tickets list's sort fields: the columns whose id the core sorts by. */
export const TICKET_SORT_FIELDS = ['openedAt', 'priority', 'status', 'channel', 'topic', 'createdAt'] as const;

/** A ticket's time as the support figures count it, saying which clock (the tooltip). */
function TimeCell({ minutes, kind, open, testId }: { minutes: number | null; kind: TicketTableRow['minutesKind']; open: string; testId: string }) {
  if (minutes === null) return <span className="muted">{open}</span>;
  return (
    <span title={kind === 'business' ? 'Working minutes (Settings › Business hours)' : 'Wall-clock time'} data-testid={testId} data-minutes={minutes}>
      {formatDuration(minutes)}
    </span>
  );
}

/** The tickets table's columns; the account cell links to the account's page. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
export function ticketColumns(locale?: string): ColumnDef<TicketTableRow, any>[] {
  return [
    {
      id: 'openedAt',
      accessorKey: 'openedAt',
      header: 'Opened',
      size: 132,
      enableHiding: false,
      meta: { label: 'Opened' },
      cell: ({ row }) => <span title={formatDateTime(row.original.openedAt, locale)}>{formatDate(row.original.openedAt.slice(0, 10), locale)}</span>,
    },
    {
      id: 'subject',
      header: 'Subject',
      size: 230,
      enableSorting: false,
      meta: { label: 'Subject', tooltip: true },
      cell: ({ row }) => (
        <>
          <span className="cell-strong">{row.original.subject ?? row.original.externalId ?? `Ticket ${row.original.id}`}</span>
          {row.original.archivedAt && <span className="pill muted">Archived</span>}
        </>
      ),
    },
    {
      id: 'account',
      header: 'Account',
      size: 180,
      enableSorting: false,
      meta: { label: 'Account', tooltip: true },
      cell: ({ row }) => (
        <a href={`#/accounts/${row.original.accountId}`} onClick={(event) => event.stopPropagation()} data-testid="ticket-account-link">
          {row.original.accountName}
        </a>
      ),
    },
    { id: 'status', accessorKey: 'status', header: 'Status', size: 90, meta: { label: 'Status' }, cell: ({ row }) => humanize(row.original.status) },
    { id: 'priority', accessorKey: 'priority', header: 'Priority', size: 90, meta: { label: 'Priority' }, cell: ({ row }) => humanize(row.original.priority) },
    { id: 'channel', accessorKey: 'channel', header: 'Channel', size: 110, meta: { label: 'Channel' }, cell: ({ row }) => channelLabel(row.original.channel) },
    { id: 'topic', accessorKey: 'topic', header: 'Topic', size: 120, meta: { label: 'Topic', tooltip: true }, cell: ({ row }) => row.original.topic ?? DASH },
    {
      id: 'firstResponse',
      header: 'First response',
      size: 132,
      enableSorting: false,
      meta: { label: 'Time to first response', align: 'end' },
      cell: ({ row }) => <TimeCell minutes={row.original.firstResponseMinutes} kind={row.original.minutesKind} open="Not yet" testId="ticket-first-response" />,
    },
    {
      id: 'resolution',
      header: 'Resolution',
      size: 110,
      enableSorting: false,
      meta: { label: 'Time to resolution', align: 'end' },
      cell: ({ row }) => <TimeCell minutes={row.original.resolutionMinutes} kind={row.original.minutesKind} open="Open" testId="ticket-resolution" />,
    },
    { id: 'csat', header: 'CSAT', size: 70, enableSorting: false, meta: { label: 'CSAT (1-5)', align: 'end' }, cell: ({ row }) => row.original.csat ?? DASH },
  ];
}
