// Option builders for the assessment charts (pure, unit-tested): the screen draws them with the
// app's ECharts, the report renders the same options to SVG in the core, so both show one picture.
import type { ComposeOption } from 'echarts/core';
import type { HeatmapSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, RadarComponentOption, TooltipComponentOption, VisualMapComponentOption, GridComponentOption } from 'echarts/components';
import type { AssessmentDetail, Comparison, Results } from '../contract/assessments';

export type AssessmentChartOption = ComposeOption<
  RadarSeriesOption | HeatmapSeriesOption | LegendComponentOption | RadarComponentOption | TooltipComponentOption | VisualMapComponentOption | GridComponentOption
>;

/** Long dimension names on two lines, so the radar keeps its labels inside its box. */
export const wrapName = (name?: string) => (name && name.length > 14 && name.includes(' ') ? name.replace(' ', '\n') : (name ?? ''));

export const SERIES_COLORS = { current: '#2554c7', target: '#1a7f4b', previous: '#b7791f', benchmark: '#7b4bb7' };
/** From weak (warm) to strong (green); picked by the level's position on the scale. */
const LEVEL_COLORS = ['#f8b4b4', '#fbd38d', '#fef3c7', '#bfe3cf', '#5fb88a'];

export interface RadarLine {
  name: string;
  values: (number | null)[];
  color: string;
  dashed?: boolean;
  filled?: boolean;
}

/** The radar lines of a result: current, target (when any is set) and the previous assessment (when there is one). */
export function resultLines(results: Results): RadarLine[] {
  const lines: RadarLine[] = [{ name: 'Current', values: results.dimensions.map((d) => d.score), color: SERIES_COLORS.current, filled: true }];
  if (results.dimensions.some((d) => d.targetScore !== null))
    lines.push({ name: 'Target', values: results.dimensions.map((d) => d.targetScore ?? d.score), color: SERIES_COLORS.target, dashed: true });
  if (results.previous)
    lines.push({ name: `Previous (${results.previous.assessedOn})`, values: results.dimensions.map((d) => d.previousScore), color: SERIES_COLORS.previous, dashed: true });
  return lines;
}

/** This client against the mean of the other clients (the benchmark). */
export function benchmarkLines(comparison: Comparison): RadarLine[] {
  const current = comparison.rows.find((r) => r.current);
  return [
    { name: 'This client', values: comparison.dimensions.map((d) => current?.dimensions[d.dimensionKey] ?? null), color: SERIES_COLORS.current, filled: true },
    { name: 'Benchmark (other clients)', values: comparison.dimensions.map((d) => comparison.benchmark[d.dimensionKey] ?? null), color: SERIES_COLORS.benchmark, dashed: true },
  ];
}

export function radarOption(dimensions: string[], lines: RadarLine[]): AssessmentChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: lines.map((l) => l.name) },
    radar: {
      indicator: dimensions.map((name) => ({ name, min: 0, max: 100 })),
      radius: '62%',
      center: ['50%', '47%'],
      axisName: { color: '#1c2430', formatter: wrapName, lineHeight: 15 },
    },
    series: [
      {
        type: 'radar',
        data: lines.map((line) => ({
          name: line.name,
          // Unscored dimensions sit at the centre; the table beside the chart says "not scored".
          value: line.values.map((v) => (v === null ? 0 : Math.round(v))),
          lineStyle: { color: line.color, width: 2, type: line.dashed ? 'dashed' : 'solid' },
          itemStyle: { color: line.color },
          areaStyle: line.filled ? { color: 'rgba(37, 84, 199, 0.15)' } : undefined,
        })),
      },
    ],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function levelColor(index: number, count: number): string {
  return LEVEL_COLORS[Math.round((index / Math.max(1, count - 1)) * (LEVEL_COLORS.length - 1))]!;
}

/** Items (rows) × respondents (columns), each cell the level given; non-answers stay blank. */
export function heatmapOption(detail: Pick<AssessmentDetail, 'template' | 'respondents' | 'answers'>): AssessmentChartOption {
  const { framework } = detail.template;
  const items = framework.dimensions.flatMap((d) => d.items);
  // Rows are named by their place and the start of their statement ("1.2 We measure effort…"), never by their key.
  const names = framework.dimensions.flatMap((d, di) =>
    d.items.map((item, ii) => `${di + 1}.${ii + 1} ${item.statement.length > 22 ? `${item.statement.slice(0, 21).trimEnd()}…` : item.statement}`),
  );
  const levels = framework.scale.levels;
  const data = detail.answers.flatMap((a) => {
    const x = detail.respondents.findIndex((r) => r.id === a.respondentId);
    const y = items.findIndex((i) => i.key === a.itemKey);
    return x < 0 || y < 0 || a.level === null ? [] : [[x, y, a.level] as [number, number, number]];
  });
  return {
    tooltip: {
      position: 'top',
      formatter: (params: unknown) => {
        const [x, y, level] = (params as { value: [number, number, number] }).value;
        const label = levels.find((l) => l.value === level)?.label ?? '';
        // The tooltip is HTML: names and statements are the user's text.
        return `${escapeHtml(detail.respondents[x]?.name ?? '')}<br>${escapeHtml(items[y]?.statement ?? '')}<br><strong>${level} ${escapeHtml(label)}</strong>`;
      },
    },
    grid: { left: 170, right: 16, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: detail.respondents.map((r) => r.name), axisLabel: { interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 }, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: levels.map((l, i) => ({ value: l.value, label: `${l.value} ${l.label}`, color: levelColor(i, levels.length) })),
    },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  };
}

export function heatmapHeight(detail: Pick<AssessmentDetail, 'template'>): number {
  const rows = detail.template.framework.dimensions.reduce((n, d) => n + d.items.length, 0);
  return Math.max(220, rows * 24 + 90);
}
