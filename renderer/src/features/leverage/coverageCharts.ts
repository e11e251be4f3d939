// Option builders for the coverage tab: pure, so the tests check them without loading ECharts.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { Coverage } from '../../../../shared/contract/leverage';
import { segmentLabel } from '../../lib/labels';

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;
export type SupplyOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** Colours of the ready counts: a gap is red, then greens that darken with depth. */
export const COVERAGE_PIECES = [
  { value: 0, label: 'gap (0)', color: '#f4c7c3' },
  { min: 1, max: 1, label: '1', color: '#cfe8d8' },
  { min: 2, max: 3, label: '2-3', color: '#8fcca6' },
  { min: 4, label: '4+', color: '#3f9a68' },
];

export const columnLabel = (c: { segment: string; region: string }) => `${segmentLabel(c.segment)} · ${c.region}`;

/** Pixels the heatmap needs: a row per industry plus room for the axis labels and the legend. */
export const heatmapHeight = (coverage: Pick<Coverage, 'industries'>) => 110 + 30 * coverage.industries.length;

/** Industries down, segment · region across, the ready count in each cell that has customers, deals or references. */
export function coverageHeatmapOption(coverage: Coverage): HeatmapOption {
  const columns = coverage.columns.map(columnLabel);
  const x = new Map(coverage.columns.map((c, i) => [`${c.segment}\u0000${c.region}`, i]));
  const y = new Map(coverage.industries.map((industry, i) => [industry, i]));
  const data = coverage.cells.map((c) => [x.get(`${c.segment}\u0000${c.region}`)!, y.get(c.industry)!, c.ready, c.openDeals]);
  return {
    grid: { left: 130, right: 16, top: 8, bottom: 92 },
    tooltip: {
      formatter: (params: unknown) => {
        const [xi, yi, ready, open] = (params as { value: number[] }).value;
        return `${coverage.industries[yi!]} · ${columns[xi!]}<br/>${ready} ready reference${ready === 1 ? '' : 's'} · ${open} open deal${open === 1 ? '' : 's'}`;
      },
    },
    xAxis: { type: 'category', data: columns, axisLabel: { rotate: 35, interval: 0, fontSize: 11 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: coverage.industries, inverse: true, axisLabel: { fontSize: 11, width: 120, overflow: 'truncate' }, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      pieces: COVERAGE_PIECES,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11 },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Ready references',
        data,
        label: { show: true, fontSize: 11, formatter: (p: unknown) => String((p as { value: number[] }).value[2]) },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

/** Supply (asks the active references can still take) beside demand (open requests + forecast) per segment. */
export function supplyDemandOption(segments: { segment: string; supply: number; openRequests: number; forecast: number }[]): SupplyOption {
  return {
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, itemWidth: 12, itemHeight: 10 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? (Math.round(v * 10) / 10).toString() : String(v)) },
    xAxis: { type: 'category', data: segments.map((s) => segmentLabel(s.segment)) },
    yAxis: { type: 'value', name: 'asks', minInterval: 1 },
    series: [
      { type: 'bar', name: 'Supply', data: segments.map((s) => s.supply), itemStyle: { color: '#3f9a68' } },
      { type: 'bar', name: 'Open requests', stack: 'demand', data: segments.map((s) => s.openRequests), itemStyle: { color: '#2554c7' } },
      { type: 'bar', name: 'Forecast', stack: 'demand', data: segments.map((s) => Math.round(s.forecast * 10) / 10), itemStyle: { color: '#9db5f5' } },
    ],
  };
}
