import { DAY_MS } from '../../../shared/dates';
import { isPastSla } from '../../../shared/requestSla';
import { median, percent } from './stats';

/**
 * Program figures over the requests made in [from, to):
 *   acceptance rate    accepted (approved, scheduled or completed) / decided (accepted + declined); cancelled ones are neither
 *   time to fulfil     median days from request to completion, completed requests
 *   most / least used  completed uses per active reference in the period (least includes references never used)
 *   past SLA           requests awaiting an answer past the SLA days, now (not limited to the period): shared/requestSla.ts, as the requests log flags them
 */

export interface ProgramRequest {
  referenceId: number;
  status: string;
  requestedAt: string;
  completedAt: string | null;
}

export interface ProgramReference {
  id: number;
  accountName: string;
  active: boolean;
}

const ACCEPTED = new Set(['approved', 'scheduled', 'completed']);

export function programFiguresOf(
  requests: readonly ProgramRequest[],
  references: readonly ProgramReference[],
  period: { from: string; to: string },
  now: Date,
  slaDays: number,
  top = 5,
) {
  const made = requests.filter((r) => r.requestedAt >= period.from && r.requestedAt < period.to);
  const accepted = made.filter((r) => ACCEPTED.has(r.status)).length;
  const decided = accepted + made.filter((r) => r.status === 'declined').length;
  const completed = made.filter((r) => r.status === 'completed' && r.completedAt !== null);
  const days = completed.map((r) => (Date.parse(r.completedAt!) - Date.parse(r.requestedAt)) / DAY_MS);

  const uses = new Map<number, number>();
  for (const r of completed) uses.set(r.referenceId, (uses.get(r.referenceId) ?? 0) + 1);
  const usage = references.filter((r) => r.active).map((r) => ({ referenceId: r.id, accountName: r.accountName, uses: uses.get(r.id) ?? 0 }));
  const mostUsed = [...usage]
    .filter((u) => u.uses > 0)
    .sort((a, b) => b.uses - a.uses || a.accountName.localeCompare(b.accountName))
    .slice(0, top);
  const leastUsed = [...usage].sort((a, b) => a.uses - b.uses || a.accountName.localeCompare(b.accountName)).slice(0, top);

  const pastSla = requests.filter((r) => isPastSla(r, now, slaDays)).length;
  return {
    requests: made.length,
    acceptance: { rate: percent(accepted, decided), accepted, decided },
    fulfilment: { medianDays: median(days), n: days.length },
    mostUsed,
    leastUsed,
    pastSla: { count: pastSla, slaDays },
  };
}
