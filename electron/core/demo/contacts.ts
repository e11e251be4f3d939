// The people at an account: a support lead (the champion, when the account has one), often an
// executive sponsor, and a few admins, agents and developers.

import type { Channel } from '../../../shared/contract/common';
import type { AccountPlan } from './accounts';
import { PERSONAS } from './catalog';
import type { ContactInfo, Gen } from './context';
import { weighted } from './random';
import { DAY, HOUR, iso } from './time';
import { personName } from './vocab/people';

const COUNT: Record<AccountPlan['segment'], [number, number]> = { enterprise: [5, 9], mid_market: [3, 6], smb: [2, 4] };
const SPONSOR_CHANCE: Record<AccountPlan['segment'], number> = { enterprise: 0.9, mid_market: 0.7, smb: 0.35 };
/** Persona index for the third contact onwards: admins and agents are the common ones. */
const otherPersona = weighted<number>([
  [2, 35],
  [3, 35],
  [4, 15],
  [5, 10],
  [0, 5],
]);

const WILLING = PERSONAS.map((persona) => (Object.keys(persona.preferences) as Channel[]).filter((channel) => persona.preferences[channel] === 'willing'));

export function generateContacts(gen: Gen, plan: AccountPlan): ContactInfo[] {
  const { rng, sink } = gen;
  const count = rng.int(...COUNT[plan.segment]);
  // Healthy accounts keep a champion; a churner has often lost theirs.
  const hasChampion = rng.chance(plan.churn === null ? 0.35 + 0.6 * plan.health : 0.25);
  const hasSponsor = rng.chance(SPONSOR_CHANCE[plan.segment] * (0.6 + 0.5 * plan.health));
  const contacts: ContactInfo[] = [];
  for (let i = 0; i < count; i++) {
    const persona = i === 0 ? 0 : i === 1 ? 1 : otherPersona(rng);
    const spec = PERSONAS[persona]!;
    const { name, emailLocal } = personName(rng.int(0, 999), rng.int(0, 999));
    const contact: ContactInfo = {
      id: gen.id('contacts'),
      name,
      title: rng.pick(spec.titles),
      persona,
      isChampion: i === 0 && hasChampion,
      isSponsor: i === 1 && hasSponsor,
      willing: WILLING[persona]!,
    };
    // The first two are there from the kickoff; the rest join during the rollout.
    const added = plan.start + (i < 2 ? -rng.int(1, 10) : rng.int(5, 120)) * DAY + rng.int(8, 17) * HOUR;
    const at = iso(Math.min(added, gen.timeline.today - HOUR));
    sink.contacts([
      contact.id,
      plan.id,
      gen.personaIds[persona]!,
      name,
      contact.title,
      `${emailLocal}@${plan.domain}`,
      contact.isChampion ? 1 : 0,
      contact.isSponsor ? 1 : 0,
      at,
      at,
    ]);
    contacts.push(contact);
  }
  return contacts;
}

/** The contact a touchpoint or survey is with: the champion or sponsor for the big moments, anyone otherwise. */
export function pickContact(gen: Gen, contacts: readonly ContactInfo[], preferLead: boolean): ContactInfo {
  if (preferLead && gen.rng.chance(0.6)) return contacts[gen.rng.chance(0.6) || contacts.length < 2 ? 0 : 1]!;
  return gen.rng.pick(contacts);
}
