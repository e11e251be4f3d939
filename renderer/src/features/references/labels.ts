// Words for the reference programme's codes, so the board and the log never show "reference_call".
import { humanize } from '../../lib/labels';

const STAGES: Record<string, string> = {
  candidate: 'Candidate',
  nominated: 'Nominated',
  recruited: 'Recruited',
  active: 'Active',
  resting: 'Resting',
  retired: 'Retired',
  declined: 'Declined',
};
const ACTIVITIES: Record<string, string> = {
  reference_call: 'Reference call',
  case_study: 'Case study',
  press_quote: 'Press quote',
  analyst_briefing: 'Analyst briefing',
  site_visit: 'Site visit',
  speaking: 'Speaking',
  peer_review: 'Peer review',
  logo_use: 'Logo use',
};
const CONSENT_STATES: Record<string, string> = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked', not_yet: 'Not yet valid' };

export const referenceStageLabel = (code: string) => STAGES[code] ?? humanize(code);
export const activityLabel = (code: string) => ACTIVITIES[code] ?? humanize(code);
export const consentStateLabel = (code: string) => CONSENT_STATES[code] ?? humanize(code);
export const requestStatusLabel = humanize;

/** "Nov 26" this year, "Nov 26, 2025" otherwise: dates in narrow table columns. */
export function shortDate(iso: string, now = new Date(), locale?: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = date.getUTCFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: sameYear ? undefined : 'numeric', timeZone: 'UTC' }).format(date);
}

/** The core's messages start in lower case (they are often joined after a field name); a sentence on its own starts with a capital. */
export const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);
