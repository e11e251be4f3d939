import { ticketOrderIssues } from '../../../shared/contract/tickets';
import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';
import { ticketWritten } from '../derived/hooks';

export const ticketsTable: TableSpec<Output<'tickets.get'>> = {
  table: 'tickets',
  label: 'ticket',
  search: ['subject', 'topic', 'externalId'],
  time: 'openedAt',
  defaultSort: { field: 'openedAt', direction: 'desc' },
  references: { accountId: { table: 'accounts', label: 'account' }, contactId: { table: 'contacts', label: 'contact' } },
  check: ticketOrderIssues,
  afterWrite: ticketWritten,
};
