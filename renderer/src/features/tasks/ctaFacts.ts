import { formatDate, formatDateTime, formatNumber } from '../../../../shared/format/format';

/** A call to action's recorded facts as a reader sees them: words for keys, dates in the locale, labels for codes. */
export interface ShownFact {
  key: string;
  label: string;
  value: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[a-z]+(_[a-z]+)+$/;

/** "plannedGoLive" -> "Planned go live", "moment2" -> "Moment 2". */
export function factLabel(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as text: calendar dates and instants in the locale, snake_case codes as words, numbers grouped. */
export function factValue(value: string | number, locale?: string, timeZone?: string): string {
  if (typeof value === 'number') return formatNumber(value, locale);
  if (DATE.test(value)) return formatDate(value, locale);
  if (INSTANT.test(value)) return formatDateTime(value, locale, timeZone);
  if (CODE.test(value)) {
    const words = value.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return value;
}

/** The facts worth reading: ids of records are for machines (the sentence above names the record), and empty facts say nothing. */
export function shownFacts(facts: Record<string, string | number | null>, locale?: string, timeZone?: string): ShownFact[] {
  return Object.entries(facts)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && !/Id$/.test(entry[0]))
    .map(([key, value]) => ({ key, label: factLabel(key), value: factValue(value, locale, timeZone) }));
}
