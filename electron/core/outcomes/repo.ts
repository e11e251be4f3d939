import type { TableSpec } from '../crud/table';

export const outcomesTable: TableSpec = {
  table: 'outcomes',
  label: 'outcome',
  search: ['metric', 'method', 'verifiedBy'],
  defaultSort: { field: 'createdAt', direction: 'desc' },
  references: { accountId: { table: 'accounts', label: 'account' }, deploymentId: { table: 'deployments', label: 'deployment' } },
};
