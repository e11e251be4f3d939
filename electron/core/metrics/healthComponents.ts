import { formatDuration } from '../../../shared/format/duration';
import { isFiniteNumber } from './types';
import { countOf } from '../../../shared/format/format';

/**
 * Component scorers for the health score (`health.ts`): pure functions from an account's figures
 * to a 0-100 score and a short reason naming the figure and the threshold that set it, so a CSM
 * can see why an account is red. Null score = no data (the health score renormalises it away).
 * Thresholds are this product's defaults (configurable), not published norms.
 */

export interface ComponentScore {
  score: number | null;
  reason: string;
}

const fmt = (x: number) => String(Math.round(x * 10) / 10);

function meanOf(parts: ComponentScore[], none: string): ComponentScore {
  const scored = parts.filter((p) => p.score !== null);
  if (scored.length === 0) return { score: null, reason: none };
  const score = scored.reduce((s, p) => s + (p.score as number), 0) / scored.length;
  return { score, reason: scored.map((p) => p.reason).join('; ') };
}

/** " (14 answers)" when the caller knows the n: the account page shows the same figure with its n beside it, and the two must read alike. */
const answers = (n: number | undefined) => (n === undefined ? '' : ` (${countOf(n, 'answer')})`);

/** Satisfaction: NPS (−100..100) mapped linearly to (NPS + 100) / 2; CSAT % as is; both: mean. */
export function satisfactionComponent(input: { nps?: number | null; csat?: number | null; npsN?: number; csatN?: number }): ComponentScore {
  const parts: ComponentScore[] = [];
  if (isFiniteNumber(input.nps)) {
    const nps = Math.max(-100, Math.min(100, input.nps));
    parts.push({ score: (nps + 100) / 2, reason: `NPS ${nps > 0 ? '+' : ''}${fmt(nps)} → ${fmt((nps + 100) / 2)}${answers(input.npsN)}` });
  }
  if (isFiniteNumber(input.csat)) {
    const csat = Math.max(0, Math.min(100, input.csat));
    parts.push({ score: csat, reason: `CSAT ${fmt(csat)} %${answers(input.csatN)}` });
  }
  return meanOf(parts, 'no survey answers');
}

export interface SupportThresholds {
  /** Median first response within this is on target (100); within 2× is 50; beyond, 0. */
  slaMinutes: number;
  /** Open tickets up to this are fine (100); up to 2× is 50; beyond, 0. */
  backlogLimit: number;
}
export const DEFAULT_SUPPORT_THRESHOLDS: SupportThresholds = { slaMinutes: 240, backlogLimit: 5 };

/** Support experience: median first response against the SLA, and the open backlog; mean of the two. */
export function supportComponent(
  input: { medianFirstResponseMinutes: number | null; openTickets: number | null },
  t: SupportThresholds = DEFAULT_SUPPORT_THRESHOLDS,
): ComponentScore {
  const parts: ComponentScore[] = [];
  const m = input.medianFirstResponseMinutes;
  if (isFiniteNumber(m)) {
    // Durations read as the screens say them (shared/duration.ts): "4.2 hr", not "250.9 min".
    const say = (minutes: number) => formatDuration(minutes, 'en-US');
    const label = `median first response ${say(m)}`;
    if (m <= t.slaMinutes) parts.push({ score: 100, reason: `${label} (≤ SLA ${say(t.slaMinutes)})` });
    else if (m <= 2 * t.slaMinutes) parts.push({ score: 50, reason: `${label} (> SLA ${say(t.slaMinutes)})` });
    else parts.push({ score: 0, reason: `${label} (> 2 × SLA ${say(2 * t.slaMinutes)})` });
  }
  const open = input.openTickets;
  if (isFiniteNumber(open)) {
    const label = countOf(open, 'open ticket');
    if (open <= t.backlogLimit) parts.push({ score: 100, reason: `${label} (≤ ${t.backlogLimit})` });
    else if (open <= 2 * t.backlogLimit) parts.push({ score: 50, reason: `${label} (> ${t.backlogLimit})` });
    else parts.push({ score: 0, reason: `${label} (> ${2 * t.backlogLimit})` });
  }
  return meanOf(parts, 'no support data');
}

/** Adoption: licences used / purchased (capped at 100 %) and live / all deployments; mean of the two. */
export function adoptionComponent(input: {
  licencesUsed?: number | null;
  licencesPurchased?: number | null;
  liveDeployments?: number | null;
  deployments?: number | null;
}): ComponentScore {
  const parts: ComponentScore[] = [];
  const { licencesUsed: used, licencesPurchased: bought, liveDeployments: live, deployments: all } = input;
  if (isFiniteNumber(used) && isFiniteNumber(bought) && bought > 0 && used >= 0) {
    const share = Math.min(100, (100 * used) / bought);
    parts.push({ score: share, reason: `${used} of ${bought} licences used (${fmt(share)} %)` });
  }
  if (isFiniteNumber(live) && isFiniteNumber(all) && all > 0 && live >= 0) {
    const share = Math.min(100, (100 * live) / all);
    parts.push({ score: share, reason: `${live} of ${countOf(all, 'deployment')} live (${fmt(share)} %)` });
  }
  return meanOf(parts, 'no licence or deployment data');
}

export interface RecencyThresholds {
  /** Up to this many days since the last touchpoint: 100. */
  recentDays: number;
  /** Up to this: 50; beyond: 0. */
  staleDays: number;
}
export const DEFAULT_RECENCY_THRESHOLDS: RecencyThresholds = { recentDays: 30, staleDays: 60 };

/** Engagement recency from the days since the last touchpoint (null: none recorded, no data). */
export function engagementRecencyComponent(daysSinceLastTouchpoint: number | null, t: RecencyThresholds = DEFAULT_RECENCY_THRESHOLDS): ComponentScore {
  if (!isFiniteNumber(daysSinceLastTouchpoint)) return { score: null, reason: 'no touchpoint recorded' };
  const d = daysSinceLastTouchpoint;
  const label = `last touchpoint ${countOf(d, 'day')} ago`;
  if (d <= t.recentDays) return { score: 100, reason: `${label} (≤ ${t.recentDays})` };
  if (d <= t.staleDays) return { score: 50, reason: `${label} (> ${t.recentDays})` };
  return { score: 0, reason: `${label} (> ${t.staleDays})` };
}

export interface RenewalThresholds {
  /** Renewal within this many days: 25 (urgent). */
  soonDays: number;
  /** Within this: 60; further out: 100. A passed renewal date: 0. */
  nearDays: number;
}
export const DEFAULT_RENEWAL_THRESHOLDS: RenewalThresholds = { soonDays: 30, nearDays: 90 };

/** Renewal proximity from the days to the next renewal (negative: the date has passed). */
export function renewalProximityComponent(daysToRenewal: number | null, t: RenewalThresholds = DEFAULT_RENEWAL_THRESHOLDS): ComponentScore {
  if (!isFiniteNumber(daysToRenewal)) return { score: null, reason: 'no renewal date' };
  const d = daysToRenewal;
  if (d < 0) return { score: 0, reason: `renewal date passed ${countOf(-d, 'day')} ago` };
  const label = `renewal in ${countOf(d, 'day')}`;
  if (d <= t.soonDays) return { score: 25, reason: `${label} (≤ ${t.soonDays})` };
  if (d <= t.nearDays) return { score: 60, reason: `${label} (≤ ${t.nearDays})` };
  return { score: 100, reason: `${label} (> ${t.nearDays})` };
}

/** Default weights of the five components (sum 100; configurable per workspace). */
export const DEFAULT_HEALTH_WEIGHTS = {
  satisfaction: 25,
  support: 20,
  adoption: 25,
  engagement: 15,
  renewal: 15,
} as const;
