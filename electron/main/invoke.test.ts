import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../core';
import { handleInvoke, type InvokeContext } from './invoke';

const rendererDir = '/app/out/renderer';
const ownUrl = `app://fulcrum/index.html#/portfolio`;

function context(dispatch: Dispatch | undefined): InvokeContext {
  return { origin: { rendererDir }, dispatch: () => dispatch, log: vi.fn() };
}

describe('handleInvoke', () => {
  it('forwards a trusted call to the open workspace', async () => {
    const dispatch = vi.fn<Dispatch>(async (channel, input) => ({ ok: true, value: { channel, input } }));
    const result = await handleInvoke(context(dispatch), ownUrl, 'accounts.list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { channel: 'accounts.list', input: { limit: 5 } } });
  });

  it.each([['http://evil.example/'], ['devtools://devtools/bundled/devtools_app.html'], [undefined]])('refuses a call from %s without dispatching', async (frameUrl) => {
    const dispatch = vi.fn<Dispatch>();
    const result = await handleInvoke(context(dispatch), frameUrl, 'accounts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([[42], [undefined], [{ channel: 'accounts.list' }]])('refuses the channel %j', async (channel) => {
    const dispatch = vi.fn<Dispatch>();
    expect(await handleInvoke(context(dispatch), ownUrl, channel, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers with an error while no workspace is open', async () => {
    const result = await handleInvoke(context(undefined), ownUrl, 'accounts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/no workspace/) } });
  });

  it('never throws, even when dispatch does', async () => {
    const ctx = context(async () => {
      throw new Error('database is closed');
    });
    const result = await handleInvoke(ctx, ownUrl, 'accounts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(ctx.log).toHaveBeenCalled();
  });
});
