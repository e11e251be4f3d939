// ECharts, tree-shaken: only the chart types and components Fulcrum uses, drawn as SVG (crisp at
// any zoom, text selectable, no inline scripts for the CSP to refuse).
import { use } from 'echarts/core';
import { BarChart, GaugeChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, ScatterChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, MarkAreaComponent, SVGRenderer]);

export { init, type ECharts } from 'echarts/core';
