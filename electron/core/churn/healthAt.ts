import type { Settings } from '../../../shared/contract/settings';
import { assessHealth, type HealthInputs } from '../health/model';
import { addDays, nextRenewal, type AccountHistory } from './history';

/**
 * The rule health score as it would have read on a past day, from the same dated rows as the churn
 * features (the stored snapshots start when the workspace started scoring, so they cannot serve a
 * backtest): NPS and CSAT answers and tickets of the 12 months before the day, tickets open on it,
 * deployments live by it, the last touchpoint before it, the next renewal after it. Licence use is
 * not dated, so the adoption component rests on deployments alone here.
 */
export function healthInputsAt(a: AccountHistory, day: string): HealthInputs {
  const yearAgo = addDays(day, -365);
  const npsCounts = new Array<number>(11).fill(0);
  const csatCounts = new Array<number>(5).fill(0);
  for (const [at, kind, score] of a.surveys) {
    if (at < yearAgo || at >= day) continue;
    if (kind === 'nps' && score >= 0 && score <= 10) npsCounts[score]! += 1;
    if (kind === 'csat' && score >= 1 && score <= 5) csatCounts[score - 1]! += 1;
  }
  const window = a.tickets.filter(([opened]) => opened >= yearAgo && opened < day);
  const responses = window
    .filter(([, first]) => first !== null && first < day)
    .map(([opened, first]) => (Date.parse(first!) - Date.parse(opened)) / 60_000)
    .sort((x, y) => x - y);
  const mid = responses.length >> 1;
  let last: string | null = null;
  for (const [at] of a.touchpoints) if (at < day && (last === null || at > last)) last = at;
  return {
    accountId: a.id,
    npsCounts,
    csatCounts,
    firstResponseMedian: responses.length === 0 ? null : responses.length % 2 ? responses[mid]! : (responses[mid - 1]! + responses[mid]!) / 2,
    openTickets: a.tickets.filter(([opened, , done]) => opened < day && (done === null || done >= day)).length,
    ticketsInWindow: window.length,
    licencesUsed: null,
    licencesPurchased: null,
    liveDeployments: a.deployments.filter(([, , actual]) => actual !== null && actual < day).length,
    deployments: a.deployments.filter(([started, , actual]) => (started !== null && started < day) || (actual !== null && actual < day)).length,
    lastTouchpointAt: last,
    renewalDate: nextRenewal(a.start, day),
  };
}

/** The rule score's churn risk on the day: 100 − score, null when coverage is too thin to score. */
export function healthRiskAt(a: AccountHistory, day: string, settings: Settings): { risk: number | null; band: string } {
  const assessment = assessHealth(healthInputsAt(a, day), settings, new Date(`${day}T00:00:00.000Z`));
  return { risk: assessment.score === null ? null : 100 - assessment.score, band: assessment.band };
}
