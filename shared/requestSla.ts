// The one definition of "past SLA" for reference requests. The requests log flags each row with
// it and the programme figures count it (Requests and Influence once showed 87 and 31 because
// each had its own rule); it lives in shared/ because the requests domain sits above leverage.

import type { RequestStatus } from './contract/requests';
import { DAY_MS } from './dates';

/**
 * The statuses in which a request waits on the programme for an answer: asked, or approved by the
 * account owner but not yet arranged. A scheduled request has had its answer (the SLA is the
 * programme's promise to sales of how fast a reference is arranged), and a closed one waits on no one.
 */
export const AWAITING_STATUSES = ['requested', 'approved'] as const satisfies readonly RequestStatus[];

/** Past SLA: still awaiting an answer more than `slaDays` whole days after it was asked, at `now`. */
export function isPastSla(request: { status: string; requestedAt: string }, now: Date, slaDays: number): boolean {
  if (!(AWAITING_STATUSES as readonly string[]).includes(request.status)) return false;
  return now.getTime() - Date.parse(request.requestedAt) > slaDays * DAY_MS;
}
