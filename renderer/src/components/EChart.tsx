import { useEffect, useRef } from 'react';
import type { ChartOption } from './chartTypes';
import { init, type ECharts } from './echarts';
import { useTheme } from '../lib/theme';

export interface ChartClick {
  seriesName?: string;
  name: string;
  dataIndex: number;
  value: unknown;
}

/**
 * The one ECharts wrapper: it creates the chart when mounted, follows its box's size, replaces the
 * option when it changes and disposes of the chart when unmounted. Charts are images to assistive
 * technology, so `label` says in words what the chart shows; the figures themselves are also in
 * the text beside each chart.
 */
export function EChart({ option, height, label, testId, onClick }: { option: ChartOption; height: number; label: string; testId?: string; onClick?: (click: ChartClick) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(undefined);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;
  // ECharts' own dark theme (axes, labels, tooltips) in dark mode; the chart is drawn anew when the theme changes.
  const theme = useTheme();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, theme === 'dark' ? 'dark' : undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.setOption(themed(optionRef.current, theme), { notMerge: true });
    instance.on('click', (params) => {
      const p = params as unknown as ChartClick;
      clickRef.current?.({ seriesName: p.seriesName, name: p.name, dataIndex: p.dataIndex, value: p.value });
    });
    // Resize on the next frame: a resize inside the observer's callback can re-trigger it in a loop.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(themed(option, theme), { notMerge: true, lazyUpdate: true });
  }, [option]); // eslint-disable-line react-hooks/exhaustive-deps -- a new theme draws the chart anew (the effect above), with the option of the moment

  return <div ref={box} className={`echart${onClick ? ' clickable' : ''}`} role="img" aria-label={label} data-testid={testId} style={{ height, width: '100%' }} />;
}

/** The card's own background shows through (the dark theme would paint its own); in dark mode, text and grid lines the option colours for a light page are turned for a dark one. */
const themed = (option: ChartOption, theme: 'light' | 'dark'): ChartOption => ({
  backgroundColor: 'transparent',
  ...(theme === 'dark' ? (forDark(option) as ChartOption) : option),
});

const TEXT = new Set(['axisLabel', 'textStyle', 'label', 'nameTextStyle', 'title', 'subtextStyle', 'rich', 'endLabel', 'detail', 'pointer', 'anchor', 'axisName']);
const LINES = new Set(['splitLine', 'axisLine', 'axisTick']);

function luminance(hex: string): number | null {
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex);
  if (!m) return null;
  const full = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark text (labels, titles) turns light and light grid lines turn dim; series colours are left alone. */
export function forDark(node: unknown, within: 'text' | 'line' | null = null): unknown {
  if (Array.isArray(node)) return node.map((item) => forDark(item, within));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const context = TEXT.has(key) ? 'text' : LINES.has(key) ? 'line' : within;
    if ((key === 'color' || key === 'textBorderColor') && typeof value === 'string') {
      const l = luminance(value);
      if (context === 'text' && l !== null && l < 0.5) out[key] = '#c9d1dc';
      else if (context === 'line' && l !== null && l > 0.7) out[key] = '#2e3845';
      else out[key] = value;
    } else out[key] = typeof value === 'object' ? forDark(value, context) : value;
  }
  return out;
}
