import { surveyScaleIssues } from '../../../shared/contract/surveyResponses';
import type { Output } from '../../../shared/contract';
import type { TableSpec } from '../crud/table';
import { surveyWritten } from '../derived/hooks';

export const surveyResponsesTable: TableSpec<Output<'surveyResponses.get'>> = {
  table: 'surveyResponses',
  label: 'survey response',
  search: ['comment'],
  time: 'respondedAt',
  defaultSort: { field: 'respondedAt', direction: 'desc' },
  references: {
    accountId: { table: 'accounts', label: 'account' },
    contactId: { table: 'contacts', label: 'contact' },
    touchpointId: { table: 'touchpoints', label: 'touchpoint' },
    ticketId: { table: 'tickets', label: 'ticket' },
  },
  check: surveyScaleIssues,
  afterWrite: surveyWritten,
};
