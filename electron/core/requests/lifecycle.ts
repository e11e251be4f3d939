import { OPEN_REQUEST_STATUSES, type RequestStatus } from '../../../shared/contract/requests';
import { DAY_MS } from '../../../shared/dates';
import { isPastSla } from '../../../shared/requestSla';

export type RequestAction = 'approve' | 'schedule' | 'complete' | 'decline' | 'cancel';

const OPEN: readonly RequestStatus[] = OPEN_REQUEST_STATUSES;

/** Which statuses each action may start from; scheduling again moves the date. */
const FROM: Record<RequestAction, readonly RequestStatus[]> = {
  approve: ['requested'],
  schedule: ['approved', 'scheduled'],
  complete: ['scheduled'],
  decline: OPEN,
  cancel: OPEN,
};

const HINT: Record<RequestAction, string> = {
  approve: 'only a requested request can be approved',
  schedule: 'only an approved request can be scheduled',
  complete: 'only a scheduled request can be completed',
  decline: 'only an open request (requested, approved or scheduled) can be declined',
  cancel: 'only an open request (requested, approved or scheduled) can be cancelled',
};

/** Why `action` is not allowed on a request in `status`, or null when it is. */
export function requestActionProblem(id: number, status: RequestStatus, action: RequestAction): string | null {
  return FROM[action].includes(status) ? null : `request ${id} is ${status}: ${HINT[action]}`;
}

export const isOpen = (status: RequestStatus) => OPEN.includes(status);

/** What a request's age is measured against: the time now and the programme's SLA (settings). */
export interface AgeBasis {
  now: Date;
  slaDays: number;
}

/** How long a request has been (or was) open in whole days, and whether it is past the SLA now (shared/requestSla.ts: the one definition). */
export function requestAge(
  request: { status: RequestStatus; requestedAt: string; closedAt: string | null },
  { now, slaDays }: AgeBasis,
): { daysOpen: number; overdueSla: boolean; slaDays: number } {
  const open = isOpen(request.status);
  const end = open || request.closedAt === null ? now.getTime() : Date.parse(request.closedAt);
  const openMs = Math.max(0, end - Date.parse(request.requestedAt));
  return { daysOpen: Math.floor(openMs / DAY_MS), overdueSla: isPastSla(request, now, slaDays), slaDays };
}
