import { DAY_MS } from '../../../shared/dates';

/**
 * Working minutes between two instants under a weekly schedule in a time zone ("business
 * hours"), for support response times: a ticket opened on Friday at 16:00 and answered on Monday
 * at 10:00 waited two working hours, not 66 hours.
 *
 * Intl-based, no time-zone library: each local day's window [start, end) is turned into UTC
 * instants by asking Intl for the zone's offset at that wall-clock time, so days on which daylight
 * saving time begins or ends get their true length. Windows are cached per zone and day, so a
 * million tickets cost a few thousand Intl calls, not millions.
 */

export interface BusinessSchedule {
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Local wall-clock times, HH:MM; end after start. */
  start: string;
  end: string;
}

const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as if it were UTC (ms). */
function wallAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** Offset of the zone at an instant (wall − UTC), in ms. */
const offsetAt = (instant: number, timeZone: string) => wallAsUtc(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000;

/**
 * The UTC instant of a local wall-clock time (given as the ms of that wall time read as UTC).
 * Assumes at most one offset change within a day either side. A wall time that occurs twice
 * (autumn fall-back) maps to its first occurrence; one skipped by a spring-forward maps to the
 * same wall time on the far side of the gap (Temporal's "compatible" disambiguation).
 */
export function zonedToUtc(wallMs: number, timeZone: string): number {
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  const valid = [wallMs - before, wallMs - after].filter((t) => offsetAt(t, timeZone) === wallMs - t);
  return valid.length > 0 ? Math.min(...valid) : wallMs - before;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** ISO weekday (1 = Monday) of a day number (days since 1970-01-01, a Thursday). */
const weekday = (dayNumber: number) => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

/** A reusable clock for one schedule, with its per-day windows cached. */
export function createBusinessClock(schedule: BusinessSchedule) {
  const days = new Set(schedule.days);
  const startMin = minutesOf(schedule.start);
  const endMin = minutesOf(schedule.end);
  const windows = new Map<number, [number, number] | null>();

  const windowOf = (dayNumber: number): [number, number] | null => {
    if (windows.has(dayNumber)) return windows.get(dayNumber)!;
    let w: [number, number] | null = null;
    if (days.has(weekday(dayNumber)) && endMin > startMin) {
      const midnight = dayNumber * DAY_MS;
      w = [zonedToUtc(midnight + startMin * MINUTE_MS, schedule.timeZone), zonedToUtc(midnight + endMin * MINUTE_MS, schedule.timeZone)];
    }
    windows.set(dayNumber, w);
    return w;
  };

  /** Working minutes in [from, to) (instants in ms); 0 when to ≤ from. */
  return function businessMinutes(from: number, to: number): number {
    if (!(to > from)) return 0;
    // Offsets are within ±14 h, so the local days touched lie within one day of the UTC days:
    // no Intl call per interval, only per new day.
    const first = Math.floor(from / DAY_MS) - 1;
    const last = Math.floor(to / DAY_MS) + 1;
    let total = 0;
    for (let d = first; d <= last; d++) {
      const w = windowOf(d);
      if (!w) continue;
      const overlap = Math.min(to, w[1]) - Math.max(from, w[0]);
      if (overlap > 0) total += overlap;
    }
    return total / MINUTE_MS;
  };
}

/** Working minutes between two instants (ISO strings or ms); see `createBusinessClock`. */
export function businessMinutesBetween(from: string | number, to: string | number, schedule: BusinessSchedule): number {
  const a = typeof from === 'number' ? from : Date.parse(from);
  const b = typeof to === 'number' ? to : Date.parse(to);
  return createBusinessClock(schedule)(a, b);
}
