import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { listen, send } from './transport';

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((message: { data: string }) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

it('shares one event stream among all listeners and closes it after the last leaves', () => {
  const a = vi.fn();
  const b = vi.fn();
  const stopA = listen(a);
  const stopB = listen(b);
  expect(FakeEventSource.opened).toHaveLength(1);
  const source = FakeEventSource.opened[0]!;
  expect(source.url).toBe('/events');
  source.onmessage?.({ data: JSON.stringify({ name: 'accounts.changed', ids: [3] }) });
  expect(a).toHaveBeenCalledWith({ name: 'accounts.changed', ids: [3] });
  expect(b).toHaveBeenCalledTimes(1);
  stopA();
  expect(source.closed).toBe(false);
  source.onmessage?.({ data: JSON.stringify({ name: 'health.changed' }) });
  expect(a).toHaveBeenCalledTimes(1);
  expect(b).toHaveBeenCalledTimes(2);
  stopB();
  expect(source.closed).toBe(true);
  listen(a)();
  expect(FakeEventSource.opened).toHaveLength(2);
});

it('says to open the launch address when the bridge answers 401, whatever the body', async () => {
  const fetch = vi.fn(async () => new Response('', { status: 401 }));
  vi.stubGlobal('fetch', fetch);
  const result = await send('accounts.list', {});
  expect(fetch).toHaveBeenCalledWith('/rpc/accounts.list', expect.objectContaining({ method: 'POST' }));
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(!result.ok && result.error.message).toContain('open Fulcrum from the address printed at start');
});
