import type { CtaKind, CtaRule, FiredBy } from '../../../shared/contract/ctas';

// The rules that open calls to action: each a pure function of one account's inputs (read by
// inputs.ts from the same tables and snapshots health reads), returning what it would open. The
// cause names the event, so the call to action's id `<rule>:<account>:<cause>` is the same on every
// laptop that sees the same event, and an event already acted on never opens a second one.

export type Band = 'red' | 'amber' | 'green' | 'insufficient';

export interface RuleInputs {
  accountId: number;
  /** YYYY-MM-DD (UTC) of the evaluation. */
  today: string;
  /** The current health snapshot's band and the day it was taken; null without a snapshot. */
  health: { band: Band; takenAt: string } | null;
  /** The band of the latest snapshot from a day before the current one's (null: none). */
  previousBand: Band | null;
  /** NPS answers of 0-6 (detractors) not archived, responded within the last DETRACTOR_DAYS days. */
  detractors: { id: number; respondedAt: string; score: number; contactName: string | null }[];
  /** The moments of truth this account lived below target this period, as the at-risk list words them. */
  momentsBelowTarget: string[];
  renewalDate: string | null;
  lastTouchpointAt: string | null;
  /** Deployments not live, not cancelled, with a planned go-live. */
  pendingDeployments: { id: number; product: string; status: string; plannedGoLive: string }[];
  /** Reference requests for this account's references, approved within the last REQUEST_DAYS days and still approved or scheduled. */
  approvedRequests: { id: number; activity: string; approvedAt: string; approvedBy: string | null; requester: string }[];
}

export interface Firing {
  rule: CtaRule;
  cause: string;
  title: string;
  firedBy: FiredBy;
}

export const DETRACTOR_DAYS = 30;
export const REQUEST_DAYS = 30;
export const RENEWAL_WINDOW_DAYS = 90;
export const QUIET_DAYS = 30;

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`);
const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

/** Health entered red: red now, and not red on the day before (or no earlier snapshot). Cause: the day it turned red. */
export function healthRed(inputs: RuleInputs): Firing[] {
  if (inputs.health?.band !== 'red' || inputs.previousBand === 'red') return [];
  const day = inputs.health.takenAt.slice(0, 10);
  return [
    {
      rule: 'healthRed',
      cause: `red@${day}`,
      title: 'Health entered red',
      firedBy: {
        summary: `Health turned red on ${day} (before: ${inputs.previousBand ?? 'no earlier score'})`,
        facts: { band: 'red', since: day, previousBand: inputs.previousBand },
      },
    },
  ];
}

/** A detractor answer (NPS 0-6) within the last DETRACTOR_DAYS days. Cause: the answer. */
export function detractor(inputs: RuleInputs): Firing[] {
  return inputs.detractors
    .filter((answer) => answer.score <= 6 && daysBetween(answer.respondedAt, inputs.today) <= DETRACTOR_DAYS && daysBetween(answer.respondedAt, inputs.today) >= 0)
    .map((answer) => ({
      rule: 'detractor',
      cause: `answer:${answer.id}`,
      title: `Detractor: NPS ${answer.score}${answer.contactName ? ` from ${answer.contactName}` : ''}`,
      firedBy: {
        summary: `NPS answer ${answer.score} on ${answer.respondedAt.slice(0, 10)}${answer.contactName ? ` by ${answer.contactName}` : ''}`,
        facts: { surveyResponseId: answer.id, score: answer.score, respondedAt: answer.respondedAt, contact: answer.contactName },
      },
    }));
}

/** Moments of truth below target this month: one call to action per account and month, naming them all. */
export function momentOfTruth(inputs: RuleInputs): Firing[] {
  if (inputs.momentsBelowTarget.length === 0) return [];
  const month = inputs.today.slice(0, 7);
  const facts: FiredBy['facts'] = { month };
  inputs.momentsBelowTarget.forEach((text, i) => (facts[`moment${i + 1}`] = text));
  return [{ rule: 'momentOfTruth', cause: `month:${month}`, title: 'Moment of truth below target', firedBy: { summary: inputs.momentsBelowTarget[0]!, facts } }];
}

/** Renewal within RENEWAL_WINDOW_DAYS days and no touchpoint in the last QUIET_DAYS days. Cause: the renewal date. */
export function renewalQuiet(inputs: RuleInputs): Firing[] {
  if (!inputs.renewalDate) return [];
  const toRenewal = daysBetween(inputs.today, inputs.renewalDate);
  if (toRenewal < 0 || toRenewal > RENEWAL_WINDOW_DAYS) return [];
  const quiet = inputs.lastTouchpointAt === null ? null : daysBetween(inputs.lastTouchpointAt, inputs.today);
  if (quiet !== null && quiet <= QUIET_DAYS) return [];
  return [
    {
      rule: 'renewalQuiet',
      cause: `renewal:${inputs.renewalDate.slice(0, 10)}`,
      title: `Renewal in ${toRenewal} days, no recent touchpoint`,
      firedBy: {
        summary: `Renews on ${inputs.renewalDate.slice(0, 10)} (in ${toRenewal} days); ${quiet === null ? 'no touchpoint on record' : `last touchpoint ${quiet} days ago`}`,
        facts: { renewalDate: inputs.renewalDate.slice(0, 10), daysToRenewal: toRenewal, lastTouchpointAt: inputs.lastTouchpointAt, daysSinceTouchpoint: quiet },
      },
    },
  ];
}

/** A deployment past its planned go-live and not live. Cause: the deployment and that date (a new date is a new promise). */
export function goLiveOverdue(inputs: RuleInputs): Firing[] {
  return inputs.pendingDeployments
    .filter((d) => d.status !== 'live' && d.status !== 'cancelled' && d.plannedGoLive.slice(0, 10) < inputs.today)
    .map((d) => {
      const late = daysBetween(d.plannedGoLive, inputs.today);
      return {
        rule: 'goLiveOverdue',
        cause: `deployment:${d.id}@${d.plannedGoLive.slice(0, 10)}`,
        title: `Go-live overdue: ${d.product}`,
        firedBy: {
          summary: `${d.product} was to go live on ${d.plannedGoLive.slice(0, 10)}, ${late} days ago (${d.status.replace('_', ' ')})`,
          facts: { deploymentId: d.id, product: d.product, plannedGoLive: d.plannedGoLive.slice(0, 10), daysLate: late, status: d.status },
        },
      };
    });
}

/** A reference request approved within the last REQUEST_DAYS days. Cause: the request. */
export function referenceApproved(inputs: RuleInputs): Firing[] {
  return inputs.approvedRequests
    .filter((r) => daysBetween(r.approvedAt, inputs.today) <= REQUEST_DAYS)
    .map((r) => ({
      rule: 'referenceApproved',
      cause: `request:${r.id}`,
      title: `Reference request approved: ${r.activity.replace(/_/g, ' ')}`,
      firedBy: {
        summary: `${r.requester}'s ${r.activity.replace(/_/g, ' ')} request approved on ${r.approvedAt.slice(0, 10)}${r.approvedBy ? ` by ${r.approvedBy}` : ''}`,
        facts: { requestId: r.id, activity: r.activity, approvedAt: r.approvedAt, approvedBy: r.approvedBy, requester: r.requester },
      },
    }));
}

export const RULES: Record<CtaRule, (inputs: RuleInputs) => Firing[]> = { healthRed, detractor, momentOfTruth, renewalQuiet, goLiveOverdue, referenceApproved };

/**
 * Rules whose condition is a state of the account rather than one event: while one of their calls
 * to action is open on an account, a new cause (red again on another day, another month below
 * target, a moved renewal date) does not open a second one; the open one is the place to act.
 */
export const ONE_OPEN_PER_ACCOUNT: ReadonlySet<CtaRule> = new Set(['healthRed', 'momentOfTruth', 'renewalQuiet']);

/** Every rule over one account's inputs. */
export const evaluateRules = (inputs: RuleInputs): Firing[] => Object.values(RULES).flatMap((rule) => rule(inputs));

/** The deterministic id of a call to action (a rule's, or one opened by hand: ctas/manual.ts). */
export const ctaIdOf = (rule: CtaKind, accountId: number, cause: string) => `${rule}:${accountId}:${cause}`;
