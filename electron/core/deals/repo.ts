import { dealOrderIssues } from '../../../shared/contract/deals';
import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';

export const dealsTable: TableSpec<Output<'deals.get'>> = {
  table: 'deals',
  label: 'deal',
  json: ['products'],
  search: ['prospect', 'industry', 'competitor', 'useCase', 'owner'],
  time: 'openedAt',
  defaultSort: { field: 'openedAt', direction: 'desc' },
  references: { accountId: { table: 'accounts', label: 'account' } },
  check: dealOrderIssues,
};
