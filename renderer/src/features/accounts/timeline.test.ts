import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../../shared/contract/accounts';
import { entryDetail, entryTitle, isDateOnly, mergeEntries, splitUpcoming } from './timeline';

const entry = (kind: TimelineEntry['kind'], id: number, at: string, title = 't', detail: string | null = null): TimelineEntry => ({
  kind,
  id,
  at,
  title,
  detail,
  channel: null,
});

describe('timeline', () => {
  it('appends older entries without repeating the page boundary', () => {
    const newer = [entry('touchpoint', 3, '2026-03-03T10:00:00.000Z'), entry('ticket', 3, '2026-03-02T10:00:00.000Z')];
    const older = [entry('ticket', 3, '2026-03-02T10:00:00.000Z'), entry('touchpoint', 2, '2026-03-01T10:00:00.000Z')];
    expect(mergeEntries(newer, older).map((e) => `${e.kind}${e.id}`)).toEqual(['touchpoint3', 'ticket3', 'touchpoint2']);
  });

  it('reads the core’s titles and details in words', () => {
    expect(entryTitle(entry('touchpoint', 1, '', 'qbr (in_person)'))).toBe('QBR · In person');
    expect(entryTitle(entry('survey', 1, '', 'NSAT dont_know'))).toBe('NSAT dont know');
    expect(entryTitle(entry('ticket', 1, '', 'SSO login_loop'))).toBe('SSO login_loop');
    expect(entryDetail(entry('ticket', 1, '', 't', 'high · open · billing'))).toBe('High · Open · Billing');
    expect(entryDetail(entry('deployment', 1, '', 't', 'planned go-live 2026-12-23, live since 2027-01-05'), 'en-US')).toBe('Planned go-live Dec 23, 2026, live since Jan 5, 2027');
    expect(entryDetail(entry('touchpoint', 1, '', 't', null))).toBeNull();
  });

  it('puts future entries (a planned go-live) under upcoming', () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    const entries = [entry('deployment', 1, '2026-04-01T00:00:00.000Z'), entry('touchpoint', 1, '2026-03-01T11:00:00.000Z'), entry('deployment', 2, '2026-02-01')];
    const { upcoming, past } = splitUpcoming(entries, now);
    expect(upcoming.map((e) => e.id)).toEqual([1]);
    expect(past.map((e) => `${e.kind}${e.id}`)).toEqual(['touchpoint1', 'deployment2']);
    expect(isDateOnly(entries[0]!)).toBe(true);
    expect(isDateOnly(entries[1]!)).toBe(false);
  });
});
