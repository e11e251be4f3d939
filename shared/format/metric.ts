// Metric figures in words and numbers for the user's locale. A missing figure is never shown as 0:
// its formatter is only called with a number, and the card says why there is none.

import { formatDuration } from './duration';
import { formatMoney, minorDigits } from './format';

/**
 * How a figure reads. Shares are in percent (88 = 88 %) as the core sends them; durations in
 * minutes; money in integer minor units of `currency`.
 */
export type MetricUnit = 'points' | 'percent' | 'index' | 'mean' | 'minutes' | 'count' | 'money' | 'score';

const formats = new Map<string, Intl.NumberFormat>();
function nf(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Hours (an SLA target) as a person says them: 1 -> "1 hr", 72 -> "3 days". */
export const formatHours = (hours: number, locale?: string) => formatDuration(hours * 60, locale);

/** A percent figure on the 0-100 scale: 84.25 -> "84.3%" (en-US), "84,3 %" (de-DE). */
export function formatPercentValue(value: number, locale?: string, digits = 1): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: digits, signDisplay: 'negative' }).format(value / 100);
}

/** How many decimals a figure shows in its unit (mean always shows one: "5.0"). Durations and money have their own rules. */
const DIGITS = { points: 0, percent: 1, index: 0, score: 0, mean: 1, count: 0 } as const satisfies Partial<Record<MetricUnit, number>>;
export type RoundedUnit = keyof typeof DIGITS;

/**
 * The number as a screen shows it in its unit (84.25 % -> 84.3, an NPS of -12.5 -> -13): for a
 * readable export's cells, which stay numbers a spreadsheet can sum but never say more digits than
 * the screen. Rounds half away from zero, as Intl does.
 */
export function roundAs(value: number, unit: RoundedUnit): number {
  const factor = 10 ** DIGITS[unit];
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** One figure in its unit. `compact` shortens money and big counts for a card ("$12.4M"). */
export function formatMetric(value: number, unit: MetricUnit, options: { locale?: string; currency?: string; compact?: boolean } = {}): string {
  const { locale, currency = 'USD', compact } = options;
  switch (unit) {
    case 'points':
    case 'index':
    case 'score':
      // signDisplay 'negative': an NPS of −0.05 reads "0", not "-0".
      return nf(locale, { maximumFractionDigits: DIGITS[unit], signDisplay: 'negative' }).format(value);
    case 'percent':
      return formatPercentValue(value, locale, DIGITS.percent);
    case 'mean':
      return nf(locale, { minimumFractionDigits: DIGITS.mean, maximumFractionDigits: DIGITS.mean, signDisplay: 'negative' }).format(value);
    case 'minutes':
      return formatDuration(value, locale);
    case 'count':
      return compact && Math.abs(value) >= 100_000
        ? nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
        : nf(locale, { maximumFractionDigits: DIGITS.count, signDisplay: 'negative' }).format(value);
    case 'money': {
      const major = value / 10 ** minorDigits(currency);
      if (compact && Math.abs(major) >= 10_000) {
        try {
          return nf(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major);
        } catch {
          return `${nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(major)} ${currency}`;
        }
      }
      return formatMoney(value, currency, locale, true);
    }
  }
}

/** An interval "28 – 36" (or "81.2% – 86.9%") in the figure's unit. */
export function formatInterval(low: number, high: number, unit: MetricUnit, options: { locale?: string; currency?: string } = {}): string {
  return `${formatMetric(low, unit, options)} – ${formatMetric(high, unit, options)}`;
}

export type Tone = 'ok' | 'bad' | 'neutral';

/** Which way is better for a figure: up (NPS), down (churn, response time) or neither (volume). */
export type Better = 'up' | 'down' | 'none';

export interface Change {
  /** "+4 pts", "−2.1 pp", "−12 min", "+$1.2M" */
  text: string;
  tone: Tone;
  /** For screen readers and tooltips: "up 4 points from 28 in the previous period". */
  description: string;
  delta: number;
}

const MINUS = '−';
const signed = (text: string, delta: number) => (delta > 0 ? `+${text}` : delta < 0 ? `${MINUS}${text}` : text);

/** The change from `previous` to `current`, in the unit's natural difference (points, percentage points, …). */
export function describeChange(current: number, previous: number, unit: MetricUnit, better: Better, options: { locale?: string; currency?: string } = {}): Change {
  const { locale } = options;
  const delta = current - previous;
  const size = Math.abs(delta);
  let text: string;
  switch (unit) {
    case 'percent':
      text = `${nf(locale, { maximumFractionDigits: 1 }).format(size)} pp`;
      break;
    case 'points':
      text = `${nf(locale, { maximumFractionDigits: 0 }).format(size)} pts`;
      break;
    case 'mean':
      text = nf(locale, { maximumFractionDigits: 1 }).format(size);
      break;
    default:
      text = formatMetric(size, unit, { ...options, compact: true });
  }
  // A change too small to show in the unit's precision is no change.
  const shownAsZero = /^[^1-9]*$/.test(text);
  const direction = shownAsZero ? 0 : Math.sign(delta);
  const tone: Tone = direction === 0 || better === 'none' ? 'neutral' : direction > 0 === (better === 'up') ? 'ok' : 'bad';
  const was = formatMetric(previous, unit, { ...options, compact: true });
  const description = direction === 0 ? `unchanged from ${was} in the previous period` : `${direction > 0 ? 'up' : 'down'} ${text} from ${was} in the previous period`;
  return { text: direction === 0 ? `±0` : signed(text, direction), tone, description, delta };
}
