import { TICKET_PRIORITIES } from '../../../../../shared/contract/tickets';
import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { formatDuration } from '../../../../../shared/format/duration';
import { formatHours } from '../../../../../shared/format/metric';
import { humanize } from '../../../lib/labels';
import type { TrendPoint } from './npsTrend';
import { axisLabel, axisLine, base, COLORS, escapeHtml, grid, legend, periodName, PRIORITY_COLORS, splitLine, tooltip } from './theme';

export type Priority = (typeof TICKET_PRIORITIES)[number];
export type SupportMeasure = 'firstResponse' | 'resolution';

export interface SlaTargets {
  firstResponseHours: number;
  resolutionHours: number;
}

/** Log-axis ticks (0.1, 1, 10, 100, 1000 hours) in the unit that reads best: "6 min", "1 hr", "100 hr". */
export function axisHours(hours: number, locale?: string): string {
  if (hours < 1) return formatDuration(hours * 60, locale);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(hours)} hr`;
}

const MEASURE_NAMES: Record<SupportMeasure, string> = { firstResponse: 'Median first response', resolution: 'Median resolution' };

/**
 * The median first-response or resolution time per period (minutes from the core, drawn in
 * hours on a log axis so a one-hour and a one-week target both read), with one dashed SLA line
 * per priority at its target. Periods without tickets are gaps.
 */
export function supportTimesOption(measure: SupportMeasure, points: TrendPoint[], targets: Partial<Record<Priority, SlaTargets>>, locale?: string): ChartOption {
  const categories = points.map((p) => periodName(p.period, locale));
  const hours = points.map((p) => (p.value.value !== null && p.value.value > 0 ? Math.round((p.value.value / 60) * 100) / 100 : '-'));
  const lines = [...TICKET_PRIORITIES]
    .reverse()
    .filter((priority) => targets[priority])
    .map((priority) => {
      const target = measure === 'firstResponse' ? targets[priority]!.firstResponseHours : targets[priority]!.resolutionHours;
      return {
        name: `${humanize(priority)} SLA`,
        yAxis: target,
        lineStyle: { color: PRIORITY_COLORS[priority], type: 'dashed' as const, width: 1.2 },
        label: { formatter: `${humanize(priority)} ${formatHours(target, locale)}`, color: PRIORITY_COLORS[priority], position: 'end' as const, fontSize: 11 },
      };
    });
  const values = [...hours.filter((h): h is number => h !== '-'), ...lines.map((l) => l.yAxis)];
  const min = values.length ? Math.min(...values) : 1;
  const max = values.length ? Math.max(...values) : 100;
  return {
    ...base,
    grid: grid({ right: 92 }),
    legend: legend([MEASURE_NAMES[measure]]),
    tooltip: {
      ...tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const point = points[index];
        if (!point) return '';
        const v = point.value;
        const head = `<strong>${escapeHtml(categories[index]!)}</strong>`;
        if (v.value === null) return `${head}<br/>${escapeHtml(v.reason ?? 'No tickets')}`;
        return `${head}<br/>${MEASURE_NAMES[measure]} ${formatDuration(v.value, locale)}${v.approximate ? ' (approximate)' : ''}<br/>n = ${formatInteger(v.n, locale)} tickets`;
      },
    },
    xAxis: { type: 'category', data: categories, boundaryGap: false, axisLine, axisLabel, axisTick: { show: false } },
    yAxis: {
      type: 'log',
      logBase: 10,
      min: 10 ** Math.floor(Math.log10(Math.max(min, 0.01) * 0.8)),
      max: 10 ** Math.ceil(Math.log10(Math.max(max, 0.01) * 1.25)),
      axisLabel: { ...axisLabel, formatter: (value: number) => axisHours(value, locale) },
      splitLine,
    },
    series: [
      {
        name: MEASURE_NAMES[measure],
        type: 'line',
        data: hours,
        connectNulls: false,
        symbolSize: 6,
        lineStyle: { width: 2, color: measure === 'firstResponse' ? COLORS.accent : COLORS.secondary },
        itemStyle: { color: measure === 'firstResponse' ? COLORS.accent : COLORS.secondary },
        markLine: { silent: true, symbol: 'none', data: lines },
      },
    ],
  };
}
