// Numbers, money and dates in the user's locale: one formatter for the screens and the core (the
// readable exports, metrics.display), so a figure reads the same wherever it is written. Pure:
// locale and time zone are arguments; undefined means the running system's (the page's), and the
// core and the tests always pass them.

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** How many minor-unit digits a currency has: USD 2, JPY 0, KWD 3 (ISO 4217 via Intl). */
export function minorDigits(currency: string): number {
  try {
    return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units -> "$12,500.00" (or "$12,500" with `whole`) in the account's currency. */
export function formatMoney(minor: number, currency: string, locale?: string, whole = false): string {
  const major = minor / 10 ** minorDigits(currency);
  try {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency };
    if (whole) Object.assign(options, { minimumFractionDigits: 0, maximumFractionDigits: 0 });
    return numberFormat(locale, options).format(major);
  } catch {
    // A malformed code must not break a screen: show the number and the code as stored.
    return `${numberFormat(locale, {}).format(major)} ${currency}`;
  }
}

/** Minor units -> the amount as a user types it ("12,500" or "12,500.5"), for editing. */
export function moneyInputValue(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  return numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

export const formatInteger = (value: number, locale?: string) => numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
export const formatNumber = (value: number, locale?: string) => numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
/** "1 account", "1,200 accounts": a count with its noun in the right number (never "account(s)" or "1 accounts"). */
export const countOf = (n: number, one: string, many = `${one}s`, locale?: string) => `${formatInteger(n, locale)} ${n === 1 ? one : many}`;
export const formatPercent = (share: number, locale?: string) => numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The locale's group and decimal separators, e.g. en-US "," and ".", de-DE "." and ",". */
export function separators(locale?: string): { group: string; decimal: string } {
  const parts = numberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A decimal number as the user typed it in their locale ("12,500.50" in en-US, "12.500,50" in
 * de-DE). Group separators must sit between groups of digits, so "12,5" in en-US is refused
 * rather than read as 125. Returns the digits before and after the decimal separator.
 */
function parseDecimal(input: string, locale?: string): Parsed<{ whole: string; fraction: string; negative: boolean }> {
  const { group, decimal } = separators(locale);
  let text = input
    .trim()
    .replace(/\p{Sc}/gu, '')
    .trim();
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1).trim();
  // Spaces (including the narrow no-break space French uses) are group separators everywhere.
  const groupPattern = /\s/.test(group) ? '[\\s\\u00a0\\u202f]' : `[${escapeRegExp(group)}\\s\\u00a0\\u202f]`;
  const shape = new RegExp(`^(\\d{1,3}(?:${groupPattern}\\d{2,3})*(?:${groupPattern}\\d{3})|\\d+)(?:${escapeRegExp(decimal)}(\\d+))?$`, 'u');
  const match = shape.exec(text);
  if (!match) return { ok: false, message: `must be a number such as ${numberFormat(locale, {}).format(12500)}` };
  return { ok: true, value: { whole: match[1]!.replace(/\D/g, ''), fraction: match[2] ?? '', negative } };
}

/** "12,500" in USD -> 1250000 minor units. Empty input is null (the field was left blank). */
export function parseMoney(input: string, currency: string, locale?: string): Parsed<number | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parseDecimal(input, locale);
  if (!parsed.ok) return { ok: false, message: `must be an amount such as ${numberFormat(locale, {}).format(12500)}` };
  const { whole, fraction, negative } = parsed.value;
  if (negative) return { ok: false, message: 'must not be negative' };
  const digits = minorDigits(currency);
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} has no minor units: use whole amounts` : `has more than ${digits} decimals` };
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'is too large' };
  return { ok: true, value: minor };
}

/** A whole number such as an employee count; empty is null. */
export function parseInteger(input: string, locale?: string): Parsed<number | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parseDecimal(input, locale);
  if (!parsed.ok || parsed.value.fraction !== '') return { ok: false, message: 'must be a whole number' };
  if (parsed.value.negative) return { ok: false, message: 'must not be negative' };
  const value = Number(parsed.value.whole);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, message: 'is too large' };
}

/** A decimal number such as a margin percentage; empty is null. Range checks are the core's. */
export function parseNumber(input: string, locale?: string): Parsed<number | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parseDecimal(input, locale);
  if (!parsed.ok) return parsed;
  const value = Number(`${parsed.value.whole}.${parsed.value.fraction || '0'}`);
  return { ok: true, value: parsed.value.negative ? -value : value };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date "2026-12-31" -> "Dec 31, 2026"; it has no time zone, so it is shown as written. */
export function formatDate(ymd: string, locale?: string): string {
  const date = new Date(`${ymd.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return ymd;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant (ISO UTC) in the user's local time: "Mar 1, 2026, 10:30 AM". */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Whole days from `today` to a calendar date (negative when it lies in the past). */
export function daysUntil(ymd: string, today: Date): number {
  const target = Date.parse(`${ymd.slice(0, 10)}T00:00:00Z`);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - start) / 86_400_000);
}

/** "in 45 days", "3 days ago", "today". */
export function relativeDays(days: number, locale?: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/**
 * "as of Dec 6, 2026, 10:30 AM": the moment a score was taken (a health snapshot), said wherever
 * the score is shown, so two screens never seem to disagree about a number without a date.
 */
export function asOfText(iso: string, locale?: string, timeZone?: string): string {
  return `as of ${formatDateTime(iso, locale, timeZone)}`;
}

export type RenewalTone = 'bad' | 'warn' | 'muted';

/** A renewal date's urgency: passed is bad (red: it is overdue), within 90 days a warning, later quiet. */
export function renewalTone(days: number): RenewalTone {
  return days < 0 ? 'bad' : days <= 90 ? 'warn' : 'muted';
}

/** "in 45 days", "overdue, 27 days ago", "today": a passed renewal says it is overdue. */
export function renewalText(days: number, locale?: string): string {
  return days < 0 ? `overdue, ${relativeDays(days, locale)}` : relativeDays(days, locale);
}
