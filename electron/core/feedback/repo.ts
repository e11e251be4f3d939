import type { Output } from '../../../shared/contract';
import { feedbackSourceIssues } from '../../../shared/contract/feedback';
import type { TableSpec } from '../crud/table';

export const itemsTable: TableSpec<Output<'feedback.get'>> = {
  table: 'feedbackItems',
  label: 'feedback item',
  search: ['text', 'product', 'feature'],
  time: 'capturedAt',
  defaultSort: { field: 'capturedAt', direction: 'desc' },
  references: {
    accountId: { table: 'accounts', label: 'account' },
    contactId: { table: 'contacts', label: 'contact' },
    requestId: { table: 'feedbackRequests', label: 'request' },
    ticketId: { table: 'tickets', label: 'ticket' },
    surveyResponseId: { table: 'surveyResponses', label: 'survey response' },
    touchpointId: { table: 'touchpoints', label: 'touchpoint' },
  },
  check: feedbackSourceIssues,
};

export const requestsTable: TableSpec<Output<'feedbackRequests.get'>> = {
  table: 'feedbackRequests',
  label: 'request',
  search: ['title', 'description', 'product', 'feature'],
  defaultSort: { field: 'createdAt', direction: 'desc' },
};
