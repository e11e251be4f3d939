import { describe, expect, it } from 'vitest';
import { consentStateAt } from './consentState';

const consent = { grantedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z', revokedAt: null };

describe('a consent at a date', () => {
  it.each([
    ['2025-12-31T23:59:59.999Z', 'not_yet'],
    ['2026-01-01T00:00:00.000Z', 'valid'],
    ['2026-12-31T23:59:59.999Z', 'valid'],
    ['2027-01-01T00:00:00.000Z', 'expired'],
  ])('at %s is %s (valid from the grant, expired from the expiry on)', (at, state) => {
    expect(consentStateAt(consent, at)).toBe(state);
  });

  it('is valid forever without an expiry, and revoked from the revocation on, which outranks expiry', () => {
    expect(consentStateAt({ ...consent, expiresAt: null }, '2099-01-01T00:00:00.000Z')).toBe('valid');
    const revoked = { ...consent, revokedAt: '2026-06-01T00:00:00.000Z' };
    expect(consentStateAt(revoked, '2026-05-31T23:59:59.999Z')).toBe('valid');
    expect(consentStateAt(revoked, '2026-06-01T00:00:00.000Z')).toBe('revoked');
    expect(consentStateAt(revoked, '2028-01-01T00:00:00.000Z')).toBe('revoked');
  });
});
