// What the one IPC handler does with a call, without 'electron': sender check, channel check,
// forward to the open workspace's dispatch. It never throws: every outcome is a Result.
import type { Result } from '../../shared/rpc';
import type { Dispatch } from '../core';
import type { Log } from '../core/context';
import { isTrustedSender, type RendererOrigin } from './security';

export interface InvokeContext {
  origin: RendererOrigin;
  /** The open workspace's dispatch; undefined while none is open. */
  dispatch(): Dispatch | undefined;
  log: Log;
  /** Channels the shell answers itself (they need Electron), before the core: e.g. printing a report to PDF. */
  host?: Readonly<Record<string, (input: unknown, dispatch: Dispatch) => Promise<Result<unknown>>>>;
}

export async function handleInvoke(context: InvokeContext, frameUrl: string | undefined, channel: unknown, input: unknown): Promise<Result<unknown>> {
  try {
    if (!isTrustedSender(frameUrl, context.origin)) {
      context.log('warn', `refused an IPC call from ${frameUrl ?? 'an unknown frame'}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'refused: the call did not come from the Fulcrum window' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'BAD_INPUT', message: 'the channel must be a string such as "accounts.list"' } };
    }
    const dispatch = context.dispatch();
    if (!dispatch) {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'no workspace is open: use File › Open… or File › New workspace…' },
      };
    }
    const hosted = context.host?.[channel];
    if (hosted) return await hosted(input, dispatch);
    return await dispatch(channel, input);
  } catch (error) {
    context.log('error', `IPC call ${String(channel)} failed`, error);
    return { ok: false, error: { code: 'INTERNAL', message: `${String(channel)} failed unexpectedly` } };
  }
}
