import { useEffect, useRef } from 'react';
import type { ChartOption } from './chartTypes';
import { init, type ECharts } from './echarts';
import { useTheme } from '../lib/theme';
import { themeOption } from './chartColors';

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
    // The e2e tests read the drawn option from the instance (its colours in the theme), not from pixels.
    Object.defineProperty(element, 'fulcrumChart', { value: instance, configurable: true });
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

/** Reads the page's CSS variables as they are now (the dark values while <html data-theme=dark>). */
const readVariable = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name);

/**
 * The card's own background shows through (the dark theme would paint its own), and every colour
 * of the option is the theme's (chartColors.ts: the CSS variables of styles.css and themeColors.css).
 */
const themed = (option: ChartOption, theme: 'light' | 'dark'): ChartOption => ({
  backgroundColor: 'transparent',
  ...(themeOption(option, theme, readVariable) as ChartOption),
});
