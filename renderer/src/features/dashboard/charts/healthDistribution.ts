import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { formatPercentValue } from '../../../../../shared/format/metric';
import { axisLabel, axisLine, base, BAND_COLORS, COLORS, grid, splitLine, tooltip } from './theme';

export type Band = keyof typeof BAND_COLORS;
export const BANDS: { band: Band; label: string }[] = [
  { band: 'red', label: 'Red' },
  { band: 'amber', label: 'Amber' },
  { band: 'green', label: 'Green' },
  { band: 'insufficient', label: 'Insufficient data' },
];

/** Accounts per health band, one bar each in its band's colour, labelled with count and share. */
export function healthDistributionOption(bands: Record<Band, number>, locale?: string): ChartOption {
  const total = BANDS.reduce((sum, b) => sum + bands[b.band], 0);
  const share = (count: number) => (total === 0 ? '' : ` (${formatPercentValue((count / total) * 100, locale, 0)})`);
  return {
    ...base,
    grid: grid({ top: 24 }),
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (params: unknown) => {
        const b = BANDS[(params as { dataIndex: number }).dataIndex]!;
        return `<strong>${b.label}</strong><br/>${formatInteger(bands[b.band], locale)} accounts${share(bands[b.band])}`;
      },
    },
    xAxis: { type: 'category', data: BANDS.map((b) => b.label), axisLine, axisTick: { show: false }, axisLabel: { ...axisLabel, color: COLORS.text, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    series: [
      {
        name: 'Accounts',
        type: 'bar',
        barMaxWidth: 56,
        data: BANDS.map((b) => ({ value: bands[b.band], itemStyle: { color: BAND_COLORS[b.band], borderRadius: [3, 3, 0, 0] } })),
        label: {
          show: true,
          position: 'top',
          color: COLORS.text,
          formatter: (params: unknown) => {
            const b = BANDS[(params as { dataIndex: number }).dataIndex]!;
            return `${formatInteger(bands[b.band], locale)}${share(bands[b.band])}`;
          },
        },
      },
    ],
  };
}
