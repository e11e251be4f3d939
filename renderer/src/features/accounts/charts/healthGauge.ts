import type { ChartOption } from '../../../components/chartTypes';
import { formatMetric } from '../../../../../shared/format/metric';
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
          // The health definition's unit, as beside it: rounding a rounded value once read 51 next to 50 (50.47 -> 50.5 -> 51).
          formatter: (value: number) => formatMetric(value, 'score', { locale }),
        },
        data: [{ value: score, name: 'Health' }],
      },
    ],
  };
}
