import type { RequestStatus } from '../../../../shared/contract/requests';

export type RequestAction = 'approve' | 'schedule' | 'complete' | 'decline' | 'cancel';

/** What can be done with a request in each status, the next step first (mirrors the core's lifecycle). */
const ACTIONS: Record<RequestStatus, readonly RequestAction[]> = {
  requested: ['approve', 'decline', 'cancel'],
  approved: ['schedule', 'decline', 'cancel'],
  scheduled: ['complete', 'schedule', 'decline', 'cancel'],
  completed: [],
  declined: [],
  cancelled: [],
};

export const actionsFor = (status: RequestStatus) => ACTIONS[status];

export function actionLabel(action: RequestAction, status: RequestStatus): string {
  if (action === 'schedule') return status === 'scheduled' ? 'Reschedule' : 'Schedule';
  return { approve: 'Approve', complete: 'Complete', decline: 'Decline', cancel: 'Cancel request' }[action];
}
