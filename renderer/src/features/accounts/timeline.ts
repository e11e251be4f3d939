import type { TimelineEntry } from '../../../../shared/contract/accounts';
import { formatDate } from '../../../../shared/format/format';
import { channelLabel, humanize, touchpointKindLabel } from '../../lib/labels';

export const entryKey = (entry: TimelineEntry) => `${entry.kind}:${entry.id}`;

/** Older entries appended to newer ones; a refresh racing a page can repeat one, so repeats are dropped. */
export function mergeEntries(newer: TimelineEntry[], older: TimelineEntry[]): TimelineEntry[] {
  const seen = new Set(newer.map(entryKey));
  return [...newer, ...older.filter((entry) => !seen.has(entryKey(entry)))];
}

/** Deployments happen on a calendar date (the core gives UTC midnight): no time of day to show. */
export const isDateOnly = (entry: TimelineEntry) => entry.kind === 'deployment' || entry.at.length === 10;

/** Entries dated after `now` (a planned go-live) are upcoming, the rest history, both newest first. */
export function splitUpcoming(entries: TimelineEntry[], now: Date): { upcoming: TimelineEntry[]; past: TimelineEntry[] } {
  const cut = now.toISOString();
  const at = (entry: TimelineEntry) => (entry.at.length === 10 ? `${entry.at}T00:00:00.000Z` : entry.at);
  return { upcoming: entries.filter((e) => at(e) > cut), past: entries.filter((e) => at(e) <= cut) };
}

export const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  touchpoint: 'Touchpoint',
  ticket: 'Ticket',
  survey: 'Survey',
  deployment: 'Deployment',
};

/** A readable title: the core writes touchpoints as "qbr (in_person)"; this shows "QBR · In person". */
export function entryTitle(entry: TimelineEntry): string {
  if (entry.kind === 'touchpoint') {
    const match = /^(\w+) \((\w+)\)$/.exec(entry.title);
    if (match) return `${touchpointKindLabel(match[1]!)} · ${channelLabel(match[2]!)}`;
  }
  if (entry.kind === 'deployment' || entry.kind === 'ticket') return entry.title;
  return entry.title.includes('_') ? humanize(entry.title) : entry.title;
}

/**
 * Ticket details come as "high · open · billing" (capitalised here); deployment details name
 * dates as YYYY-MM-DD (shown in the user's locale).
 */
export function entryDetail(entry: TimelineEntry, locale?: string): string | null {
  if (!entry.detail) return null;
  if (entry.kind === 'ticket') return entry.detail.split(' · ').map(humanize).join(' · ');
  if (entry.kind === 'deployment') {
    const text = entry.detail.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (ymd) => formatDate(ymd, locale));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return entry.detail;
}
