import type { Converted, DateOrder } from './values';

// Pure: the text of a date cell -> a calendar date or an instant. Forms read: ISO 8601 (any
// offset: Z, +02, +0200, +02:00), YYYYMMDD, YYYY/MM/DD with a time (2012/10/09 14:50:17.000),
// a/b/yyyy and a/b/yy with / . or - (the order of a and b decided per column: see
// chooseDateOrder), and, where the column is known to hold dates, numbers: Excel serial days
// (41191 = 2012-10-09) and Unix epoch seconds (1349794217) or milliseconds.

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: string | null;
  offset: string | null;
}

const TIME = String.raw`(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)`;
const OFFSET = String.raw`(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME}\s*${OFFSET}?)?$`, 'i');
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+${TIME}\s*${OFFSET}?)?$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+${TIME}\s*([AP]M)?)?$`, 'i');
/** Excel's serial day numbers from 10000 (1927) to 99999 (2173): shorter numbers are more likely years or counts. */
const SERIAL = /^\d{5}(?:\.\d+)?$/;
/** Unix time: 9-10 digits of seconds (1973-2286), 12-13 of milliseconds. */
const EPOCH_SECONDS = /^\d{9,10}(?:\.\d+)?$/;
const EPOCH_MS = /^\d{12,13}$/;

/** For a date written a/b/yyyy: which readings are possible ('mdy', 'dmy'), or null when it is not that shape. */
export function dateReadings(raw: string): DateOrder[] | null {
  const match = SLASHED.exec(raw.trim());
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  const out: DateOrder[] = [];
  if (a >= 1 && a <= 12 && b >= 1 && b <= 31) out.push('mdy');
  if (b >= 1 && b <= 12 && a >= 1 && a <= 31) out.push('dmy');
  return out;
}

export interface DateChoice {
  order: DateOrder | null;
  /** True when every value read both ways: the order is a question for the user, `order` only the suggestion. */
  ambiguous: boolean;
  /** A value that rules out the other reading, e.g. "13/02/2024", or the dotted value that follows the day-first convention. */
  evidence?: string;
  conflict?: string;
}

/**
 * Decides over a whole column whether a/b/yyyy dates are US (month first) or European (day first).
 * A value with a part above 12 settles it; dots (09.10.2012) are day first by convention (no
 * country writes month.day.year). When nothing settles it the column is ambiguous and `fallback`
 * is only a suggestion.
 */
export function chooseDateOrder(values: Iterable<string>, fallback: DateOrder = 'mdy'): DateChoice {
  let mdyOnly: string | undefined;
  let dmyOnly: string | undefined;
  let dotted: string | undefined;
  let any = false;
  for (const raw of values) {
    const readings = dateReadings(raw);
    if (!readings) continue;
    any = true;
    if (readings.length === 1 && readings[0] === 'mdy') mdyOnly ??= raw;
    if (readings.length === 1 && readings[0] === 'dmy') dmyOnly ??= raw;
    if (!dotted && /^\s*\d{1,2}\.\d{1,2}\./.test(raw)) dotted = raw;
  }
  if (!any) return { order: null, ambiguous: false };
  if (mdyOnly && dmyOnly) return { order: fallback, ambiguous: true, conflict: `'${mdyOnly}' is month-first but '${dmyOnly}' is day-first` };
  if (mdyOnly) return { order: 'mdy', ambiguous: false, evidence: mdyOnly };
  if (dmyOnly) return { order: 'dmy', ambiguous: false, evidence: dmyOnly };
  if (dotted) return { order: 'dmy', ambiguous: false, evidence: dotted };
  return { order: fallback, ambiguous: true };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS[m - 1]! + (leap ? 1 : 0);
}

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 for every serial after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A number standing for an instant, when `numeric` allows it: Excel serial days or Unix time. */
function numericInstant(text: string): Date | null {
  if (SERIAL.test(text)) return new Date(EXCEL_EPOCH_MS + Math.round(Number(text) * DAY_MS));
  if (EPOCH_SECONDS.test(text)) return new Date(Math.round(Number(text) * 1000));
  if (EPOCH_MS.test(text)) return new Date(Number(text));
  return null;
}

function partsOf(date: Date): DateParts {
  const iso = date.toISOString();
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), time: iso.slice(11, 23), offset: 'Z' };
}

function dateParts(raw: string, order: DateOrder, numeric: boolean): DateParts | string {
  const text = raw.trim();
  let match = ISO.exec(text) ?? YEAR_FIRST.exec(text);
  if (match) return { y: +match[1]!, m: +match[2]!, d: +match[3]!, time: match[4] ?? null, offset: match[5] ?? null };
  match = COMPACT.exec(text);
  if (match) return { y: +match[1]!, m: +match[2]!, d: +match[3]!, time: null, offset: null };
  match = SLASHED.exec(text);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    let y = Number(match[3]);
    if (match[3]!.length === 2) y += y < 70 ? 2000 : 1900;
    let time = match[4] ?? null;
    if (time && match[5]) {
      const [h, rest] = [Number(time.split(':')[0]) % 12, time.slice(time.indexOf(':'))];
      time = `${String(match[5].toUpperCase() === 'PM' ? h + 12 : h).padStart(2, '0')}${rest}`;
    }
    return order === 'dmy' ? { y, m: b, d: a, time, offset: null } : { y, m: a, d: b, time, offset: null };
  }
  if (numeric) {
    const date = numericInstant(text);
    if (date && !Number.isNaN(date.getTime())) return partsOf(date);
  }
  return `'${raw}' is not a date`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date "YYYY-MM-DD" (the day as written: an instant's offset does not move it). */
export function parseDate(raw: string, order: DateOrder = 'ymd', numeric = false): Converted<string> {
  const parts = dateParts(raw, order, numeric);
  if (typeof parts === 'string') return { error: parts };
  if (!validDay(parts.y, parts.m, parts.d)) return { error: `'${raw}' is not a valid date` };
  return { value: `${parts.y}-${pad(parts.m)}-${pad(parts.d)}` };
}

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Minutes east of UTC: Z, UTC, GMT, +02, +0200, +02:00. */
function offsetMinutes(offset: string | null): number {
  const upper = offset?.toUpperCase() ?? 'Z';
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 0;
  const minutes = Number(upper.slice(1, 3)) * 60 + Number(upper.slice(3).replace(':', '') || '0');
  return upper.startsWith('-') ? -minutes : minutes;
}

/** An instant as ISO-8601 UTC; a value without an offset is read as UTC. */
export function parseInstant(raw: string, order: DateOrder = 'ymd', numeric = false): Converted<string> {
  // Fast path (most of a million-row export): already canonical UTC, only the day needs checking.
  const canonical = CANONICAL.exec(raw);
  if (canonical) {
    return validDay(+canonical[1]!, +canonical[2]!, +canonical[3]!) ? { value: raw } : { error: `'${raw}' is not a valid date` };
  }
  const parts = dateParts(raw, order, numeric);
  if (typeof parts === 'string') return { error: parts };
  if (!validDay(parts.y, parts.m, parts.d)) return { error: `'${raw}' is not a valid date` };
  const [h = '0', mi = '0', s = '0'] = (parts.time ?? '0:00').split(':');
  const sec = Number(s.replace(',', '.'));
  if (Number(h) > 23 || Number(mi) > 59 || !(sec < 60)) return { error: `'${raw}' is not a valid time of day` };
  const date = new Date(Date.UTC(parts.y, parts.m - 1, parts.d, Number(h), Number(mi)) + Math.round(sec * 1000) - offsetMinutes(parts.offset) * 60_000);
  if (Number.isNaN(date.getTime())) return { error: `'${raw}' is not a valid date-time` };
  return { value: date.toISOString() };
}
