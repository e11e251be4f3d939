import { useMemo } from 'react';
import type { Input } from '../../../../shared/contract';
import { CHANNELS } from '../../../../shared/contract/common';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketTableRow } from '../../../../shared/contract/tickets';
import { call } from '../../api/client';
import { navigate } from '../../app/router';
import { TableScreen, type TableFilter } from '../../components/TableScreen';
import { channelLabel, humanize } from '../../lib/labels';
import { TICKET_SORT_FIELDS, ticketColumns } from './ticketColumns';

const FILTERS: TableFilter[] = [
  { name: 'status', label: 'Status', options: TICKET_STATUSES.map((value) => ({ value, label: humanize(value) })) },
  { name: 'priority', label: 'Priority', options: TICKET_PRIORITIES.map((value) => ({ value, label: humanize(value) })) },
  { name: 'channel', label: 'Channel', options: CHANNELS.map((value) => ({ value, label: channelLabel(value) })) },
];
const DEFAULT_SORT = { field: 'openedAt', direction: 'desc' } as const;

/** `#/tickets`: every support ticket, with its account (a link), its times as the support figures count them, and its custom fields. */
export function TicketsScreen() {
  const columns = useMemo(() => ticketColumns(), []);
  return (
    <TableScreen<TicketTableRow>
      id="tickets"
      title="Tickets"
      noun={{ one: 'ticket', many: 'tickets' }}
      // The input is built from this screen's own sort fields and filters, which are the channel's.
      fetchPage={(input) => call('tickets.table', input as Input<'tickets.table'>)}
      domains={['tickets', 'accounts', 'customFields', 'settings']}
      columns={columns}
      sortFields={TICKET_SORT_FIELDS}
      defaultSort={DEFAULT_SORT}
      filters={FILTERS}
      searchPlaceholder="Search subject, topic, ticket id"
      customKind="tickets"
      exportTable="tickets"
      onOpen={(ticket) => navigate(`accounts/${ticket.accountId}`)}
      getRowId={(ticket) => String(ticket.id)}
      emptyText="This workspace has no tickets yet. Import them from your help desk's export (Zendesk, Freshdesk, Intercom, Jira…)."
      emptyAction={{ label: 'Import tickets', href: '#/import' }}
    />
  );
}
