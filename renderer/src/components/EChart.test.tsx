import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn(), on: vi.fn() };
const init = vi.fn((..._args: unknown[]) => chart);
vi.mock('./echarts', () => ({ init: (...args: unknown[]) => init(...args) }));

let observed: ResizeObserverCallback | undefined;
const disconnect = vi.fn();
class FakeResizeObserver {
  constructor(callback: ResizeObserverCallback) {
    observed = callback;
  }
  observe() {}
  disconnect = disconnect;
}

const { EChart } = await import('./EChart');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('EChart', () => {
  let container: HTMLDivElement;
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (f(0), 1));
    container = document.createElement('div');
    document.body.append(container);
    vi.clearAllMocks();
  });
  afterEach(() => {
    container.remove();
    vi.unstubAllGlobals();
  });

  it('creates the chart as SVG, sets the option, follows resizes and disposes when unmounted', async () => {
    const root = createRoot(container);
    const first = { series: [{ type: 'bar' as const, data: [1] }] };
    await act(async () => root.render(<EChart option={first} height={200} label="A bar" testId="chart" />));
    expect(init).toHaveBeenCalledTimes(1);
    expect(init.mock.calls[0]![2]).toEqual({ renderer: 'svg' });
    expect(chart.setOption).toHaveBeenLastCalledWith({ backgroundColor: 'transparent', ...first }, { notMerge: true, lazyUpdate: true });
    const box = container.querySelector('[data-testid=chart]')!;
    expect(box.getAttribute('role')).toBe('img');
    expect(box.getAttribute('aria-label')).toBe('A bar');
    expect((box as HTMLElement).style.height).toBe('200px');

    act(() => observed?.([], {} as ResizeObserver));
    expect(chart.resize).toHaveBeenCalledTimes(1);

    const second = { series: [{ type: 'bar' as const, data: [2] }] };
    await act(async () => root.render(<EChart option={second} height={200} label="A bar" testId="chart" />));
    expect(chart.setOption).toHaveBeenLastCalledWith({ backgroundColor: 'transparent', ...second }, { notMerge: true, lazyUpdate: true });
    expect(init).toHaveBeenCalledTimes(1);

    await act(async () => root.unmount());
    expect(disconnect).toHaveBeenCalled();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
  });
});

describe('charts in the dark theme', () => {
  // themeColors.css and theme.css as the page has them in dark mode.
  const dark: Record<string, string> = { '--text': '#e4e9f0', '--muted': '#a9b4c2', '--panel': '#171d26', '--accent': '#8fb0ff', '--c-edf0f3-s': '#1d242e' };
  const read = (name: string) => dark[name] ?? '';

  it('take each literal colour’s CSS variable (semantic, then themeColors.css), else turn dark text light and light lines dim', async () => {
    const { themeOption } = await import('./chartColors');
    const option = {
      tooltip: { backgroundColor: '#ffffff', textStyle: { color: '#1c2430' } },
      xAxis: { axisLabel: { color: '#5b6675' }, splitLine: { lineStyle: { color: '#edf0f3' } }, axisLine: { lineStyle: { color: '#e9eef5' } } },
      color: ['#2554c7', '#e07b00'],
      series: [{ type: 'bar', itemStyle: { color: '#2554c7' }, label: { color: '#333333' } }],
    };
    expect(themeOption(option, 'dark', read)).toEqual({
      tooltip: { backgroundColor: '#171d26', textStyle: { color: '#e4e9f0' } },
      xAxis: { axisLabel: { color: '#a9b4c2' }, splitLine: { lineStyle: { color: '#1d242e' } }, axisLine: { lineStyle: { color: '#2e3845' } } },
      color: ['#8fb0ff', '#e07b00'],
      series: [{ type: 'bar', itemStyle: { color: '#8fb0ff' }, label: { color: '#c9d1dc' } }],
    });
  });

  it('leave the light theme’s literals as they are when the variables say the same or nothing', async () => {
    const { themeOption } = await import('./chartColors');
    const option = { tooltip: { backgroundColor: '#ffffff' }, series: [{ label: { color: '#333333' } }] };
    expect(themeOption(option, 'light', (name) => (name === '--panel' ? '#ffffff' : ''))).toEqual(option);
  });
});
