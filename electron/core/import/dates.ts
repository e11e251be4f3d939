import type { Converted, DateOrder } from './values';
import { zoneMinutes } from './dateZones';
import { monthOfName } from './monthNames';

// Pure: the text of a date cell -> a calendar date or an instant. Forms read: ISO 8601 (any
// offset: Z, +02, +0200, +02:00), YYYYMMDD, YYYY/MM/DD with a time (2012/10/09 14:50:17.000),
// a/b/yyyy and a/b/yy with / . or - (the order of a and b decided per column: see
// chooseDateOrder), month names in English and eleven other languages (monthNames.ts; Jira's
// default dd/MMM/yy h:mm a: 09/Oct/12 2:50 PM; 9 Oct 2012; Oct 9, 2012; 9. Oktober 2012;
// 9 de octubre de 2012; 9 déc. 2012), a 12-hour clock (AM/PM) and a zone after any time (Google Forms'
// download: 2012/10/09 2:50:17 PM GMT+1; dateZones.ts), and, where the column is known to hold
// dates, numbers: Excel serial days (41191 = 2012-10-09) and Unix epoch seconds (1349794217) or
// milliseconds.

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: string | null;
  offset: string | null;
}

const TIME = String.raw`(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)`;
/** Z, +02, +0200, +02:00, GMT, GMT+1, UTC-04:00, EST: read by dateZones.ts. */
const ZONE = String.raw`(Z|(?:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})`;
/** After the date: a time, AM/PM, a zone (capture groups: time, meridiem, zone). */
const TAIL = String.raw`(?:[ T,]+${TIME}(?:\s*([AP]\.?M\.?))?(?:\s*${ZONE})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TAIL}$`, 'i');
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TAIL}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TAIL}$`, 'i');
/** Between a day and a month word, and the month word and the year: / - or a space, German's "9." dot, Spanish and Portuguese "de". */
const WORD_GAP = String.raw`(?:\.?[/ -]|\.?\s+de\s+)`;
/** Day, month name, year: 09/Oct/12 (Jira), 9-Oct-2012, 9 October 2012, 9. Oktober 2012, 9 de octubre de 2012, 9 déc. 2012. */
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})${WORD_GAP}(\p{L}{3,12})${WORD_GAP}(\d{4}|\d{2})${TAIL}$`, 'iu');
/** Month name, day, year: Oct 9, 2012. */
const MONTH_NAME_DAY = new RegExp(String.raw`^(\p{L}{3,12})\.? (\d{1,2}),? (\d{4})${TAIL}$`, 'iu');

/** A month word -> 1..12, or the problem: not a month, or a month in two languages (never guessed). */
function monthNumber(raw: string, name: string): number | string {
  const month = monthOfName(name);
  if (month === null) return `'${raw}' is not a date ('${name}' is not a month)`;
  if (typeof month === 'object') return `'${raw}' is not a clear date: ${month.ambiguous}`;
  return month;
}

/** A two-digit year: 00-69 is 20xx, 70-99 19xx (as Excel reads them). */
const fullYear = (text: string) => (text.length === 2 ? Number(text) + (Number(text) < 70 ? 2000 : 1900) : Number(text));

/** "2:50" + "PM" -> "14:50"; an hour outside 1-12 beside AM/PM is no time. */
function clock(time: string | undefined, meridiem: string | undefined): string | null | undefined {
  if (!time) return null;
  if (!meridiem) return time;
  const colon = time.indexOf(':');
  const hour = Number(time.slice(0, colon));
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem[0]!.toUpperCase() === 'P';
  return `${String((hour % 12) + (pm ? 12 : 0)).padStart(2, '0')}${time.slice(colon)}`;
}

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

/** The date's parts with the tail's time (24-hour) and zone, or the problem with the text. */
function withTail(raw: string, y: number, m: number, d: number, tail: RegExpExecArray, at: number): DateParts | string {
  const time = clock(tail[at], tail[at + 1]);
  if (time === undefined) return `'${raw}' is not a valid time of day`;
  return { y, m, d, time, offset: tail[at + 2] ?? null };
}

function dateParts(raw: string, order: DateOrder, numeric: boolean): DateParts | string {
  const text = raw.trim();
  let match = ISO.exec(text) ?? YEAR_FIRST.exec(text);
  if (match) return withTail(raw, +match[1]!, +match[2]!, +match[3]!, match, 4);
  match = COMPACT.exec(text);
  if (match) return { y: +match[1]!, m: +match[2]!, d: +match[3]!, time: null, offset: null };
  match = SLASHED.exec(text);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    const y = fullYear(match[3]!);
    return order === 'dmy' ? withTail(raw, y, b, a, match, 4) : withTail(raw, y, a, b, match, 4);
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = monthNumber(raw, match[2]!);
    return typeof month === 'number' ? withTail(raw, fullYear(match[3]!), month, +match[1]!, match, 4) : month;
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = monthNumber(raw, match[1]!);
    return typeof month === 'number' ? withTail(raw, +match[3]!, month, +match[2]!, match, 4) : month;
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
  const offset = zoneMinutes(parts.offset);
  // AST, IST, CST, BST each name several offsets: reading one would move the time by hours, unseen.
  if (offset === null) return { error: `'${raw}' ends in a time zone ('${parts.offset}') that does not name one offset: the file needs GMT+h or +hh:mm` };
  const date = new Date(Date.UTC(parts.y, parts.m - 1, parts.d, Number(h), Number(mi)) + Math.round(sec * 1000) - offset * 60_000);
  if (Number.isNaN(date.getTime())) return { error: `'${raw}' is not a valid date-time` };
  return { value: date.toISOString() };
}
