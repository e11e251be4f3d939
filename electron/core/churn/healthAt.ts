import type { Settings } from '../../../shared/contract/settings';
import { assessHealth, type HealthInputs } from '../health/model';
import { DAY_MS } from '../../../shared/dates';
import { median } from './features';
import { KIND, nextRenewal, type AccountHistory } from './history';

/**
 * The rule health score as it would have read on a past day, from the same dated rows as the churn
 * features (the stored snapshots start when the workspace started scoring, so they cannot serve a
 * backtest): NPS and CSAT answers and tickets of the 12 months before the day, tickets open on it,
 * deployments live by it, the last touchpoint before it, the next renewal after it. Licence use is
 * not dated, so the adoption component rests on deployments alone here.
 */
/** Scratch for the first responses (one thread, one call at a time): a JS array sorted by a comparator per account and renewal was a fifth of the section. */
let responseBuffer = new Float64Array(256);

export function healthInputsAt(a: AccountHistory, day: string): HealthInputs {
  const dayMs = Date.parse(day);
  const yearAgo = dayMs - 365 * DAY_MS;
  const npsCounts = new Array<number>(11).fill(0);
  const csatCounts = new Array<number>(5).fill(0);
  const s = a.surveys;
  for (let k = 0; k < s.at.length; k++) {
    const at = s.at[k]!;
    if (at >= dayMs) break;
    if (at < yearAgo) continue;
    const score = s.score[k]!;
    if (s.kind[k] === KIND.nps && score >= 0 && score <= 10) npsCounts[score]! += 1;
    if (s.kind[k] === KIND.csat && score >= 1 && score <= 5) csatCounts[score - 1]! += 1;
  }
  const t = a.tickets;
  if (responseBuffer.length < t.opened.length) responseBuffer = new Float64Array(t.opened.length);
  let responsesN = 0;
  let inWindow = 0;
  let open = 0;
  for (let k = 0; k < t.opened.length; k++) {
    const opened = t.opened[k]!;
    if (!(opened < dayMs)) continue;
    if (!(t.resolved[k]! < dayMs)) open++;
    if (opened < yearAgo) continue;
    inWindow++;
    if (t.firstResponse[k]! < dayMs) responseBuffer[responsesN++] = (t.firstResponse[k]! - opened) / 60_000;
  }
  let last = -Infinity;
  for (const at of a.touchpoints.at) if (at < dayMs && at > last) last = at;
  const d = a.deployments;
  let live = 0;
  let deployments = 0;
  for (let k = 0; k < d.actual.length; k++) {
    const isLive = d.actual[k]! < dayMs;
    if (isLive) live++;
    if (d.started[k]! < dayMs || isLive) deployments++;
  }
  return {
    accountId: a.id,
    npsCounts,
    csatCounts,
    firstResponseMedian: median(responseBuffer, responsesN),
    openTickets: open,
    ticketsInWindow: inWindow,
    licencesUsed: null,
    licencesPurchased: null,
    liveDeployments: live,
    deployments,
    lastTouchpointAt: last === -Infinity ? null : new Date(last).toISOString(),
    renewalDate: nextRenewal(a.start, day),
  };
}

/** The rule score's churn risk on the day: 100 − score, null when coverage is too thin to score. */
export function healthRiskAt(a: AccountHistory, day: string, settings: Settings): { risk: number | null; band: string } {
  const assessment = assessHealth(healthInputsAt(a, day), settings, new Date(`${day}T00:00:00.000Z`));
  return { risk: assessment.score === null ? null : 100 - assessment.score, band: assessment.band };
}
