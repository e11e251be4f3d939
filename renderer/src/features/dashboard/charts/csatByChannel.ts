import type { MetricValueDto } from '../../../../../shared/contract/metrics';
import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { formatPercentValue } from '../../../../../shared/format/metric';
import { channelLabel } from '../../../lib/labels';
import { axisLabel, axisLine, base, COLORS, escapeHtml, grid, splitLine, tooltip } from './theme';

export interface ChannelRow {
  channel: string;
  volume: number;
  csat: MetricValueDto;
}

/** The channels worth a bar: any with tickets or answers, busiest first. */
export function channelRows(rows: ChannelRow[]): ChannelRow[] {
  return rows.filter((r) => r.volume > 0 || r.csat.n > 0).sort((a, b) => b.volume - a.volume || a.channel.localeCompare(b.channel));
}

/**
 * CSAT per support channel as horizontal bars (busiest channel on top), each labelled with its
 * value and n. A channel without answers has no bar and says so in its label, never a 0 % bar.
 */
export function csatByChannelOption(input: ChannelRow[], locale?: string): ChartOption {
  const rows = channelRows(input);
  const has = (v: MetricValueDto) => v.value !== null && Number.isFinite(v.value);
  const names = rows.map((r) => (has(r.csat) ? channelLabel(r.channel) : `${channelLabel(r.channel)} (no answers)`));
  return {
    ...base,
    grid: grid({ top: 8, right: 96 }),
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (params: unknown) => {
        const row = rows[(params as { dataIndex: number }).dataIndex];
        if (!row) return '';
        const v = row.csat;
        const head = `<strong>${escapeHtml(channelLabel(row.channel))}</strong> · ${formatInteger(row.volume, locale)} tickets`;
        if (!has(v)) return `${head}<br/>No CSAT answers`;
        const interval = v.low !== undefined && v.high !== undefined ? ` (95% CI ${formatPercentValue(v.low, locale)} – ${formatPercentValue(v.high, locale)})` : '';
        return `${head}<br/>CSAT ${formatPercentValue(v.value!, locale)}${interval}<br/>n = ${formatInteger(v.n, locale)} answers${v.warning ? `<br/>⚠ ${escapeHtml(v.warning)}` : ''}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: (v: number) => formatPercentValue(v, locale, 0) }, splitLine },
    yAxis: { type: 'category', data: names, inverse: true, axisLine, axisLabel: { ...axisLabel, color: COLORS.text }, axisTick: { show: false } },
    series: [
      {
        name: 'CSAT',
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((r) => (has(r.csat) ? { value: Math.round(r.csat.value! * 10) / 10, itemStyle: { color: r.csat.warning ? '#8fa6e0' : COLORS.accent } } : '-')),
        label: {
          show: true,
          position: 'right',
          color: COLORS.muted,
          formatter: (params: unknown) => {
            const row = rows[(params as { dataIndex: number }).dataIndex];
            return row && has(row.csat) ? `${formatPercentValue(row.csat.value!, locale, 0)} · n ${formatInteger(row.csat.n, locale)}` : '';
          },
        },
      },
    ],
  };
}
