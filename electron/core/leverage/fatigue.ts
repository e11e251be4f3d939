import { DAY_MS } from '../../../shared/dates';
import type { ReferenceActivity } from './types';

/**
 * Fatigue as capacity. An *ask* is any reference request of the reference's contact (every
 * activity) whose status is requested, approved, scheduled or completed; its date is completed_at,
 * else scheduled_for, else requested_at. A *use* is a completed request.
 *
 * At a day D an ask of activity A is allowed when
 *   - asks of A dated after D − window  <  budget[A]
 *   - all asks dated after D − window   <  total budget (the reference's usage limit when set)
 *   - D ≥ last use + rest days
 * Asks dated after D (scheduled ones) count too: they are promised. Each condition only gets
 * easier as D moves on (asks age out of the window), so the first allowed day is the latest of
 * the day each condition is met: an over-budget list of k asks frees up when its
 * (k − budget + 1)-th oldest ask leaves the window.
 *
 * Everything counts in whole days, never instants (issue 16): an ask counts on its `day`, the
 * calendar day of its instant in the workspace's time zone (Settings → business hours' zone; loadAsks
 * sets it, localDay), so a call at 23:30 local time counts on that local day, not on the next UTC
 * day; an ask without one counts on its UTC day. The window at D
 * holds the asks of days D − window + 1 … D, so an ask exactly `window` days ago no longer counts,
 * and an ask at 15:00 frees its slot at the same midnight as one at 09:00. Calls on day 10 and day
 * 70, a budget of 2 per 90 days and a 30-day rest: available from day 100.
 */

export interface Ask {
  activity: ReferenceActivity;
  /** Instant (ISO) the ask counts at. */
  at: string;
  /** Completed (a use). */
  completed: boolean;
  /** YYYY-MM-DD: the day it counts on, in the workspace's time zone (localDay); absent, the UTC day of `at`. */
  day?: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`; a date alone is its own day. */
export function localDay(iso: string, timeZone: string): string {
  if (iso.length === 10 || timeZone === 'UTC') return iso.slice(0, 10);
  let f = dayFormats.get(timeZone);
  // en-CA writes dates as YYYY-MM-DD.
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(iso));
}

/** The day an ask counts on (its local day when known), as midnight ms. */
const dayOfAsk = (a: Ask) => startOfDay(a.day ?? a.at);

export interface FatigueRules {
  windowDays: number;
  budgets: Record<ReferenceActivity, number>;
  totalBudget: number;
  restDays: number;
}

export interface AvailabilityAnswer {
  activities: { activity: ReferenceActivity; asks: number; budget: number }[];
  total: { asks: number; budget: number; fromUsageLimit: boolean };
  lastUsedAt: string | null;
  restUntil: string | null;
  /** YYYY-MM-DD, or null when a budget of 0 never allows the activity. */
  availableFrom: string | null;
  available: boolean;
  reason: string;
}

const ACTIVITY_WORDS: Record<ReferenceActivity, [string, string]> = {
  reference_call: ['reference call', 'reference calls'],
  case_study: ['case study', 'case studies'],
  press_quote: ['press quote', 'press quotes'],
  analyst_briefing: ['analyst briefing', 'analyst briefings'],
  site_visit: ['site visit', 'site visits'],
  speaking: ['speaking slot', 'speaking slots'],
  peer_review: ['peer review', 'peer reviews'],
  logo_use: ['logo use', 'logo uses'],
};

export const activityWords = (activity: ReferenceActivity, n: number) => `${n} ${ACTIVITY_WORDS[activity][n === 1 ? 0 : 1]}`;
const asksWords = (n: number) => `${n} ask${n === 1 ? '' : 's'}`;

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Midnight UTC of an ISO date or instant. */
export const startOfDay = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 March 2026": the dates in reasons are read, not parsed (by hand: Intl costs ~20 µs a call, the finder makes thousands). */
export function longDate(ymd: string): string {
  return `${Number(ymd.slice(8, 10))} ${MONTHS[Number(ymd.slice(5, 7)) - 1]} ${ymd.slice(0, 4)}`;
}

/** The first day (ms, midnight) from `from` on when fewer than `budget` of `days` (midnights) lie in the window. */
function freeFrom(days: number[], budget: number, windowMs: number, from: number): number | null {
  const inWindow = days.filter((t) => t > from - windowMs).sort((a, b) => a - b);
  if (inWindow.length < budget) return from;
  if (budget <= 0) return null;
  // The (k − budget + 1)-th oldest leaves the window on its day + window.
  const leaving = inWindow[inWindow.length - budget]!;
  return Math.max(from, leaving + windowMs);
}

/**
 * Where one reference stands for an ask of `activity` on day `on` (YYYY-MM-DD): its asks per
 * activity and in total against the budgets, its rest period and the first day it can be asked.
 * `usageLimit` (the reference's usage_limit_per_quarter) replaces the total budget when set.
 */
export function availabilityOf(asks: readonly Ask[], rules: FatigueRules, activity: ReferenceActivity, on: string, usageLimit: number | null = null): AvailabilityAnswer {
  const day = startOfDay(on);
  const windowMs = rules.windowDays * DAY_MS;
  // Most references have no asks at all: the answer needs no dates.
  if (asks.length === 0 && rules.budgets[activity] > 0 && (usageLimit ?? rules.totalBudget) > 0) return freeAnswer(rules, activity, on, usageLimit);
  // t: the ask's day (midnight UTC), so the time of day never moves a date.
  const counted = asks.map((a) => ({ ...a, t: dayOfAsk(a) })).filter((a) => a.t > day - windowMs);
  const budgetOf = (a: ReferenceActivity) => rules.budgets[a];
  const activities = [...new Set(counted.map((a) => a.activity).concat(activity))].map((a) => ({
    activity: a,
    asks: counted.filter((c) => c.activity === a).length,
    budget: budgetOf(a),
  }));
  const totalBudget = usageLimit ?? rules.totalBudget;
  const total = { asks: counted.length, budget: totalBudget, fromUsageLimit: usageLimit !== null };

  const uses = asks.filter((a) => a.completed).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const lastUse = uses.at(-1) ?? null;
  const lastUsedAt = lastUse?.at ?? null;
  const restEnd = lastUse === null ? null : dayOfAsk(lastUse) + rules.restDays * DAY_MS;
  const restUntil = restEnd !== null && rules.restDays > 0 ? dayOf(restEnd - DAY_MS) : null;

  const ofActivity = counted.filter((a) => a.activity === activity).map((a) => a.t);
  const activityFree = freeFrom(ofActivity, budgetOf(activity), windowMs, day);
  const totalFree = freeFrom(
    counted.map((a) => a.t),
    totalBudget,
    windowMs,
    day,
  );
  const restFree = restEnd === null || rules.restDays === 0 ? day : Math.max(day, restEnd);

  const mine = activities.find((a) => a.activity === activity)!;
  const windowText = `in the last ${rules.windowDays} days`;
  if (activityFree === null || totalFree === null) {
    const reason = budgetOf(activity) <= 0 ? `the budget for ${ACTIVITY_WORDS[activity][1]} is 0` : 'the total budget of asks is 0';
    return { activities, total, lastUsedAt, restUntil, availableFrom: null, available: false, reason };
  }
  const from = Math.max(activityFree, totalFree, restFree);
  const availableFrom = dayOf(from);
  if (from <= day) {
    const reason = `${activityWords(activity, mine.asks)} of ${mine.budget} and ${asksWords(total.asks)} of ${totalBudget} ${windowText}`;
    return { activities, total, lastUsedAt, restUntil, availableFrom, available: true, reason };
  }
  // Name the constraint that holds longest: that is the date the user sees.
  const when = `available from ${longDate(availableFrom)}`;
  const reason =
    from === activityFree
      ? `${activityWords(activity, mine.asks)} ${windowText} (budget ${mine.budget}): ${when}`
      : from === totalFree
        ? `${asksWords(total.asks)} ${windowText} (${total.fromUsageLimit ? 'usage limit' : 'budget'} ${totalBudget}): ${when}`
        : `resting after the use on ${longDate(lastUse!.day ?? lastUsedAt!.slice(0, 10))}: ${when}`;
  return { activities, total, lastUsedAt, restUntil, availableFrom, available: false, reason };
}

function freeAnswer(rules: FatigueRules, activity: ReferenceActivity, on: string, usageLimit: number | null): AvailabilityAnswer {
  const budget = rules.budgets[activity];
  const total = usageLimit ?? rules.totalBudget;
  return {
    activities: [{ activity, asks: 0, budget }],
    total: { asks: 0, budget: total, fromUsageLimit: usageLimit !== null },
    lastUsedAt: null,
    restUntil: null,
    availableFrom: on.slice(0, 10),
    available: true,
    reason: `${activityWords(activity, 0)} of ${budget} and 0 asks of ${total} in the last ${rules.windowDays} days`,
  };
}

/** Asks in the window before `on`, of every activity: what the readiness penalty and capacity count. */
export function asksInWindow(asks: readonly Ask[], windowDays: number, on: string): number {
  const day = startOfDay(on);
  return asks.filter((a) => dayOfAsk(a) > day - windowDays * DAY_MS).length;
}
