import type { ConsentState } from '../../../shared/contract/references';

export interface ConsentDates {
  grantedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/**
 * A consent's standing at instant `at` (ISO strings compare in time order): valid when granted at or
 * before it, not revoked by then and not expired by then. A revocation outranks everything else,
 * because it is the contact's explicit no.
 */
export function consentStateAt(consent: ConsentDates, at: string): ConsentState {
  if (consent.revokedAt !== null && consent.revokedAt <= at) return 'revoked';
  if (consent.grantedAt > at) return 'not_yet';
  if (consent.expiresAt !== null && consent.expiresAt <= at) return 'expired';
  return 'valid';
}

export const isConsentValidAt = (consent: ConsentDates, at: string) => consentStateAt(consent, at) === 'valid';
