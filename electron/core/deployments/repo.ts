import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';
import { deploymentWritten } from '../derived/hooks';

export const deploymentsTable: TableSpec<Output<'deployments.get'>> = {
  table: 'deployments',
  label: 'deployment',
  search: ['product', 'notes'],
  defaultSort: { field: 'plannedGoLive', direction: 'desc' },
  references: { accountId: { table: 'accounts', label: 'account' } },
  afterWrite: deploymentWritten,
};
