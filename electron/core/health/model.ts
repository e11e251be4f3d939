import { createHash } from 'node:crypto';
import type { Settings } from '../../../shared/contract/settings';
import { csatFromCounts } from '../metrics/csat';
import { healthScore } from '../metrics/health';
import { adoptionComponent, engagementRecencyComponent, renewalProximityComponent, satisfactionComponent, supportComponent } from '../metrics/healthComponents';
import { npsFromCounts } from '../metrics/nps';
import { clockKey } from '../metrics/rollups/state';
import { DAY_MS } from '../../../shared/dates';

/**
 * The health model: the pure component scorers and healthScore (metrics/), fed with one account's
 * figures and the workspace's settings. The model version names everything a score depends on
 * besides the data, so a stored snapshot says which model produced it and can be reproduced.
 */

/** Bump when the scorers or the inputs below change meaning. */
export const HEALTH_MODEL_REVISION = 1;
/** Open tickets up to this are fine (the support component's backlog threshold). */
export const BACKLOG_LIMIT = 5;
/** Satisfaction and support look back this many months (the current one included). */
export const LOOKBACK_MONTHS = 12;

export const COMPONENT_LABELS = {
  satisfaction: 'Satisfaction',
  support: 'Support experience',
  adoption: 'Adoption',
  engagement: 'Engagement',
  renewal: 'Renewal',
} as const;
export type ComponentId = keyof typeof COMPONENT_LABELS;

/** The support component's SLA: the normal-priority first-response target. */
const slaMinutes = (settings: Settings) => settings.slaTargets.normal.firstResponseHours * 60;

/** "h1-" and a short hash of the health group, the SLA the support component uses, and the clock. */
export function modelVersion(settings: Settings): string {
  const basis = JSON.stringify({ revision: HEALTH_MODEL_REVISION, health: settings.health, slaMinutes: slaMinutes(settings), clock: clockKey(settings) });
  return `h${HEALTH_MODEL_REVISION}-${createHash('sha256').update(basis).digest('hex').slice(0, 10)}`;
}

export interface HealthInputs {
  accountId: number;
  /** Answers per scale point over the lookback window. */
  npsCounts: number[];
  csatCounts: number[];
  /** Median first response over the lookback window (minutes, from the sketch), null without responses. */
  firstResponseMedian: number | null;
  openTickets: number;
  /** Tickets opened in the lookback window: with none and none open, support has no data (not a perfect score). */
  ticketsInWindow: number;
  licencesUsed: number | null;
  licencesPurchased: number | null;
  liveDeployments: number;
  deployments: number;
  lastTouchpointAt: string | null;
  renewalDate: string | null;
}

export interface ComponentAssessment {
  id: ComponentId;
  label: string;
  weight: number;
  score: number | null;
  contribution: number | null;
  reason: string;
}

export interface HealthAssessment {
  score: number | null;
  band: 'red' | 'amber' | 'green' | 'insufficient';
  coveragePct: number;
  reason?: string;
  components: ComponentAssessment[];
}

export function assessHealth(inputs: HealthInputs, settings: Settings, now: Date): HealthAssessment {
  const nps = npsFromCounts(inputs.npsCounts);
  const csat = csatFromCounts(inputs.csatCounts);
  const today = Date.parse(now.toISOString().slice(0, 10));
  const scored = {
    // With the n, so the reason reads "CSAT 75 % (4 answers)" like the account page's CSAT card beside it.
    satisfaction: satisfactionComponent({ nps: nps.value, csat: csat.value, npsN: nps.n, csatN: csat.n }),
    support: supportComponent(
      {
        medianFirstResponseMinutes: inputs.firstResponseMedian,
        openTickets: inputs.openTickets > 0 || inputs.ticketsInWindow > 0 ? inputs.openTickets : null,
      },
      { slaMinutes: slaMinutes(settings), backlogLimit: BACKLOG_LIMIT },
    ),
    adoption: adoptionComponent({
      licencesUsed: inputs.licencesUsed,
      licencesPurchased: inputs.licencesPurchased,
      liveDeployments: inputs.liveDeployments,
      deployments: inputs.deployments,
    }),
    engagement: engagementRecencyComponent(inputs.lastTouchpointAt === null ? null : Math.floor((now.getTime() - Date.parse(inputs.lastTouchpointAt)) / DAY_MS)),
    renewal: renewalProximityComponent(inputs.renewalDate === null ? null : Math.round((Date.parse(inputs.renewalDate) - today) / DAY_MS)),
  };
  const ids = Object.keys(COMPONENT_LABELS) as ComponentId[];
  const { weights, coverageFloorPct, redBelow, amberBelow } = settings.health;
  const result = healthScore(
    ids.map((id) => ({ id, weight: weights[id], score: scored[id].score, reason: scored[id].reason })),
    { coverageFloorPct, bands: { redBelow, amberBelow } },
  );
  const contributionOf = new Map(result.contributions.map((c) => [c.id, c.contribution]));
  return {
    score: result.value,
    band: result.band ?? 'insufficient',
    coveragePct: result.coveragePct ?? 0,
    ...(result.value === null && result.reason ? { reason: result.reason } : {}),
    components: ids.map((id) => ({
      id,
      label: COMPONENT_LABELS[id],
      weight: weights[id],
      score: scored[id].score,
      contribution: contributionOf.get(id) ?? null,
      reason: scored[id].reason,
    })),
  };
}

/** The reasons behind the points lost most (weight × (100 − score)), for the at-risk list. */
export function topReasons(components: readonly Pick<ComponentAssessment, 'weight' | 'score' | 'reason'>[], count = 3): string[] {
  return components
    .filter((c) => c.score !== null && c.score < 100 && c.weight > 0)
    .map((c) => ({ reason: c.reason, lost: c.weight * (100 - (c.score as number)) }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, count)
    .map((c) => c.reason);
}
