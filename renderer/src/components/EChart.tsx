import { useEffect, useRef } from 'react';
import type { ChartOption } from './chartTypes';
import { init, type ECharts } from './echarts';

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

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
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
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={box} className={`echart${onClick ? ' clickable' : ''}`} role="img" aria-label={label} data-testid={testId} style={{ height, width: '100%' }} />;
}
