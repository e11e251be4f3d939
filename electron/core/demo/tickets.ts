// Support tickets, the bulk of a workspace (about 100 per account). Response and resolution
// times are log-normal per priority, slower for struggling accounts; tickets still running at
// "today" stay open or pending. The CSAT and effort surveys sent after a ticket are written here
// too, because they need the ticket's times and speed.

import type { Channel } from '../../../shared/contract/common';
import { healthAt, type AccountPlan } from './accounts';
import type { ContactInfo, Gen } from './context';
import { clamp, weighted } from './random';
import { cesScore, commentFor, csatScore } from './scores';
import { DAY, HOUR, iso, MINUTE, monthsBetween, officeMoment } from './time';
import { SUBJECTS, TOPICS } from './vocab/support';

type Priority = 'low' | 'normal' | 'high' | 'urgent';

/**
 * Tickets per month of tenure for an average account. Calibrated so that the mean over a
 * workspace is about 100 tickets per account at every size (tenure averages ~12 months).
 */
export const TICKETS_PER_MONTH = 9;
const SEGMENT_VOLUME: Record<AccountPlan['segment'], number> = { enterprise: 1.9, mid_market: 1.1, smb: 0.7 };
/** Premium support for enterprise, best effort for small customers. */
const SEGMENT_SPEED: Record<AccountPlan['segment'], number> = { enterprise: 0.7, mid_market: 1, smb: 1.25 };

/** Median hours to first response and from first response to resolution, per priority. */
const FIRST_RESPONSE_HOURS: Record<Priority, number> = { urgent: 0.35, high: 1.2, normal: 3.5, low: 9 };
const RESOLUTION_HOURS: Record<Priority, number> = { urgent: 5, high: 16, normal: 30, low: 60 };
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

const channelOf = weighted<Channel>([
  ['email', 38],
  ['chat', 26],
  ['self_service', 16],
  ['phone', 15],
  ['community', 5],
]);
const priorityOf = weighted<Priority>([
  ['low', 25],
  ['normal', 50],
  ['high', 18],
  ['urgent', 7],
]);
const topicOf = weighted(TOPICS);

/** Share of solved tickets that get a CSAT answer, and an effort (CES) answer. */
const CSAT_RESPONSE = 0.12;
const CES_RESPONSE = 0.045;

export interface TicketStats {
  count: number;
}

export function generateTickets(gen: Gen, plan: AccountPlan, contacts: readonly ContactInfo[]): TicketStats {
  const { rng, sink, timeline } = gen;
  const struggling = 0.6 - plan.health;
  // Accounts on their way out file more tickets than their health alone suggests.
  const rate = TICKETS_PER_MONTH * SEGMENT_VOLUME[plan.segment] * Math.exp(2.1 * struggling) * (plan.churn === null ? 1 : 1.25);
  const count = rng.poisson(rate * monthsBetween(plan.start, plan.end));
  const from = plan.start + 2 * DAY;
  const span = plan.end - from;
  if (span <= 0) return { count: 0 };

  // Sorted per account, so rows append to the (account_id, opened_at) index.
  const opened: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = officeMoment(rng.next, from + rng.next() * span, plan.region);
    if (at < Math.min(plan.end, timeline.today) - MINUTE) opened.push(at);
  }
  opened.sort((a, b) => a - b);

  for (const openedAt of opened) {
    const health = healthAt(plan, openedAt);
    let priority = priorityOf(rng);
    // Accounts in trouble escalate more: some of their tickets are filed a level higher.
    if (priority !== 'urgent' && rng.chance(clamp(struggling, 0, 0.5) * 0.6)) priority = PRIORITIES[PRIORITIES.indexOf(priority) + 1]!;
    const slowness = SEGMENT_SPEED[plan.segment] * Math.exp(1.3 * (0.6 - health));
    const responseHours = rng.logNormal(FIRST_RESPONSE_HOURS[priority] * slowness, 0.9);
    const workHours = rng.logNormal(RESOLUTION_HOURS[priority] * slowness, 1.0);
    const firstResponse = openedAt + Math.max(MINUTE, Math.round(responseHours * HOUR));
    const resolved = firstResponse + Math.round(workHours * HOUR);

    let status: string;
    let firstResponseAt: string | null = iso(firstResponse);
    let resolvedAt: string | null = null;
    if (firstResponse > timeline.today) {
      status = 'open';
      firstResponseAt = null;
    } else if (resolved > timeline.today) {
      status = rng.chance(0.6) ? 'open' : 'pending';
    } else {
      status = resolved > timeline.today - 7 * DAY ? 'solved' : 'closed';
      resolvedAt = iso(resolved);
    }

    const id = gen.id('tickets');
    const contact = rng.chance(0.9) ? rng.pick(contacts) : null;
    const topic = topicOf(rng);
    // log of how much faster (>0) or slower (<0) than the norm for its priority this ticket went.
    const speed = Math.log((FIRST_RESPONSE_HOURS[priority] + RESOLUTION_HOURS[priority]) / (responseHours + workHours));
    let csat: number | null = null;
    let answeredAt = 0;
    if (resolvedAt !== null && rng.chance(CSAT_RESPONSE)) {
      answeredAt = resolved + Math.round(rng.logNormal(3, 1.2) * HOUR);
      if (answeredAt < timeline.today) csat = csatScore(rng, health, speed);
    }
    const openedIso = iso(openedAt);
    sink.tickets([
      id,
      plan.id,
      contact?.id ?? null,
      `TKT-${String(id).padStart(8, '0')}`,
      rng.pick(SUBJECTS[topic]!),
      openedIso,
      firstResponseAt,
      resolvedAt,
      channelOf(rng),
      priority,
      topic,
      status,
      csat,
      openedIso,
      resolvedAt ?? firstResponseAt ?? openedIso,
    ]);

    if (resolvedAt === null) continue;
    // The helpdesk keeps the CSAT on the ticket; the survey tool keeps the response with its comment.
    if (csat !== null) survey(gen, plan, id, contact, answeredAt, 'csat', csat);
    if (rng.chance(CES_RESPONSE)) {
      const at = resolved + Math.round(rng.logNormal(3, 1.2) * HOUR);
      if (at < timeline.today) survey(gen, plan, id, contact, at, 'ces', cesScore(rng, health + 0.1 * Math.min(0, speed)));
    }
  }
  return { count: opened.length };
}

function survey(gen: Gen, plan: AccountPlan, ticketId: number, contact: ContactInfo | null, at: number, kind: string, score: number) {
  const stamp = iso(at);
  gen.sink.survey_responses([gen.id('survey_responses'), plan.id, contact?.id ?? null, null, ticketId, stamp, kind, score, null, commentFor(gen.rng, kind, score), stamp, stamp]);
}
