import type { REFERENCE_ACTIVITIES } from '../../../shared/contract/common';

export type ReferenceActivity = (typeof REFERENCE_ACTIVITIES)[number];

/** Statuses of a request that count as an ask (fatigue); completed is also a use. */
export const ASK_STATUSES = ['requested', 'approved', 'scheduled', 'completed'] as const;
