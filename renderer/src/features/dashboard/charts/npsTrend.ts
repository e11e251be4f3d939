import type { MetricValueDto } from '../../../../../shared/contract/metrics';
import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { axisLabel, axisLine, base, COLORS, escapeHtml, grid, legend, periodName, splitLine, tooltip } from './theme';

export interface TrendPoint {
  period: string;
  value: MetricValueDto;
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * NPS per period with its 95 % interval as a band: an invisible "low" line and the band's height
 * (high − low) stacked on it, so the area fills between low and high, also below zero. Periods
 * without a figure are gaps, not zeros; points resting on few answers are drawn hollow in amber.
 */
export function npsTrendOption(points: TrendPoint[], locale?: string): ChartOption {
  const categories = points.map((p) => periodName(p.period, locale));
  const has = (v: MetricValueDto) => v.value !== null && Number.isFinite(v.value);
  const hasBand = (v: MetricValueDto) => has(v) && v.low !== undefined && v.high !== undefined;
  const low = points.map((p) => (hasBand(p.value) ? round(p.value.low!) : '-'));
  const band = points.map((p) => (hasBand(p.value) ? round(p.value.high! - p.value.low!) : '-'));
  const nps = points.map((p) =>
    has(p.value)
      ? {
          value: round(p.value.value!),
          symbol: p.value.warning ? 'emptyCircle' : 'circle',
          itemStyle: { color: p.value.warning ? COLORS.warn : COLORS.accent },
        }
      : '-',
  );
  const axisRange = npsAxis(points);
  return {
    ...base,
    grid: grid(),
    legend: legend(['NPS', '95% interval']),
    tooltip: {
      ...tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const point = points[index];
        if (!point) return '';
        const v = point.value;
        const head = `<strong>${escapeHtml(categories[index]!)}</strong>`;
        if (!has(v)) return `${head}<br/>No NPS: ${escapeHtml(v.reason ?? 'no answers')}`;
        const interval = hasBand(v) ? ` (95% CI ${formatInteger(v.low!, locale)} to ${formatInteger(v.high!, locale)})` : '';
        const warning = v.warning ? `<br/><span style="color:${COLORS.warn}">⚠ ${escapeHtml(v.warning)}</span>` : '';
        return `${head}<br/>NPS ${formatInteger(v.value!, locale)}${interval}<br/>n = ${formatInteger(v.n, locale)} answers${warning}`;
      },
    },
    xAxis: { type: 'category', data: categories, boundaryGap: false, axisLine, axisLabel, axisTick: { show: false } },
    yAxis: { type: 'value', ...axisRange, axisLabel, splitLine },
    series: [
      {
        name: 'low',
        type: 'line',
        data: low,
        stack: 'interval',
        stackStrategy: 'all',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        silent: true,
        tooltip: { show: false },
      },
      {
        name: '95% interval',
        type: 'line',
        data: band,
        stack: 'interval',
        stackStrategy: 'all',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: COLORS.accentBand },
        itemStyle: { color: COLORS.accentBand },
        silent: true,
      },
      {
        name: 'NPS',
        type: 'line',
        data: nps,
        symbolSize: 7,
        connectNulls: false,
        lineStyle: { width: 2, color: COLORS.accent },
        itemStyle: { color: COLORS.accent },
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: COLORS.axis, type: 'solid' },
          data: [{ yAxis: 0 }],
        },
      },
    ],
  };
}

/**
 * The y-axis: round steps (10, 20, 25 or 50 points) that cover every value and interval, within
 * NPS's -100..100, so the labels never crowd at an odd edge.
 */
export function npsAxis(points: TrendPoint[]): { min: number; max: number; interval: number } {
  const values = points.flatMap((p) => [p.value.value, p.value.low, p.value.high]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const range = Math.max(hi - lo, 1);
  const interval = [10, 20, 25, 50].find((step) => range / step <= 6) ?? 50;
  return { min: Math.max(-100, Math.floor(lo / interval) * interval), max: Math.min(100, Math.ceil(hi / interval) * interval), interval };
}

/** In words, for screen readers: the latest figure and the change over the chart. */
export function npsTrendSummary(points: TrendPoint[], locale?: string): string {
  const present = points.filter((p) => p.value.value !== null);
  if (present.length === 0) return 'NPS trend: no answers in this period.';
  const first = present[0]!;
  const last = present[present.length - 1]!;
  return `NPS trend from ${periodName(first.period, locale)} (${formatInteger(first.value.value!, locale)}) to ${periodName(last.period, locale)} (${formatInteger(last.value.value!, locale)}).`;
}
