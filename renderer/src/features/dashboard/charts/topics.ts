import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { formatPercentValue } from '../../../../../shared/format/metric';
import { axisLabel, axisLine, base, COLORS, escapeHtml, grid, legend, splitLine, tooltip } from './theme';

export interface TopicRow {
  topic: string;
  count: number;
  share: number;
  cumulativeShare: number;
}

export const TOP_TOPICS = 10;

/**
 * Top ticket topics as a Pareto chart: bars of tickets per topic, most first, and the cumulative
 * share of all tickets as a line on a 0-100 % axis with the 80 % line marked.
 */
export function topicsOption(input: TopicRow[], locale?: string): ChartOption {
  const rows = [...input].sort((a, b) => b.count - a.count).slice(0, TOP_TOPICS);
  const cumulative = rows.map((r) => r.cumulativeShare);
  const shares = rows.map((r) => r.share);
  return {
    ...base,
    grid: grid({ right: 8 }),
    legend: legend(['Tickets', 'Cumulative share']),
    tooltip: {
      ...tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const row = rows[index];
        if (!row) return '';
        return `<strong>${escapeHtml(row.topic)}</strong><br/>${formatInteger(row.count, locale)} tickets (${formatPercentValue(shares[index]!, locale)})<br/>Cumulative ${formatPercentValue(cumulative[index]!, locale)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.topic),
      axisLine,
      axisTick: { show: false },
      axisLabel: { ...axisLabel, interval: 0, rotate: rows.length > 5 ? 30 : 0, width: 90, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', axisLabel: { ...axisLabel, formatter: (v: number) => formatInteger(v, locale) }, splitLine, minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: (v: number) => formatPercentValue(v, locale, 0) }, splitLine: { show: false } },
    ],
    series: [
      { name: 'Tickets', type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 36, itemStyle: { color: COLORS.accent } },
      {
        name: 'Cumulative share',
        type: 'line',
        yAxisIndex: 1,
        data: cumulative.map((v) => Math.round(v * 10) / 10),
        symbolSize: 6,
        lineStyle: { color: COLORS.secondary, width: 2 },
        itemStyle: { color: COLORS.secondary },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.muted, type: 'dotted' },
          label: { formatter: '80%', color: COLORS.muted, position: 'insideEndTop' },
          data: [{ yAxis: 80 }],
        },
      },
    ],
  };
}
