import type { ChartOption } from '../../components/chartTypes';
import { axisLabel, axisLine, base, COLORS, escapeHtml, periodName, splitLine, tooltip } from '../dashboard/charts/theme';

/**
 * The emotion line under the stage columns: mean satisfaction 0-100 per stage. The plot has no side
 * margins and a category axis with half a column at each end, so each point sits under the middle
 * of its stage's column. Stages without answers are gaps.
 */
export function emotionLineOption(stages: { name: string; satisfaction: number | null; n: number }[]): ChartOption {
  return {
    ...base,
    grid: { left: 0, right: 0, top: 14, bottom: 8, outerBoundsMode: 'none' },
    tooltip: {
      ...tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const stage = stages[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        if (!stage) return '';
        const value = stage.satisfaction === null ? 'no answers in the period' : `satisfaction ${Math.round(stage.satisfaction)} of 100`;
        return `<strong>${escapeHtml(stage.name)}</strong><br/>${value}<br/>n = ${stage.n} answers and sentiments`;
      },
    },
    xAxis: { type: 'category', data: stages.map((s) => s.name), boundaryGap: true, show: false },
    yAxis: { type: 'value', min: 0, max: 100, show: false, splitLine },
    series: [
      {
        type: 'line',
        name: 'Satisfaction',
        data: stages.map((s) => (s.satisfaction === null ? '-' : Math.round(s.satisfaction))),
        smooth: 0.3,
        connectNulls: true,
        symbolSize: 8,
        lineStyle: { width: 3, color: COLORS.accent },
        itemStyle: { color: COLORS.accent },
        label: { show: true, position: 'top', color: COLORS.text, fontSize: 11 },
        areaStyle: { color: 'rgba(37, 84, 199, 0.08)' },
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: COLORS.axis, type: 'dashed' }, data: [{ yAxis: 50 }] },
      },
    ],
  };
}

/** Adherence per month: the share of interactions through willing channels. */
export function adherenceTrendOption(points: { month: string; share: number | null; n: number }[], locale?: string): ChartOption {
  const categories = points.map((p) => periodName(p.month, locale));
  return {
    ...base,
    grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const point = points[index]!;
        const value = point.share === null ? 'no interactions' : `${Math.round(point.share)} % through willing channels`;
        return `<strong>${escapeHtml(categories[index]!)}</strong><br/>${value}<br/>n = ${point.n} interactions`;
      },
    },
    xAxis: { type: 'category', data: categories, axisLine, axisLabel },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value} %' }, splitLine },
    series: [
      {
        type: 'line',
        name: 'Adherence',
        data: points.map((p) => (p.share === null ? '-' : Math.round(p.share * 10) / 10)),
        symbolSize: 6,
        lineStyle: { width: 2, color: COLORS.accent },
        itemStyle: { color: COLORS.accent },
      },
    ],
  };
}
