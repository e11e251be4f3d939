import type { Settings } from '../../../shared/contract/settings';
import { DAY_MS } from '../../../shared/dates';
import { BACKLOG_LIMIT, type ComponentAssessment, type HealthInputs } from '../health/model';
import { csatFromCounts } from '../metrics/csat';
import { DEFAULT_RECENCY_THRESHOLDS, DEFAULT_RENEWAL_THRESHOLDS } from '../metrics/healthComponents';
import { npsFromCounts } from '../metrics/nps';
import type { RiskFinding } from './reasons';

/**
 * What cost an account health points, as findings (reasons.ts says them), from the same inputs and
 * thresholds the health model scored: components in the order of points lost (weight × (100 −
 * score)), and within one, each part that fell short of full marks.
 */
export function healthFindings(
  inputs: HealthInputs,
  components: readonly Pick<ComponentAssessment, 'id' | 'weight' | 'score'>[],
  settings: Settings,
  now: Date,
  count = 3,
): RiskFinding[] {
  const today = Date.parse(now.toISOString().slice(0, 10));
  const slaMinutes = settings.slaTargets.normal.firstResponseHours * 60;
  const parts: Record<ComponentAssessment['id'], RiskFinding[]> = { satisfaction: [], support: [], adoption: [], engagement: [], renewal: [] };
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
  return components
    .filter((c) => c.score !== null && c.score < 100 && c.weight > 0)
    .map((c) => ({ id: c.id, lost: c.weight * (100 - (c.score as number)) }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, count)
    .flatMap((c) => parts[c.id]);
}
