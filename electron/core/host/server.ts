// The core's side of the host protocol: opens the core on `open`, answers `call`s through its
// dispatch, forwards its events and log, keeps the host's grants and stops cancellable jobs. It runs
// wherever the port leads: a worker thread (the HTTP bridge, tests, benchmarks) or an Electron
// utilityProcess (the desktop app), and never on the event loop of the process that serves windows.
import type { RpcError } from '../../../shared/rpc';
import { CoreError } from '../errors';
import { createCore, type Core } from '../index';
import { exclusive } from '../db/exclusive';
import { healthFigures } from '../health/figures';
import { warmDashboard } from '../metrics/warm';
import { cancelJobs } from '../lib/jobs';
import { busyMessage, CANCELLERS, clearBusy, markBusy, LONG_JOBS } from './jobs';
import { hostedPolicy, type HostedPolicy } from './policy';
import { cloneableDetail, type FromCore, type Port, type ToCore } from './protocol';

const isBusy = (error: unknown) => typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

/** Why the open failed, for the host to show: a CoreError's own words, a busy workspace, or the cause. */
function openError(error: unknown): RpcError {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  if (isBusy(error)) return { code: 'BUSY', message: 'the workspace is busy: another program is writing to it; try again when it has finished' };
  return { code: 'INTERNAL', message: `the workspace could not be opened: ${error instanceof Error ? error.message : String(error)}` };
}

export function serveCore(port: Port): void {
  const send = (message: FromCore) => port.postMessage(message);
  let core: Core | undefined;
  let opening: Promise<void> | undefined;
  let files: HostedPolicy | undefined;
  /** The dashboard's inputs being built after the open (metrics/warm.ts); close waits for the step under way. */
  let warming: Promise<void> | undefined;
  /** Running calls, for `cancel`. */
  const running = new Map<number, { channel: string; input: unknown }>();

  const open = async (options: Extract<ToCore, { type: 'open' }>['options']) => {
    const { clock, files: spec, ...plain } = options;
    const offset = clock?.offsetMs ?? 0;
    files = hostedPolicy(spec);
    try {
      core = await createCore({
        ...plain,
        now: () => new Date(Date.now() + offset),
        log: (level, message, detail) => send({ type: 'log', level, message, detail: cloneableDetail(detail) }),
        files: files.policy,
      });
      core.subscribe((event) => send(event.progress ? { type: 'progress', event } : { type: 'event', event }));
      send({ type: 'opened', schemaVersion: core.context.schemaVersion });
      // The writer only: it answers the window's reads (the reader, only during long jobs).
      if (!plain.reader) {
        const opened = core;
        warming = warmDashboard(opened.context, healthFigures, () => core === opened).catch((error: unknown) =>
          opened.context.log('warn', "the dashboard's inputs could not be built after the open (the first dashboard builds them)", cloneableDetail(error)),
        );
      }
    } catch (error) {
      send({ type: 'openFailed', error: openError(error) });
    }
  };

  const call = async (id: number, channel: string, input: unknown) => {
    await opening;
    if (!core) {
      send({ type: 'result', id, result: { ok: false, error: { code: 'INTERNAL', message: 'no workspace is open in this Fulcrum' } } });
      return;
    }
    const { context } = core;
    running.set(id, { channel, input });
    let marked = false;
    try {
      marked = channel in LONG_JOBS && (await exclusive(context, (sqlite) => markBusy(sqlite, channel, context.now())));
      const result = await core.dispatch(channel, input);
      if (!result.ok && result.error.code === 'BUSY') result.error.message = busyMessage(context.sqlite);
      send({ type: 'result', id, result });
    } catch (error) {
      // dispatch never throws; the busy mark's bookkeeping might. The call still gets an answer.
      context.log('error', `${channel}: the core host failed around the call`, cloneableDetail(error));
      send({ type: 'result', id, result: { ok: false, error: { code: 'INTERNAL', message: `${channel} failed unexpectedly in the core host` } } });
    } finally {
      running.delete(id);
      if (marked) await exclusive(context, clearBusy).catch(() => undefined);
    }
  };

  const cancel = async (id: number) => {
    const job = running.get(id);
    if (!job || !core) return;
    // The import stops through its own channel; the other long jobs through lib/jobs.ts (they answer CANCELLED).
    const stop = CANCELLERS[job.channel]?.(job.input);
    if (stop) await core.dispatch(stop.channel, stop.input);
    else cancelJobs(core.context, job.channel);
  };

  const close = async () => {
    await opening;
    const closing = core;
    core = undefined;
    await warming;
    await closing?.close();
    send({ type: 'closed' });
  };

  port.on('message', (raw) => {
    const message = raw as ToCore;
    switch (message.type) {
      case 'open':
        opening = open(message.options);
        break;
      case 'call':
        void call(message.id, message.channel, message.input);
        break;
      case 'cancel':
        void cancel(message.id);
        break;
      case 'grant':
        files?.register(message.token, message.path, message.mode);
        break;
      case 'revoke':
        files?.revoke(message.token);
        break;
      case 'close':
        void close();
        break;
    }
  });
}
