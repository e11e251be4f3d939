// The look every chart shares: the app's colours and type, quiet axes, tooltips that explain.

export const COLORS = {
  accent: '#2554c7',
  accentBand: 'rgba(37, 84, 199, 0.16)',
  text: '#1c2430',
  muted: '#5b6675',
  axis: '#c5ccd6',
  split: '#edf0f3',
  warn: '#b7791f',
  secondary: '#e07b00',
};

/** Health bands: strong enough to read as red/amber/green, with grey for "insufficient data". */
export const BAND_COLORS = { red: '#d64545', amber: '#e5a000', green: '#2e9e5b', insufficient: '#a7b0bd' } as const;

/** Categories (cohorts, survey kinds): distinct hues that stay apart for common colour blindness. */
export const PALETTE = ['#2554c7', '#e07b00', '#2e9e5b', '#8e44ad', '#0b8a9f', '#c2410c', '#64748b', '#b5179e', '#7a9a01', '#1e3a8a'];

/** SLA target lines, most urgent the most alarming. */
export const PRIORITY_COLORS = { urgent: '#c0392b', high: '#e07b00', normal: '#2554c7', low: '#64748b' } as const;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const base = {
  animationDuration: 300,
  // Filter changes replace the whole option: a short update keeps leaving points from lingering.
  animationDurationUpdate: 150,
  textStyle: { fontFamily: FONT, fontSize: 12, color: COLORS.text },
  aria: { enabled: false },
} as const;

export const tooltip = {
  confine: true,
  backgroundColor: '#ffffff',
  borderColor: '#dde2e8',
  textStyle: { color: COLORS.text, fontSize: 12, fontFamily: FONT },
  extraCssText: 'box-shadow: 0 6px 18px rgba(16,24,40,0.14); border-radius: 6px;',
} as const;

export const axisLine = { lineStyle: { color: COLORS.axis } };
export const axisLabel = { color: COLORS.muted, fontSize: 11 };
export const splitLine = { lineStyle: { color: COLORS.split } };

/** Plot area with room for the axis labels and nothing else. */
export const grid = (extra: Record<string, number> = {}) => ({
  left: 8,
  right: 16,
  top: 36,
  bottom: 8,
  outerBoundsMode: 'same' as const,
  outerBoundsContain: 'axisLabel' as const,
  ...extra,
});

export const legend = (data?: string[]) => ({
  top: 0,
  left: 0,
  type: 'scroll' as const,
  icon: 'roundRect',
  itemWidth: 14,
  itemHeight: 8,
  textStyle: { color: COLORS.muted, fontSize: 12 },
  ...(data ? { data } : {}),
});

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Tooltips are HTML: user text (topic names, account names) is escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** A trend period ("2026-03", "2026-03-01", "2026-Q1") as a short label: "Mar 2026", "Q1 2026". */
export function periodName(period: string, locale?: string): string {
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})(?:-\d{2})?/.exec(period);
  if (!month) return period;
  const key = locale ?? '';
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}
