// Pure conversions from the text of one cell to a stored value. Each returns { value } or
// { error } with a message that completes "row 12, 'Column': ..." for the user.

export type Converted<T> = { value: T } | { error: string };
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export const DEFAULT_MISSING_MARKERS = ['na', 'n/a', 'null', 'nil', 'none', '-', '--', '#n/a', 'nan'];
const MISSING = new Set(DEFAULT_MISSING_MARKERS);

/**
 * Empty, a lone space, NA, N/A, null, "-": missing, never zero. `markers` replaces the default
 * words (Fulcrum's own export uses none, so a region called "NA" stays North America).
 */
export function isMissing(raw: string | undefined | null, markers: ReadonlySet<string> = MISSING): boolean {
  if (raw === undefined || raw === null) return true;
  // Fast path: a value longer than every marker, not padded with blanks, is present.
  if (raw.length > 5 && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 && markers === MISSING) return false;
  const text = raw.trim();
  return text === '' || markers.has(text.toLowerCase());
}

const CURRENCY = /^(?:[A-Z]{3}\s*)?[$€£¥₹₩₽¢]?|[$€£¥₹₩₽¢]?(?:\s*[A-Z]{3})?$/g;

/** "1,234.56", "1.234,56", "1 234,56", "(12.50)", "-3" -> a number; thousands separators understood. */
export function parseNumber(raw: string, allowCurrency = false): Converted<number> {
  let text = raw.trim();
  if (allowCurrency) text = text.replace(CURRENCY, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
    if (allowCurrency) text = text.replace(CURRENCY, '').trim();
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  text = text.replace(/[\s\u00a0\u202f']/g, '');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // The later separator is the decimal one.
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma >= 0) {
    text = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) {
    text = text.replace(/\./g, '');
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { error: `'${raw}' is not a number` };
  const value = Number(text);
  return { value: negative ? -value : value };
}

export function parseInteger(raw: string): Converted<number> {
  if (/^-?\d{1,15}$/.test(raw)) return { value: Number(raw) };
  const parsed = parseNumber(raw);
  if ('error' in parsed) return parsed;
  if (!Number.isInteger(parsed.value)) return { error: `'${raw}' is not a whole number` };
  return parsed;
}

/** "$1,234.56", "€ 1.234,56", "1234" -> integer minor units (cents). */
export function parseMoney(raw: string, scale = 1): Converted<number> {
  const parsed = parseNumber(raw, true);
  if ('error' in parsed) return { error: `'${raw}' is not an amount of money` };
  return { value: Math.round(parsed.value * scale * 100) };
}

const TRUE = new Set(['yes', 'y', 'true', 't', '1', 'x', 'ja', 'oui', 'si', 'on']);
const FALSE = new Set(['no', 'n', 'false', 'f', '0', 'nein', 'non', 'off']);

export function parseBoolean(raw: string): Converted<boolean> {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return { error: `'${raw}' is not yes/no` };
}

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: string | null;
  offset: string | null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}:\d{2}(?::\d{2})?)\s*([AP]M)?)?$/i;

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
  /** True when every value read both ways and the order was a default, not evidence. */
  ambiguous: boolean;
  /** Values that rule out the other reading, e.g. "13/02/2024". */
  evidence?: string;
  conflict?: string;
}

/**
 * Decides over a whole column whether a/b/yyyy dates are US (month first) or European (day first).
 * `fallback` is used (and reported as ambiguous) when no value settles it.
 */
export function chooseDateOrder(values: Iterable<string>, fallback: DateOrder = 'mdy'): DateChoice {
  let mdyOnly: string | undefined;
  let dmyOnly: string | undefined;
  let any = false;
  for (const raw of values) {
    if (isMissing(raw)) continue;
    const readings = dateReadings(raw);
    if (!readings) continue;
    any = true;
    if (readings.length === 1 && readings[0] === 'mdy') mdyOnly ??= raw;
    if (readings.length === 1 && readings[0] === 'dmy') dmyOnly ??= raw;
  }
  if (!any) return { order: null, ambiguous: false };
  if (mdyOnly && dmyOnly) return { order: fallback, ambiguous: true, conflict: `'${mdyOnly}' is month-first but '${dmyOnly}' is day-first` };
  if (mdyOnly) return { order: 'mdy', ambiguous: false, evidence: mdyOnly };
  if (dmyOnly) return { order: 'dmy', ambiguous: false, evidence: dmyOnly };
  return { order: fallback, ambiguous: true };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS[m - 1]! + (leap ? 1 : 0);
}

function dateParts(raw: string, order: DateOrder): DateParts | string {
  const text = raw.trim();
  let match = ISO.exec(text);
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
  return `'${raw}' is not a date`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date "YYYY-MM-DD". */
export function parseDate(raw: string, order: DateOrder = 'ymd'): Converted<string> {
  const parts = dateParts(raw, order);
  if (typeof parts === 'string') return { error: parts };
  if (!validDay(parts.y, parts.m, parts.d)) return { error: `'${raw}' is not a valid date` };
  return { value: `${parts.y}-${pad(parts.m)}-${pad(parts.d)}` };
}

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** An instant as ISO-8601 UTC; a value without an offset is read as UTC. */
export function parseInstant(raw: string, order: DateOrder = 'ymd'): Converted<string> {
  // Fast path (most of a million-row export): already canonical UTC, only the day needs checking.
  const canonical = CANONICAL.exec(raw);
  if (canonical) {
    return validDay(+canonical[1]!, +canonical[2]!, +canonical[3]!) ? { value: raw } : { error: `'${raw}' is not a valid date` };
  }
  const parts = dateParts(raw, order);
  if (typeof parts === 'string') return { error: parts };
  if (!validDay(parts.y, parts.m, parts.d)) return { error: `'${raw}' is not a valid date` };
  const [h = '0', mi = '0', s = '0'] = (parts.time ?? '0:00').split(':');
  let offset = parts.offset?.toUpperCase() ?? 'Z';
  if (offset === 'UTC' || offset === 'GMT') offset = 'Z';
  if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const sec = Number(s);
  const iso = `${parts.y}-${pad(parts.m)}-${pad(parts.d)}T${pad(Number(h))}:${pad(Number(mi))}:${pad(Math.floor(sec))}.${String(Math.round((sec % 1) * 1000)).padStart(3, '0')}${offset}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { error: `'${raw}' is not a valid date-time` };
  return { value: date.toISOString() };
}

/** "Web Form", "self-service" -> "web_form", "self_service": how enum values are compared. */
export const normaliseKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export function parseEnum(raw: string, allowed: readonly string[], aliases: Record<string, string> = {}): Converted<string> {
  const key = normaliseKey(raw);
  const value = aliases[key] ?? key;
  if (allowed.includes(value)) return { value };
  return { error: `'${raw}' is not one of ${allowed.join(', ')}` };
}

/** "a; b, c" -> ["a", "b", "c"]; a JSON array is read as one. */
export function parseList(raw: string): Converted<string[]> {
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return { value: parsed.map(String) };
    } catch {
      // not JSON: split below
    }
  }
  return {
    value: text
      .split(/[;,|]/)
      .map((part) => part.trim())
      .filter(Boolean),
  };
}
