import { describe, expect, it } from 'vitest';
import { contactOption, emptyTouchpointForm, formToTouchpoint, fromLocalInput, toLocalInput, touchpointErrors } from './touchpointForm';

describe('touchpoint form', () => {
  it('defaults to now in local time and the last channel and kind used', () => {
    const now = new Date(2026, 2, 1, 9, 5, 30);
    expect(emptyTouchpointForm(now)).toMatchObject({ occurredAt: '2026-03-01T09:05', channel: 'phone', kind: 'support' });
    expect(emptyTouchpointForm(now, { channel: 'email', kind: 'qbr' })).toMatchObject({ channel: 'email', kind: 'qbr' });
  });

  it('sends the local date-time as a UTC instant', () => {
    const local = new Date(2026, 2, 1, 9, 5);
    expect(fromLocalInput(toLocalInput(local))).toBe(local.toISOString());
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });

  it('builds the touchpoints.create input', () => {
    const values = { ...emptyTouchpointForm(new Date(2026, 2, 1, 9, 0)), contactId: '12', sentiment: '-1', notes: '  Asked for a discount.  ' };
    expect(formToTouchpoint(4, values)).toEqual({
      ok: true,
      input: {
        accountId: 4,
        occurredAt: new Date(2026, 2, 1, 9, 0).toISOString(),
        channel: 'phone',
        kind: 'support',
        contactId: 12,
        sentiment: -1,
        notes: 'Asked for a discount.',
      },
    });
    const blank = formToTouchpoint(4, { ...values, contactId: '', sentiment: '', notes: ' ' });
    expect(blank.ok && [blank.input.contactId, blank.input.sentiment, blank.input.notes]).toEqual([null, null, null]);
    expect(formToTouchpoint(4, { ...values, occurredAt: '' })).toEqual({ ok: false, errors: { occurredAt: 'must be a date and time' } });
  });

  it('places the core’s issues and names contacts with their title', () => {
    expect(touchpointErrors({ code: 'NOT_FOUND', message: 'contactId: contact 9 does not exist', issues: [{ path: 'contactId', message: 'contact 9 does not exist' }] })).toEqual({
      contactId: 'contact 9 does not exist',
    });
    expect(contactOption({ name: 'Jonas Berg', title: 'Head of Fleet' })).toBe('Jonas Berg (Head of Fleet)');
    expect(contactOption({ name: 'Jonas Berg', title: null })).toBe('Jonas Berg');
  });
});
