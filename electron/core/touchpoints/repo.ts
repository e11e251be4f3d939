import type { TableSpec } from '../crud/table';
import { activityWritten } from '../metrics/hooks';

export const touchpointsTable: TableSpec = {
  table: 'touchpoints',
  label: 'touchpoint',
  search: ['notes'],
  time: 'occurredAt',
  defaultSort: { field: 'occurredAt', direction: 'desc' },
  references: {
    accountId: { table: 'accounts', label: 'account' },
    contactId: { table: 'contacts', label: 'contact' },
    journeyTouchpointId: { table: 'journey_touchpoints', label: 'journey touchpoint' },
  },
  afterWrite: activityWritten,
};
