import type { Output } from '../../../shared/contract';
import { goalPeriodIssues } from '../../../shared/contract/goals';
import type { TableSpec } from '../crud/table';

export const goalsTable: TableSpec<Output<'goals.get'>> = {
  table: 'goals',
  label: 'goal',
  search: ['kpi', 'segment', 'owner', 'note'],
  defaultSort: { field: 'periodStart', direction: 'desc' },
  check: goalPeriodIssues,
};
