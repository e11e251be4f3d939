// Deployments and the outcomes measured after them. Healthy accounts go live on or before the
// planned date and use most of their licences; struggling ones slip, stall or cancel.

import type { AccountPlan } from './accounts';
import type { ContactInfo, Gen } from './context';
import { clamp } from './random';
import { DAY, HOUR, iso, isoDate } from './time';
import { OUTCOME_METRICS, VERIFICATION_METHODS } from './vocab/success';

export interface DeploymentInfo {
  id: number;
  product: string;
  status: string;
  goLive: number | null;
}

export interface OutcomeInfo {
  id: number;
  metric: string;
  headline: string;
  /** Relative improvement, 0.42 = 42 %. */
  gain: number;
  verifiedAt: number | null;
  /** As stored, for the story's headline (a percentage's change is told in points). */
  baseline: number;
  achieved: number;
  unit: string;
}

/** Planned implementation length in days, by segment. */
const DURATION: Record<AccountPlan['segment'], [number, number]> = { enterprise: [90, 180], mid_market: [60, 120], smb: [25, 60] };
const LICENCES: Record<AccountPlan['segment'], [number, number]> = { enterprise: [400, 5000], mid_market: [50, 500], smb: [5, 50] };

const NOTES: Record<string, readonly string[]> = {
  live: ['Live; rollout complete', 'Live; second team onboarding next quarter', 'Live on schedule'],
  in_progress: ['On track', 'Configuration in progress', 'Waiting on customer IT for SSO', 'Data migration in progress'],
  stalled: ['Blocked: CRM integration', 'Customer project lead left', 'No response from customer for six weeks', 'Paused for budget review'],
  cancelled: ['Cancelled when the customer churned', 'Cancelled: customer chose to stay on legacy tool'],
  planned: ['Planned for next quarter', 'Waiting for contract amendment'],
};

export function generateDeployments(gen: Gen, plan: AccountPlan): DeploymentInfo[] {
  const { rng, sink, timeline } = gen;
  const out: DeploymentInfo[] = [];
  const struggling = Math.max(0, 0.62 - plan.health);
  plan.products.forEach((product, index) => {
    // The first product starts right after signature; add-ons follow months later.
    const started = plan.start + (index === 0 ? rng.int(3, 20) : rng.int(45, 300)) * DAY;
    if (plan.churn !== null && started >= plan.churn) return;
    const planned = started + rng.int(...DURATION[plan.segment]) * DAY;
    // Slip in days: around a week early to on time when healthy, months late when not.
    const slip = Math.round(rng.normal(-4 + 220 * struggling ** 1.2, 8 + 30 * (1 - plan.health)));
    const actual = planned + slip * DAY;
    const horizon = Math.min(plan.end, timeline.today);

    // Projects at accounts that later leave stall far more often: the churn started there.
    const stallChance = struggling * 0.8 + (plan.churn === null ? 0 : 0.3);
    let status: string;
    if (started > timeline.today) status = 'planned';
    else if (actual <= horizon && !rng.chance(stallChance)) status = 'live';
    else if (plan.churn !== null) status = rng.chance(0.6) ? 'cancelled' : 'stalled';
    else if (rng.chance(struggling * 1.5) || actual < timeline.today) status = 'stalled';
    else status = 'in_progress';

    const purchased = Math.round(Math.exp(rng.float(Math.log(LICENCES[plan.segment][0]), Math.log(LICENCES[plan.segment][1]))));
    const adoption = {
      live: clamp(rng.normal(0.25 + 0.7 * plan.health, 0.08), 0.08, 1),
      in_progress: rng.float(0.05, 0.35),
      stalled: rng.float(0.02, 0.2),
      cancelled: rng.float(0, 0.1),
      planned: 0,
    }[status]!;
    const goLive = status === 'live' ? actual : null;
    const id = gen.id('deployments');
    const updated = Math.min(goLive ?? Math.max(started, timeline.today - rng.int(5, 90) * DAY), timeline.today - HOUR);
    sink.deployments([
      id,
      plan.id,
      product,
      status,
      status === 'planned' ? null : isoDate(started),
      isoDate(planned),
      goLive === null ? null : isoDate(goLive),
      purchased,
      Math.round(purchased * adoption),
      rng.pick(NOTES[status]!),
      iso(Math.min(started, timeline.today - HOUR) - 5 * DAY + 10 * HOUR),
      iso(updated + 9 * HOUR),
    ]);
    out.push({ id, product, status, goLive });
  });
  return out;
}

/** Results measured a quarter or two after go-live; verified by the customer at healthy accounts. */
export function generateOutcomes(gen: Gen, plan: AccountPlan, deployments: readonly DeploymentInfo[], contacts: readonly ContactInfo[]): OutcomeInfo[] {
  const { rng, sink, timeline } = gen;
  const out: OutcomeInfo[] = [];
  for (const deployment of deployments) {
    if (deployment.goLive === null || deployment.goLive + 90 * DAY > timeline.today) continue;
    if (plan.health < 0.45 || !rng.chance(0.2 + 0.7 * plan.health)) continue;
    const metrics = rng.sample(OUTCOME_METRICS[deployment.product] ?? [], rng.chance(0.35) ? 2 : 1);
    for (const metric of metrics) {
      const baseline = Math.round(rng.float(...metric.baseline) * 10) / 10 || 1;
      const gain = metric.maxGain * clamp(rng.normal(plan.health - 0.25, 0.12), 0.03, 1);
      let achieved = metric.better === 'lower' ? baseline * (1 - gain) : baseline * (1 + gain);
      if (metric.unit === '%') achieved = Math.min(achieved, 99);
      achieved = Math.round(achieved * 10) / 10;
      const periodEnd = Math.min(deployment.goLive + (rng.chance(0.5) ? 90 : 180) * DAY, timeline.today - DAY);
      const verified = rng.chance(0.4 + 0.5 * plan.health) ? Math.min(periodEnd + rng.int(7, 40) * DAY, timeline.today - DAY) : null;
      const verifier = contacts[0]!;
      const id = gen.id('outcomes');
      const stamp = iso(periodEnd + 3 * DAY + 14 * HOUR > timeline.today ? timeline.today - HOUR : periodEnd + 3 * DAY + 14 * HOUR);
      sink.outcomes([
        id,
        plan.id,
        deployment.id,
        metric.metric,
        baseline,
        achieved,
        metric.unit,
        isoDate(deployment.goLive),
        isoDate(periodEnd),
        rng.pick(VERIFICATION_METHODS),
        verified === null ? null : `${verifier.name}, ${verifier.title}`,
        verified === null ? null : isoDate(verified),
        stamp,
        verified === null ? stamp : iso(Math.max(verified, Date.parse(stamp))),
      ]);
      out.push({
        id,
        metric: metric.metric,
        headline: metric.headline,
        gain: Math.abs(achieved - baseline) / baseline,
        verifiedAt: verified,
        baseline,
        achieved,
        unit: metric.unit,
      });
    }
  }
  return out;
}
