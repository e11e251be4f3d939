// The core host's reader (issue 14: reads keep being served while a long write runs). A second
// thread or process, started like the writer, opens the same workspace with its own query-only
// connection (CoreOptions.reader): on a WAL file it reads the last committed state and never waits
// for the writer's transaction. The client sends it read channels (channelAccess.ts) while the
// writer runs a long job; whatever it cannot answer goes back to the writer.
import type { ChangeEvent, Result } from '../../../shared/rpc';
import type { Log } from '../context';
import type { SpawnCore } from './process';
import type { FromCore, HostOptions } from './protocol';

export interface Reader {
  /**
   * The reader's answer, or undefined when the writer should answer instead (the reader is gone, or
   * the read failed unexpectedly, e.g. it needed a write). Aborting `signal` stops the call's job
   * there (journeys.measure), as the protocol's `cancel {id}` does on the writer.
   */
  dispatch(channel: string, input: unknown, signal?: AbortSignal): Promise<Result<unknown> | undefined>;
  close(): Promise<void>;
}

/**
 * Starts a reader beside the writer (the workspace must exist: the writer opened it); undefined when
 * it could not open. `onProgress` gets the progress of the jobs it runs (a journey map's cold read).
 */
export async function startReader(spawn: SpawnCore, options: HostOptions, log: Log, onProgress: (event: ChangeEvent) => void = () => {}): Promise<Reader | undefined> {
  const child = spawn();
  const pending = new Map<number, (result: Result<unknown> | undefined) => void>();
  let alive = true;
  let nextId = 1;
  let onClosed: (() => void) | undefined;
  const opened = new Promise<boolean>((resolve) => {
    child.onMessage((message: FromCore) => {
      switch (message.type) {
        case 'opened':
          resolve(true);
          break;
        case 'openFailed':
          log('warn', `the core's reader could not open the workspace (reads wait for long writes): ${message.error.message}`);
          resolve(false);
          break;
        case 'result': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          // An unexpected failure here may be the reader's own (a read that writes, on a query-only connection): the writer answers instead.
          answer?.(message.result.ok || message.result.error.code !== 'INTERNAL' ? message.result : undefined);
          break;
        }
        case 'log':
          if (message.level !== 'info') log('warn', `reader: ${message.message}`, message.detail);
          break;
        case 'closed':
          onClosed?.();
          break;
        case 'progress':
          // A read that is a job (journeys.measure) reports as it goes, as on the writer.
          onProgress(message.event);
          break;
        default:
          // A reader writes nothing, so it has no change events to tell.
          break;
      }
    });
    child.onExit(() => {
      alive = false;
      resolve(false);
      for (const [id, answer] of pending) {
        pending.delete(id);
        answer(undefined);
      }
      onClosed?.();
    });
  });
  // Opens, never creates; no daily refresh (the writer keeps derived data), no grants (file channels are the writer's).
  child.postMessage({ type: 'open', options: { ...options, create: false, reader: true, dailyRefresh: false } });
  if (!(await opened)) {
    await child.kill();
    return undefined;
  }
  return {
    dispatch(channel, input, signal) {
      if (!alive) return Promise.resolve(undefined);
      const id = nextId++;
      const answer = new Promise<Result<unknown> | undefined>((resolve) => {
        pending.set(id, resolve);
        child.postMessage({ type: 'call', id, channel, input });
      });
      if (signal) {
        const cancel = () => alive && child.postMessage({ type: 'cancel', id });
        if (signal.aborted) cancel();
        else signal.addEventListener('abort', cancel, { once: true });
        void answer.finally(() => signal.removeEventListener('abort', cancel));
      }
      return answer;
    },
    async close() {
      if (!alive) return;
      const closed = new Promise<void>((resolve) => (onClosed = resolve));
      child.postMessage({ type: 'close' });
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      alive = false;
      await child.kill();
    },
  };
}
