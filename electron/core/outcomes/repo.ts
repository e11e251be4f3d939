import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';

export const outcomesTable: TableSpec<Output<'outcomes.get'>> = {
  table: 'outcomes',
  label: 'outcome',
  search: ['metric', 'method', 'verifiedBy'],
  defaultSort: { field: 'createdAt', direction: 'desc' },
  references: { accountId: { table: 'accounts', label: 'account' }, deploymentId: { table: 'deployments', label: 'deployment' } },
};
