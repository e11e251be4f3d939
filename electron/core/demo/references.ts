// The reference programme: satisfied, successfully deployed accounts become references, with a
// stage history and the consents their contact gave. Deals use them later (deals.ts).

import { REFERENCE_ACTIVITIES } from '../../../shared/contract/common';
import type { AccountPlan } from './accounts';
import type { ContactInfo, Gen } from './context';
import type { DeploymentInfo } from './deployments';
import { weighted } from './random';
import { addMonthsRollingOver } from '../../../shared/dates';
import { DAY, HOUR, iso } from './time';
import { CONSENT_RESTRICTIONS } from './vocab/feedback';
import { MARKETING } from './vocab/people';

export type Activity = (typeof REFERENCE_ACTIVITIES)[number];
type Stage = 'candidate' | 'nominated' | 'recruited' | 'active' | 'resting' | 'retired' | 'declined';

export interface ReferenceInfo {
  id: number;
  accountId: number;
  industry: string;
  segment: string;
  region: string;
  products: readonly string[];
  stage: Stage;
  /** From when it could be asked (it became active); null if it never did. */
  activeFrom: number | null;
  activities: readonly Activity[];
  limitPerQuarter: number;
  /** The account owner, who approves requests to use it. */
  owner: string;
}

/** What references said on completed calls, picked by request id so the random stream stays as it was. */
export const REFERENCE_SAID = [
  'We were live in six weeks and the support team never let us down.',
  'Our agents resolve more on first contact than before.',
  'The rollout was smoother than our last two vendor changes.',
  'Reporting alone saved our managers a day a month.',
] as const;
export const CLOSED_REASONS: Record<'declined' | 'cancelled', readonly string[]> = {
  declined: ['Customer is in a renewal negotiation', 'Champion on leave this month', 'Too many asks this quarter'],
  cancelled: ['Deal lost before the call', 'Prospect found another reference', 'Meeting no longer needed'],
};
export const pickBy = <T>(list: readonly T[], id: number): T => list[id % list.length]!;

const SAME_REGION_ONLY: string = 'Only prospects in the same region';

const stageOf = weighted<Stage>([
  ['active', 46],
  ['recruited', 12],
  ['resting', 10],
  ['nominated', 10],
  ['candidate', 10],
  ['declined', 6],
  ['retired', 6],
]);
/** The path each stage is reached by; a row in reference_stage_changes per step. */
const PATH: Record<Stage, readonly Stage[]> = {
  candidate: ['candidate'],
  nominated: ['candidate', 'nominated'],
  declined: ['candidate', 'nominated', 'declined'],
  recruited: ['candidate', 'nominated', 'recruited'],
  active: ['candidate', 'nominated', 'recruited', 'active'],
  resting: ['candidate', 'nominated', 'recruited', 'active', 'resting'],
  retired: ['candidate', 'nominated', 'recruited', 'active', 'retired'],
};
const REASONS: Partial<Record<Stage, string>> = {
  nominated: 'Nominated by the account owner after a strong QBR',
  recruited: 'Agreed to join the programme',
  active: 'Consents on file; ready for requests',
  resting: 'Asked for a break after several calls',
  retired: 'Champion moved to another company',
  declined: 'Customer policy does not allow references',
};

/** Reference candidates: live, happy, with us for at least half a year. */
export function isReferenceable(plan: AccountPlan, deployments: readonly DeploymentInfo[], today: number): boolean {
  return plan.churn === null && plan.health > 0.6 && today - plan.start >= 180 * DAY && deployments.some((d) => d.status === 'live');
}

export function generateReference(gen: Gen, plan: AccountPlan, contacts: readonly ContactInfo[], deployments: readonly DeploymentInfo[]): ReferenceInfo | null {
  const { rng, sink, timeline } = gen;
  if (!isReferenceable(plan, deployments, timeline.today) || !rng.chance(Math.min(0.8, (plan.health - 0.6) * 2.6))) return null;
  const firstLive = Math.min(...deployments.filter((d) => d.goLive !== null).map((d) => d.goLive!));
  const contact = contacts.find((c) => c.isChampion) ?? contacts.find((c) => c.isSponsor) ?? contacts[0]!;
  const stage = stageOf(rng);
  const id = gen.id('references');
  const limitPerQuarter = plan.segment === 'enterprise' ? rng.int(2, 4) : rng.int(1, 3);

  // The steps are spread between a month after go-live and today.
  const path = PATH[stage];
  let at = Math.min(firstLive + rng.int(20, 60) * DAY, timeline.today - 30 * DAY);
  const stepGap = Math.max(DAY, (timeline.today - DAY - at) / (path.length + 1));
  let activeFrom: number | null = null;
  let recruitedAt = at;
  const created = at;
  for (let index = 0; index < path.length; index++) {
    const step = path[index]!;
    sink.reference_stage_changes([
      gen.id('reference_stage_changes'),
      id,
      index === 0 ? null : path[index - 1]!,
      step,
      index === 0 ? plan.owner : rng.pick(MARKETING),
      iso(at + 10 * HOUR),
      REASONS[step] ?? 'Proposed by the account owner',
    ]);
    if (step === 'recruited') recruitedAt = at;
    if (step === 'active') activeFrom = at;
    if (index < path.length - 1) at += Math.round(stepGap * rng.float(0.3, 1));
  }

  sink.references([
    id,
    plan.id,
    contact.id,
    stage,
    limitPerQuarter,
    rng.chance(0.3) ? `Prefers ${rng.pick(['mornings', 'short calls', 'peers in the same industry', 'email intros first'])}` : null,
    iso(created + 10 * HOUR),
    iso(at + 10 * HOUR),
  ]);

  let activities: Activity[] = [];
  if (PATH[stage].includes('recruited')) {
    activities = [
      'reference_call',
      ...rng.sample(
        REFERENCE_ACTIVITIES.filter((a) => a !== 'reference_call'),
        rng.int(1, 4),
      ),
    ];
    for (const activity of activities) {
      const granted = recruitedAt + rng.int(0, 10) * DAY + 11 * HOUR;
      // Some consents have run out: the reference manager has to renew them.
      const expires = addMonthsRollingOver(granted, rng.chance(0.7) ? 24 : 12);
      const revoked = stage === 'retired' ? at + 10 * HOUR : null;
      const restriction = rng.chance(0.25) ? rng.pick(CONSENT_RESTRICTIONS) : null;
      // The words as a rule the finder can check, where the words say something checkable.
      const rules = restriction === SAME_REGION_ONLY ? [{ kind: 'regionsOnly', regions: [plan.region] }] : [];
      sink.consents([
        gen.id('consents'),
        contact.id,
        activity,
        iso(granted),
        contact.name,
        iso(expires),
        restriction,
        JSON.stringify(rules),
        revoked === null ? null : iso(revoked),
        iso(granted),
        iso(revoked ?? granted),
      ]);
    }
  }
  return {
    id,
    accountId: plan.id,
    industry: plan.industry,
    segment: plan.segment,
    region: plan.region,
    products: plan.products,
    stage,
    activeFrom,
    activities,
    limitPerQuarter,
    owner: plan.owner,
  };
}
