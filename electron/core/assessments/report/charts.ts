// The report's charts, drawn by ECharts' server-side SVG renderer so the HTML carries them inline
// (no script, no network, the same picture in Chromium's and Electron's PDF).
import * as echarts from 'echarts';
import type { AssessmentDetail, Results } from '../../../../shared/contract/assessments';

/** Long dimension names on two lines, so the radar keeps its labels inside the picture. */
export const wrapName = (name?: string) => (name && name.length > 14 && name.includes(' ') ? name.replace(' ', '\n') : (name ?? ''));

const COLORS = { current: '#2554c7', target: '#1a7f4b', previous: '#b7791f' };

function toSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function radarOption(results: Results, previousLabel: string | null): echarts.EChartsOption {
  const series: { name: string; value: (number | null)[]; color: string; dashed?: boolean }[] = [
    { name: 'Current', value: results.dimensions.map((d) => d.score), color: COLORS.current },
  ];
  if (results.dimensions.some((d) => d.targetScore !== null)) series.push({ name: 'Target', value: results.dimensions.map((d) => d.targetScore ?? d.score), color: COLORS.target, dashed: true });
  if (previousLabel) series.push({ name: previousLabel, value: results.dimensions.map((d) => d.previousScore), color: COLORS.previous, dashed: true });
  return {
    legend: { bottom: 0, data: series.map((s) => s.name) },
    radar: { indicator: results.dimensions.map((d) => ({ name: d.name, max: 100, min: 0 })), radius: '62%', center: ['50%', '48%'], axisName: { color: '#1c2430', fontSize: 12, formatter: wrapName, lineHeight: 15 } },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({
          name: s.name,
          // A dimension nobody scored is drawn at the centre; the tables say "not scored".
          value: s.value.map((v) => (v === null ? 0 : Math.round(v))),
          lineStyle: { color: s.color, width: 2, type: s.dashed ? 'dashed' : 'solid' },
          itemStyle: { color: s.color },
          areaStyle: s.name === 'Current' ? { color: 'rgba(37, 84, 199, 0.15)' } : undefined,
        })),
      },
    ],
  };
}

export function heatmapOption(detail: AssessmentDetail): echarts.EChartsOption {
  const { framework } = detail.template;
  const items = framework.dimensions.flatMap((d) => d.items);
  const levels = framework.scale.levels;
  const data = detail.answers.flatMap((a) => {
    const x = detail.respondents.findIndex((r) => r.id === a.respondentId);
    const y = items.findIndex((i) => i.key === a.itemKey);
    return x < 0 || y < 0 || a.level === null ? [] : [[x, y, a.level]];
  });
  return {
    grid: { left: 150, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', data: detail.respondents.map((r) => r.name), axisLabel: { interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: items.map((i) => i.key), inverse: true, axisLabel: { fontSize: 10 }, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: levels.map((l, i) => ({ value: l.value, label: `${l.value} ${l.label}`, color: ['#fde2e1', '#fbd38d', '#fef3c7', '#bfe3cf', '#5fb88a', '#2f855a', '#276749', '#22543d', '#1c4532', '#173d2b'][Math.round((i / Math.max(1, levels.length - 1)) * 4)] })),
    },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: 10 } }],
  };
}

export function radarSvg(results: Results, previousLabel: string | null): string {
  return toSvg(radarOption(results, previousLabel), 640, 420);
}

export function heatmapSvg(detail: AssessmentDetail): string {
  const rows = detail.template.framework.dimensions.reduce((n, d) => n + d.items.length, 0);
  return toSvg(heatmapOption(detail), 640, Math.max(220, rows * 20 + 90));
}
