// Time arithmetic in epoch milliseconds (UTC), and the two storage forms of the schema:
// instants 'YYYY-MM-DDTHH:MM:SS.sssZ' and calendar dates 'YYYY-MM-DD'.

import { DAY_MS } from '../../../shared/dates';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** One day: shared/dates.ts's DAY_MS, under the name the generator uses. */
export const DAY = DAY_MS;

const pad = (width: number) => Array.from({ length: 10 ** width }, (_, n) => String(n).padStart(width, '0'));
const TWO = pad(2);
const THREE = pad(3);
/** 'YYYY-MM-DDT' per day number: a few thousand distinct days per workspace. */
const dayPrefixes = new Map<number, string>();

/**
 * An instant as stored: ISO-8601 UTC with milliseconds, exactly as Date#toISOString writes it
 * (for years 0-9999). Formatting four instants per ticket was half of the generator's time with
 * toISOString; reusing the date part of the day makes it several times cheaper.
 */
export function iso(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = whole - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${THREE[rest - seconds * 1000]}Z`;
}

/** A calendar date as stored. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** 'YYYY-MM-DD' -> midnight UTC of that day; throws on anything else, so a bad --today is caught early. */
export function parseDay(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`'${day}' is not a date as YYYY-MM-DD`);
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(ms) || isoDate(ms) !== day) throw new Error(`'${day}' is not a date as YYYY-MM-DD`);
  return ms;
}

// Calendar months: shared/dates.ts's addMonthsRollingOver (the 31st rolls over like Date does, so
// the same seed and --today keep giving the same workspace as before the rule was shared).

export const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;

/** Whole months between two instants (30.44-day months), for rates "per month of tenure". */
export const monthsBetween = (from: number, to: number) => Math.max(0, (to - from) / (30.44 * DAY));

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekend(ms: number): boolean {
  const weekday = (Math.floor(ms / DAY) + 4) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** Rough UTC offset of each region's business day, so activity clusters in local office hours. */
export const UTC_OFFSET: Record<string, number> = { NA: -5, EMEA: 1, APAC: 8, LATAM: -3 };

/**
 * A moment during office hours on the given day (local 8:00-18:00, peaking late morning), moved
 * off weekends most of the time, as UTC milliseconds. `next` is a uniform [0, 1) source.
 */
export function officeMoment(next: () => number, day: number, region: string): number {
  let start = startOfDay(day);
  const weekday = (Math.floor(start / DAY) + 4) % 7; // 0 = Sunday, 6 = Saturday
  if ((weekday === 0 || weekday === 6) && next() < 0.85) start += (weekday === 6 ? 2 : 1) * DAY;
  const localHour = 8 + 10 * ((next() + next()) / 2); // triangular: most contacts mid-day
  return start + (localHour - (UTC_OFFSET[region] ?? 0)) * HOUR + Math.floor(next() * 60_000);
}
