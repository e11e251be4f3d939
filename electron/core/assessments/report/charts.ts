// The report's charts, drawn by ECharts' server-side SVG renderer so the HTML carries them inline
// (no script, no network, the same picture in Chromium's and Electron's PDF). The options are the
// screen's own (shared/charts/assessments.ts).
import type * as ECharts from 'echarts';
import { heatmapHeight, heatmapOption, radarOption, resultLines } from '../../../../shared/charts/assessments';
import type { AssessmentDetail, Results } from '../../../../shared/contract/assessments';

/** The echarts module, loaded by the caller (lib/lazyModules.ts) so only a report pays for it. */
export type Charts = typeof ECharts;

function toSvg(echarts: Charts, option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' }, ...option, tooltip: undefined });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Dimensions: current, target (when set) and the previous assessment (when there is one). */
export function radarSvg(echarts: Charts, results: Results): string {
  return toSvg(
    echarts,
    radarOption(
      results.dimensions.map((d) => d.name),
      resultLines(results),
    ),
    640,
    420,
  );
}

/** Items × respondents, each cell the level given. */
export function heatmapSvg(echarts: Charts, detail: AssessmentDetail): string {
  return toSvg(echarts, heatmapOption(detail), 640, heatmapHeight(detail));
}
