import type { FEEDBACK_KINDS, FEEDBACK_SOURCES, REQUEST_STATUSES } from '../../../../shared/contract/feedback';

export const STATUS_LABELS: Record<(typeof REQUEST_STATUSES)[number], string> = { open: 'Open', planned: 'Planned', shipped: 'Shipped', declined: 'Declined' };
export const KIND_LABELS: Record<(typeof FEEDBACK_KINDS)[number], string> = { feature_request: 'Feature request', problem: 'Problem', praise: 'Praise' };
export const SOURCE_LABELS: Record<(typeof FEEDBACK_SOURCES)[number], string> = { ticket: 'Ticket', survey: 'Survey comment', touchpoint: 'Touchpoint', manual: 'By hand' };
