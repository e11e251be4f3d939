import type { ChartOption } from '../../../components/chartTypes';
import { formatInteger } from '../../../../../shared/format/format';
import { BAND_COLORS, COLORS, FONT } from '../../dashboard/charts/theme';

export interface Thresholds {
  redBelow: number;
  amberBelow: number;
}

/**
 * A 0-100 gauge whose arc is coloured by the model's bands (red below `redBelow`, amber below
 * `amberBelow`, green above), the needle at the score and the score written under it.
 */
export function healthGaugeOption(score: number, thresholds: Thresholds, locale?: string): ChartOption {
  const red = Math.min(100, Math.max(0, thresholds.redBelow)) / 100;
  const amber = Math.min(100, Math.max(thresholds.redBelow, thresholds.amberBelow)) / 100;
  return {
    animationDuration: 300,
    aria: { enabled: false },
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        startAngle: 200,
        endAngle: -20,
        radius: '100%',
        center: ['50%', '62%'],
        splitNumber: 5,
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [red, BAND_COLORS.red],
              [amber, BAND_COLORS.amber],
              [1, BAND_COLORS.green],
            ],
          },
        },
        pointer: { length: '62%', width: 5, itemStyle: { color: COLORS.text } },
        anchor: { show: true, size: 10, itemStyle: { color: COLORS.text } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { show: false },
        detail: {
          offsetCenter: [0, '34%'],
          fontSize: 26,
          fontWeight: 700,
          fontFamily: FONT,
          color: COLORS.text,
          formatter: (value: number) => formatInteger(value, locale),
        },
        data: [{ value: Math.round(score * 10) / 10, name: 'Health' }],
      },
    ],
  };
}
