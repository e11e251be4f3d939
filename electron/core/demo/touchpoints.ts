// Recorded touchpoints: the onboarding and implementation burst after signature, QBRs for the
// bigger accounts, renewal talks before each anniversary, escalations where things go wrong,
// and a steady trickle of marketing and community contact.

import type { Channel } from '../../../shared/contract/common';
import { healthAt, type AccountPlan } from './accounts';
import type { TouchpointKind } from './catalog';
import { pickContact } from './contacts';
import type { ContactInfo, Gen } from './context';
import { weighted } from './random';
import { sentimentScore } from './scores';
import { addMonthsRollingOver } from '../../../shared/dates';
import { DAY, iso, MINUTE, monthsBetween, officeMoment } from './time';
import { TOUCHPOINT_NOTES } from './vocab/support';

export interface TouchpointInfo {
  id: number;
  kind: TouchpointKind;
  at: number;
  contactId: number;
}

/** The channels each kind of touchpoint happens through, and how often. */
const CHANNELS: Record<TouchpointKind, readonly (readonly [Channel, number])[]> = {
  onboarding: [
    ['in_person', 40],
    ['webinar', 30],
    ['phone', 30],
  ],
  implementation: [
    ['in_person', 35],
    ['webinar', 35],
    ['phone', 20],
    ['email', 10],
  ],
  training: [
    ['webinar', 60],
    ['in_person', 25],
    ['self_service', 15],
  ],
  support: [
    ['phone', 50],
    ['email', 30],
    ['chat', 20],
  ],
  qbr: [
    ['in_person', 50],
    ['webinar', 30],
    ['phone', 20],
  ],
  renewal: [
    ['in_person', 35],
    ['phone', 35],
    ['email', 30],
  ],
  marketing: [
    ['webinar', 50],
    ['email', 50],
  ],
  social: [['community', 100]],
};
const channelOf = Object.fromEntries(Object.entries(CHANNELS).map(([kind, entries]) => [kind, weighted(entries)])) as Record<TouchpointKind, ReturnType<typeof weighted<Channel>>>;

/** The moments an account's touchpoints happen at, before channels and contacts are chosen. */
function schedule(gen: Gen, plan: AccountPlan): [TouchpointKind, number][] {
  const { rng } = gen;
  const events: [TouchpointKind, number][] = [];
  const add = (kind: TouchpointKind, day: number) => events.push([kind, day]);
  const months = monthsBetween(plan.start, plan.end);
  const struggling = Math.max(0, 0.6 - plan.health);

  add('onboarding', plan.start + rng.int(2, 10) * DAY);
  if (rng.chance(0.5)) add('onboarding', plan.start + rng.int(14, 30) * DAY);
  const workshops = 1 + rng.poisson(plan.segment === 'enterprise' ? 1.6 : 0.8);
  for (let i = 0; i < workshops; i++) add('implementation', plan.start + rng.int(14, 120) * DAY);
  const trainings = 1 + rng.poisson(0.5);
  for (let i = 0; i < trainings; i++) add('training', plan.start + rng.int(30, 150) * DAY);

  if (plan.segment !== 'smb') {
    const every = plan.segment === 'enterprise' ? 3 : 6;
    for (let at = addMonthsRollingOver(plan.start, every); at < plan.end; at = addMonthsRollingOver(at, every)) {
      // Struggling accounts cancel their QBRs: one of the signals a health score picks up.
      if (rng.chance(0.85 - struggling)) add('qbr', at + rng.int(-10, 10) * DAY);
    }
  }
  for (let anniversary = addMonthsRollingOver(plan.start, 12); anniversary - 20 * DAY < plan.end + 60 * DAY; anniversary = addMonthsRollingOver(anniversary, 12)) {
    add('renewal', anniversary - rng.int(20, 60) * DAY);
  }
  for (let i = rng.poisson(months * 0.08 * (1 + 6 * struggling)); i > 0; i--) add('support', plan.start + rng.next() * (plan.end - plan.start));
  for (let i = rng.poisson(months * 0.16); i > 0; i--) add('marketing', plan.start + rng.next() * (plan.end - plan.start));
  for (let i = rng.poisson(months * 0.1 * plan.health); i > 0; i--) add('social', plan.start + rng.next() * (plan.end - plan.start));
  return events;
}

export function generateTouchpoints(gen: Gen, plan: AccountPlan, contacts: readonly ContactInfo[]): TouchpointInfo[] {
  const { rng, sink } = gen;
  const last = Math.min(plan.end, gen.timeline.today) - MINUTE;
  const moments = schedule(gen, plan)
    .map(([kind, day]) => [kind, officeMoment(rng.next, day, plan.region)] as const)
    .filter(([, at]) => at > plan.start && at < last)
    .sort((a, b) => a[1] - b[1]);

  const out: TouchpointInfo[] = [];
  for (const [kind, at] of moments) {
    const contact = pickContact(gen, contacts, kind === 'qbr' || kind === 'renewal' || kind === 'onboarding');
    const health = healthAt(plan, at);
    // A healthy relationship reaches people the way they like; a strained one falls back on
    // whatever channel is at hand. That is what persona adherence measures.
    const preferred = contact.willing.filter((channel) => CHANNELS[kind].some(([c]) => c === channel));
    const channel = preferred.length > 0 && rng.chance(0.5 + 0.45 * health) ? rng.pick(preferred) : channelOf[kind](rng);
    const id = gen.id('touchpoints');
    const stamp = iso(at);
    sink.touchpoints([id, plan.id, contact.id, gen.journeyLinks[kind] ?? null, stamp, channel, kind, sentimentScore(rng, health), rng.pick(TOUCHPOINT_NOTES[kind]!), stamp, stamp]);
    out.push({ id, kind, at, contactId: contact.id });
  }
  return out;
}
