// ECharts, tree-shaken: only the chart types and components Fulcrum uses, drawn as SVG (crisp at
// any zoom, text selectable, no inline scripts for the CSP to refuse). Add a type here and in
// chartTypes.ts together.
import { use as registerCharts } from 'echarts/core';
import { BarChart, FunnelChart, GaugeChart, HeatmapChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, RadarComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

registerCharts([
  BarChart,
  LineChart,
  ScatterChart,
  GaugeChart,
  FunnelChart,
  HeatmapChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  MarkAreaComponent,
  RadarComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { init, type ECharts } from 'echarts/core';
