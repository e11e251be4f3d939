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

/**
 * A missing cell as problems name it: "missing (NA)" whatever the file wrote, then what it wrote,
 * so "N/A" in a required column is not reported as an empty cell.
 */
export function describeMissing(raw: string | undefined | null): string {
  const text = raw?.trim() ?? '';
  if (raw === undefined || raw === null) return 'missing (NA): the row has no such cell';
  return text === '' ? 'missing (NA): the cell is empty' : `missing (NA): the cell says '${text}'`;
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

// Dates have their own module; re-exported here, where the other conversions are.
export { chooseDateOrder, dateReadings, parseDate, parseInstant, type DateChoice } from './dates';

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
