import type { z } from 'zod';
import type { customerValue } from '../../../../../shared/contract/metrics';
import type { ChartOption } from '../../../components/chartTypes';
import { axisLabel, axisLine, base, COLORS, escapeHtml, grid, splitLine, tooltip } from './theme';

export type CustomerValue = z.infer<typeof customerValue>;

const indexFormats = new Map<string, Intl.NumberFormat>();
/** Value-map indices read to one decimal (118.7, 84.2): whole points would hide the rounding rule. */
export function formatIndex(value: number, locale?: string): string {
  const key = locale ?? '';
  let format = indexFormats.get(key);
  if (!format) indexFormats.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format.format(value);
}

/** Both points, or null when the survey cannot place us (then the card says why instead). */
export function valueMapPoint(cv: CustomerValue | undefined): { price: number; quality: number } | null {
  if (!cv || cv.relativeQuality.value === null || cv.relativePrice.value === null) return null;
  return { price: cv.relativePrice.value, quality: cv.relativeQuality.value };
}

/** An axis range that holds parity and our point with room around, in steps of 10. */
export function valueMapRange(point: { price: number; quality: number }): [number, number] {
  const lo = Math.min(80, point.price - 10, point.quality - 10);
  const hi = Math.max(120, point.price + 10, point.quality + 10);
  return [Math.floor(lo / 10) * 10, Math.ceil(hi / 10) * 10];
}

/**
 * Gale's value map: relative price across, relative quality up, the fair-value line through
 * parity (100, 100) at 45°. Above the line is better value, below it worse; the competitor sits at
 * parity by construction.
 */
export function valueMapOption(cv: CustomerValue, locale?: string): ChartOption | undefined {
  const point = valueMapPoint(cv);
  if (!point) return undefined;
  const [lo, hi] = valueMapRange(point);
  const competitor = cv.competitor || 'Competitor';
  const points = [
    { name: 'Us', value: [point.price, point.quality], itemStyle: { color: COLORS.accent } },
    { name: competitor, value: [100, 100], itemStyle: { color: COLORS.muted } },
  ];
  return {
    ...base,
    // Room on the right for the line's "fair value" label.
    grid: grid({ top: 16, bottom: 28, left: 24, right: 72 }),
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesName: string; name: string; value: [number, number] };
        if (p.seriesName === 'Fair value') return 'Fair value: relative quality = relative price';
        return `<strong>${escapeHtml(p.name)}</strong><br/>Relative price ${formatIndex(p.value[0], locale)}<br/>Relative quality ${formatIndex(p.value[1], locale)}`;
      },
    },
    xAxis: { type: 'value', name: 'Relative price', nameLocation: 'middle', nameGap: 22, min: lo, max: hi, axisLine, axisLabel, splitLine },
    yAxis: { type: 'value', name: 'Relative quality', nameLocation: 'middle', nameGap: 30, min: lo, max: hi, axisLine, axisLabel, splitLine },
    series: [
      {
        name: 'Fair value',
        type: 'line',
        data: [
          [lo, lo],
          [hi, hi],
        ],
        symbol: 'none',
        lineStyle: { color: COLORS.warn, type: 'dashed', width: 1.5 },
        silent: true,
        endLabel: { show: true, formatter: 'fair value', color: COLORS.warn, fontSize: 11 },
      },
      {
        name: 'Offers',
        type: 'scatter',
        symbolSize: 14,
        data: points,
        label: { show: true, position: 'right', formatter: (p: unknown) => (p as { name: string }).name, color: COLORS.text },
      },
    ],
  };
}

/** The card's one-line reading: "Better value: quality 118.7 vs price 84.2 (+34.5)". */
export function valueMapSummary(cv: CustomerValue, locale?: string): string {
  const point = valueMapPoint(cv);
  if (!point || cv.position === null || cv.valueAdvantage.value === null) return cv.valueAdvantage.reason ?? cv.relativeQuality.reason ?? 'No value-map survey';
  const sign = cv.valueAdvantage.value > 0 ? '+' : '';
  const position = cv.position[0]!.toUpperCase() + cv.position.slice(1);
  return `${position}: quality ${formatIndex(point.quality, locale)} vs price ${formatIndex(point.price, locale)} (${sign}${formatIndex(cv.valueAdvantage.value, locale)})`;
}
