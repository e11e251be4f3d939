// One way to say a duration, for the screens (shared/format/metric.ts builds on it) and
// for the reasons the core writes into health components: a response time once read "250.9 min"
// in one card and "4.2 hr" in the next.

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

/** 45 -> "45 min", 150 -> "2.5 hr", 4320 -> "3 days": the unit a person would say. */
export function formatDuration(minutes: number, locale?: string): string {
  const abs = Math.abs(minutes);
  if (abs < 60) return nf(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: abs < 10 ? 1 : 0 }).format(minutes);
  if (abs < 48 * 60) return nf(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(minutes / 60);
  return nf(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(minutes / 1440);
}
