import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coreStatus } from '../api/coreStatus';
import { CoreBanner } from './CoreBanner';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('CoreBanner', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    // The desktop's bridge: events come through window.fulcrum.on (none are sent here).
    window.fulcrum = { invoke: () => Promise.resolve({ ok: true, value: null }), on: () => () => {} };
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<CoreBanner />));
  });
  afterEach(() => {
    act(() => coreStatus.dismiss());
    act(() => root.unmount());
    container.remove();
    delete window.fulcrum;
  });
  const banner = () => container.querySelector<HTMLElement>('[data-testid="core-banner"]');

  it('shows a busy workspace with the core’s message, retries every busy read, and goes when they answer', () => {
    expect(banner()).toBeNull();
    const first = {};
    const second = {};
    const retryFirst = vi.fn();
    const retrySecond = vi.fn();
    const message = 'the workspace is busy: an import is running in another Fulcrum (since 10:04 UTC); try again when it has finished';
    act(() => coreStatus.busy(first, message, retryFirst));
    act(() => coreStatus.busy(second, message, retrySecond));
    expect(banner()?.dataset.kind).toBe('busy');
    expect(banner()?.textContent).toContain('an import is running in another Fulcrum');
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="core-banner-retry"]')!.click());
    expect(retryFirst).toHaveBeenCalledOnce();
    expect(retrySecond).toHaveBeenCalledOnce();
    act(() => coreStatus.settled(first));
    expect(banner()).not.toBeNull();
    act(() => coreStatus.settled(second));
    expect(banner()).toBeNull();
  });

  it('says the core stopped, then that it was started again, until dismissed', () => {
    act(() => coreStatus.onEvent({ name: 'core.stopped' }));
    expect(banner()?.textContent).toContain('starting it again');
    act(() => coreStatus.onEvent({ name: 'core.restarted' }));
    expect(banner()?.textContent).toContain('was started again');
    act(() => coreStatus.onEvent({ name: 'accounts.changed' }));
    expect(banner()?.dataset.kind).toBe('restarted');
    act(() => [...container.querySelectorAll('button')].find((button) => button.textContent === 'Dismiss')!.click());
    expect(banner()).toBeNull();
  });
});
