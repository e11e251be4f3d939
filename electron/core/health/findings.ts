import type { Settings } from '../../../shared/contract/settings';
import { DAY_MS } from '../../../shared/dates';
import { csatFromCounts } from '../metrics/csat';
import { DEFAULT_RECENCY_THRESHOLDS, DEFAULT_RENEWAL_THRESHOLDS } from '../metrics/healthComponents';
import { npsFromCounts } from '../metrics/nps';
import { BACKLOG_LIMIT, type ComponentId, type HealthInputs } from './model';

/**
 * What cost an account health points, as data (what was measured against which threshold), kept
 * with the snapshot beside the score it explains, so a reason never disagrees with its score and a
 * later wording (accounts/reasons.ts says them as sentences at read time) applies to old snapshots.
 */
export type HealthFinding =
  | { kind: 'nps'; value: number }
  | { kind: 'csat'; value: number }
  | { kind: 'firstResponse'; medianMinutes: number; slaMinutes: number }
  | { kind: 'backlog'; open: number; limit: number }
  | { kind: 'licences'; used: number; purchased: number }
  | { kind: 'deployments'; live: number; total: number }
  | { kind: 'silence'; days: number; recentDays: number }
  | { kind: 'renewalPassed'; days: number }
  | { kind: 'renewalSoon'; days: number };

/** Each component's parts that fell short of full marks, from the same inputs and thresholds the model scored. */
export function componentFindings(inputs: HealthInputs, settings: Settings, now: Date): Record<ComponentId, HealthFinding[]> {
  const today = Date.parse(now.toISOString().slice(0, 10));
  const slaMinutes = settings.slaTargets.normal.firstResponseHours * 60;
  const parts: Record<ComponentId, HealthFinding[]> = { satisfaction: [], support: [], adoption: [], engagement: [], renewal: [] };
  const nps = npsFromCounts(inputs.npsCounts).value;
  if (nps !== null && nps < 100) parts.satisfaction.push({ kind: 'nps', value: nps });
  const csat = csatFromCounts(inputs.csatCounts).value;
  if (csat !== null && csat < 100) parts.satisfaction.push({ kind: 'csat', value: csat });
  if (inputs.firstResponseMedian !== null && inputs.firstResponseMedian > slaMinutes)
    parts.support.push({ kind: 'firstResponse', medianMinutes: inputs.firstResponseMedian, slaMinutes });
  if (inputs.openTickets > BACKLOG_LIMIT) parts.support.push({ kind: 'backlog', open: inputs.openTickets, limit: BACKLOG_LIMIT });
  const { licencesUsed: used, licencesPurchased: purchased } = inputs;
  if (used !== null && purchased !== null && purchased > 0 && used < purchased) parts.adoption.push({ kind: 'licences', used, purchased });
  if (inputs.deployments > 0 && inputs.liveDeployments < inputs.deployments) parts.adoption.push({ kind: 'deployments', live: inputs.liveDeployments, total: inputs.deployments });
  if (inputs.lastTouchpointAt !== null) {
    const days = Math.floor((now.getTime() - Date.parse(inputs.lastTouchpointAt)) / DAY_MS);
    if (days > DEFAULT_RECENCY_THRESHOLDS.recentDays) parts.engagement.push({ kind: 'silence', days, recentDays: DEFAULT_RECENCY_THRESHOLDS.recentDays });
  }
  if (inputs.renewalDate !== null) {
    const days = Math.round((Date.parse(inputs.renewalDate) - today) / DAY_MS);
    if (days < 0) parts.renewal.push({ kind: 'renewalPassed', days: -days });
    else if (days <= DEFAULT_RENEWAL_THRESHOLDS.nearDays) parts.renewal.push({ kind: 'renewalSoon', days });
  }
  return parts;
}
