import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';
import { touchpointWritten } from '../derived/hooks';

export const touchpointsTable: TableSpec<Output<'touchpoints.get'>> = {
  table: 'touchpoints',
  label: 'touchpoint',
  search: ['notes'],
  time: 'occurredAt',
  defaultSort: { field: 'occurredAt', direction: 'desc' },
  references: {
    accountId: { table: 'accounts', label: 'account' },
    contactId: { table: 'contacts', label: 'contact' },
    journeyTouchpointId: { table: 'journeyTouchpoints', label: 'journey touchpoint' },
  },
  afterWrite: touchpointWritten,
};
