import { describe, expect, it } from 'vitest';
import {
  asOfText,
  daysUntil,
  formatDate,
  formatMoney,
  minorDigits,
  moneyInputValue,
  parseInteger,
  parseMoney,
  parseNumber,
  relativeDays,
  renewalText,
  renewalTone,
} from './format';

describe('money', () => {
  it('knows each currency’s minor units', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it.each([
    [1_250_000, 'USD', 'en-US', false, '$12,500.00'],
    [1_250_000, 'USD', 'en-US', true, '$12,500'],
    [1_250_050, 'EUR', 'de-DE', false, '12.500,50\u00a0€'],
    [12_500, 'JPY', 'en-US', false, '¥12,500'],
  ])('formats %i %s in %s (whole: %s)', (minor, currency, locale, whole, expected) => {
    expect(formatMoney(minor, currency, locale, whole)).toBe(expected);
  });

  it('shows a malformed currency code instead of failing', () => {
    expect(formatMoney(1000, 'US', 'en-US')).toBe('10 US');
  });

  it.each([
    ['12,500', 'USD', 'en-US', 1_250_000],
    ['12500', 'USD', 'en-US', 1_250_000],
    ['$12,500.5', 'USD', 'en-US', 1_250_050],
    ['1,234,567.89', 'USD', 'en-US', 123_456_789],
    ['12.500,50', 'EUR', 'de-DE', 1_250_050],
    ['12 500,50', 'EUR', 'fr-FR', 1_250_050],
    ['12\u202f500', 'EUR', 'fr-FR', 1_250_000],
    ['12,34,567', 'INR', 'en-IN', 1_234_567_00],
    ['12500', 'JPY', 'en-US', 12_500],
    ['', 'USD', 'en-US', null],
  ])('reads "%s" %s in %s as %s minor units', (input, currency, locale, expected) => {
    expect(parseMoney(input, currency, locale)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12,5', 'USD', 'en-US', 'must be an amount such as 12,500'],
    ['12.500,50', 'USD', 'en-US', 'must be an amount such as 12,500'],
    ['12k', 'USD', 'en-US', 'must be an amount such as 12,500'],
    ['-5', 'USD', 'en-US', 'must not be negative'],
    ['1.005', 'USD', 'en-US', 'has more than 2 decimals'],
    ['12.5', 'JPY', 'en-US', 'JPY has no minor units: use whole amounts'],
    ['99999999999999999', 'USD', 'en-US', 'is too large'],
  ])('refuses "%s" %s in %s', (input, currency, locale, message) => {
    expect(parseMoney(input, currency, locale)).toEqual({ ok: false, message });
  });

  it('turns minor units back into what the user would type', () => {
    expect(moneyInputValue(1_250_000, 'USD', 'en-US')).toBe('12,500');
    expect(moneyInputValue(1_250_050, 'EUR', 'de-DE')).toBe('12.500,5');
    expect(parseMoney(moneyInputValue(123_456_789, 'USD', 'en-US'), 'USD', 'en-US')).toEqual({ ok: true, value: 123_456_789 });
  });
});

describe('numbers', () => {
  it('reads whole numbers and decimals in the locale', () => {
    expect(parseInteger('5,400', 'en-US')).toEqual({ ok: true, value: 5400 });
    expect(parseInteger('5.5', 'en-US')).toEqual({ ok: false, message: 'must be a whole number' });
    expect(parseInteger('', 'en-US')).toEqual({ ok: true, value: null });
    expect(parseNumber('72,5', 'de-DE')).toEqual({ ok: true, value: 72.5 });
    expect(parseNumber('150', 'en-US')).toEqual({ ok: true, value: 150 });
    expect(parseNumber('-3', 'en-US')).toEqual({ ok: true, value: -3 });
    expect(parseNumber('abc', 'en-US').ok).toBe(false);
  });
});

describe('dates', () => {
  it('shows a calendar date as written, whatever the time zone', () => {
    expect(formatDate('2026-12-31', 'en-US')).toBe('Dec 31, 2026');
    expect(formatDate('2026-12-31', 'de-DE')).toBe('31.12.2026');
    expect(formatDate('not a date', 'en-US')).toBe('not a date');
  });

  it('counts days to a date and says it in words', () => {
    const today = new Date(2026, 2, 1, 15, 30);
    expect(daysUntil('2026-03-01', today)).toBe(0);
    expect(daysUntil('2026-04-15', today)).toBe(45);
    expect(daysUntil('2026-02-26', today)).toBe(-3);
    expect(relativeDays(45, 'en-US')).toBe('in 45 days');
    expect(relativeDays(-1, 'en-US')).toBe('yesterday');
  });
});

describe('renewals and dated scores', () => {
  it('makes a passed renewal red and says it is overdue', () => {
    expect(renewalTone(-27)).toBe('bad');
    expect(renewalText(-27, 'en-US')).toBe('overdue, 27 days ago');
    expect(renewalTone(0)).toBe('warn');
    expect(renewalText(0, 'en-US')).toBe('today');
    expect(renewalTone(90)).toBe('warn');
    expect(renewalTone(91)).toBe('muted');
    expect(renewalText(45, 'en-US')).toBe('in 45 days');
  });

  it('says when a score was taken', () => {
    expect(asOfText('2026-12-06T10:30:00.000Z', 'en-US', 'UTC')).toBe('as of Dec 6, 2026, 10:30 AM');
  });
});
