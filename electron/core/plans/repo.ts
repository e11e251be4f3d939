import type { Output } from '../../../shared/contract';
import { planDateIssues } from '../../../shared/contract/plans';
import type { TableSpec } from '../crud/table';

export const plansTable: TableSpec<Output<'plans.get'>> = {
  table: 'successPlans',
  label: 'success plan',
  search: ['title', 'owner', 'notes'],
  defaultSort: { field: 'createdAt', direction: 'desc' },
  references: { accountId: { table: 'accounts', label: 'account' } },
  check: planDateIssues,
};

export const objectivesTable: TableSpec<Output<'planObjectives.get'>> = {
  table: 'planObjectives',
  label: 'objective',
  search: ['title'],
  defaultSort: { field: 'createdAt', direction: 'asc' },
  references: { planId: { table: 'successPlans', label: 'success plan' }, outcomeId: { table: 'outcomes', label: 'outcome' } },
};

export const milestonesTable: TableSpec<Output<'planMilestones.get'>> = {
  table: 'planMilestones',
  label: 'milestone',
  search: ['title'],
  defaultSort: { field: 'dueDate', direction: 'asc' },
  references: { planId: { table: 'successPlans', label: 'success plan' } },
};
