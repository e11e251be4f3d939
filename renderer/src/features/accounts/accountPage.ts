import type { Contact } from '../../../../shared/contract/contacts';
import type { Deployment } from '../../../../shared/contract/deployments';
import { daysUntil } from '../../../../shared/format/format';

/** Executive sponsors and champions first (the people a CSM looks for), then by name. */
export function sortContacts(contacts: Contact[]): Contact[] {
  const rank = (c: Contact) => (c.isExecutiveSponsor ? 0 : c.isChampion ? 1 : 2);
  return [...contacts].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Licences used of purchased, as a share 0..1 (may exceed 1 when over-deployed); null if unknown. */
export function adoption(deployment: Pick<Deployment, 'licencesUsed' | 'licencesPurchased'>): number | null {
  const { licencesUsed: used, licencesPurchased: purchased } = deployment;
  if (used === null || purchased === null || purchased === 0) return null;
  return used / purchased;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** How the go-live went or is going, in words, against the plan. */
export function goLiveStatus(deployment: Pick<Deployment, 'status' | 'plannedGoLive' | 'actualGoLive'>, today: Date): { text: string; tone: Tone } {
  const { status, plannedGoLive: planned, actualGoLive: actual } = deployment;
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (status === 'cancelled') return { text: 'Cancelled', tone: 'neutral' };
  if (actual) {
    if (!planned) return { text: 'Live', tone: 'ok' };
    const late = daysUntil(actual, new Date(`${planned}T00:00:00`));
    if (late > 0) return { text: `Went live ${days(late)} late`, tone: 'warn' };
    if (late < 0) return { text: `Went live ${days(-late)} early`, tone: 'ok' };
    return { text: 'Went live on plan', tone: 'ok' };
  }
  if (!planned) return { text: 'No go-live planned', tone: status === 'stalled' ? 'bad' : 'neutral' };
  const left = daysUntil(planned, today);
  if (left < 0) return { text: `Overdue by ${days(-left)}`, tone: 'bad' };
  if (status === 'stalled') return { text: `Stalled, due in ${days(left)}`, tone: 'bad' };
  return { text: left === 0 ? 'Due today' : `Due in ${days(left)}`, tone: 'neutral' };
}

/** Adoption colour: under half of licences in use is a warning, under a fifth a problem. */
export function adoptionTone(share: number): Tone {
  if (share < 0.2) return 'bad';
  if (share < 0.5) return 'warn';
  return 'ok';
}
