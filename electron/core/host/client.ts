// The host's side of the core host protocol: turns a core thread or process into what the hosts
// already use (an async dispatch, subscribe, close), restarts it when it dies, and keeps what must
// survive a restart (the open options, the registered grants). The process that calls this only
// posts messages: the database work, and SQLite's waits on a busy workspace, happen over there.
import { randomBytes } from 'node:crypto';
import type { Output } from '../../../shared/contract';
import { CORE_RESTARTED_EVENT, CORE_STOPPED_EVENT, type ChangeEvent, type Result, type RpcError } from '../../../shared/rpc';
import type { Log } from '../context';
import { CoreError } from '../errors';
import type { FileMode } from '../lib/filePolicy';
import { accessOf } from '../channelAccess';
import { LONG_JOBS } from './jobs';
import { workerCoreProcess, type CoreProcess, type SpawnCore } from './process';
import type { FromCore, HostOptions } from './protocol';
import { startReader, type Reader } from './reader';

type JobsRunning = Output<'jobs.running'>;
type JobsCancelled = Output<'jobs.cancel'>;

export interface CallOptions {
  /** Aborting asks the core to stop the call's job (imports); the call still answers, with what was done. */
  signal?: AbortSignal;
}

export interface HostedCore {
  dispatch(channel: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** A grant for a file the user chose (the desktop's dialogs): registered with the core before the token is returned. */
  grant(path: string, mode: FileMode): string;
  /** Forgets one grant, or all (another workspace opened). */
  revoke(token?: string): void;
  readonly schemaVersion: number;
  /** How many times the core was started again after it died. */
  readonly restarts: number;
  /** Settles when the reader (StartOptions.reader) has started: true when it is serving reads. */
  readerReady(): Promise<boolean>;
  /** The running thread or process (tests end it to see the restart). */
  readonly process: CoreProcess;
  close(): Promise<void>;
}

export interface StartOptions {
  spawn?: SpawnCore;
  log?: Log;
  /** More deaths than this within a minute and the core is not started again (it would only die again). */
  maxRestartsPerMinute?: number;
  /**
   * A reader beside the writer (host/reader.ts) answers read channels while a long job runs, so
   * screens keep reading the last committed state; on by default for a workspace file.
   */
  reader?: boolean;
}

interface Pending {
  channel: string;
  resolve(result: Result<unknown>): void;
}

const stopped = (channel: string, code: number | null): Result<never> => ({
  ok: false,
  error: {
    code: 'CORE_STOPPED',
    message: `Fulcrum's core stopped unexpectedly (exit code ${code ?? 'unknown'}) while answering ${channel}; it was started again: try again`,
  },
});

/**
 * Starts the core in its own thread (or what `spawn` makes) and opens the workspace there. Refuses
 * like createCore when the workspace cannot be opened: a CoreError with the core's message.
 */
export async function startCoreHost(options: HostOptions, start: StartOptions = {}): Promise<HostedCore> {
  const spawn = start.spawn ?? workerCoreProcess;
  const log: Log = start.log ?? (() => {});
  const maxRestarts = start.maxRestartsPerMinute ?? 5;
  const listeners = new Set<(event: ChangeEvent) => void>();
  const grants = new Map<string, { path: string; mode: FileMode }>();
  const pending = new Map<number, Pending>();
  const deaths: number[] = [];
  let nextId = 1;
  let restarts = 0;
  let schemaVersion = 0;
  let closing = false;
  let gaveUp: RpcError | undefined;
  let current!: CoreProcess;
  /** Settles when the current process has opened the workspace (calls wait for it). */
  let ready: Promise<void>;
  let onClosed: (() => void) | undefined;

  const emit = (event: ChangeEvent) => listeners.forEach((listener) => listener(event));

  const launch = (openOptions: HostOptions): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const child = spawn();
      current = child;
      child.onMessage((message: FromCore) => {
        switch (message.type) {
          case 'opened':
            schemaVersion = message.schemaVersion;
            resolve();
            break;
          case 'openFailed':
            reject(new CoreError(message.error.code, message.error.message));
            break;
          case 'result': {
            const call = pending.get(message.id);
            pending.delete(message.id);
            call?.resolve(message.result);
            break;
          }
          case 'event':
          case 'progress':
            emit(message.event);
            break;
          case 'log':
            log(message.level, message.message, message.detail);
            break;
          case 'closed':
            onClosed?.();
            break;
        }
      });
      child.onExit((code) => {
        if (current !== child) return;
        reject(new CoreError('CORE_STOPPED', `Fulcrum's core stopped while opening the workspace (exit code ${code ?? 'unknown'})`));
        for (const [id, call] of pending) {
          pending.delete(id);
          call.resolve(stopped(call.channel, code));
        }
        onClosed?.();
        if (!closing) restart(code);
      });
      child.postMessage({ type: 'open', options: openOptions });
      for (const [token, grant] of grants) child.postMessage({ type: 'grant', token, ...grant });
    });

  const restart = (code: number | null) => {
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - 60_000) deaths.shift();
    emit({ name: CORE_STOPPED_EVENT });
    if (deaths.length > maxRestarts) {
      gaveUp = { code: 'CORE_STOPPED', message: `Fulcrum's core stopped ${deaths.length} times within a minute (last exit code ${code ?? 'unknown'}); restart Fulcrum` };
      log('error', gaveUp.message);
      return;
    }
    log('warn', `the core stopped (exit code ${code ?? 'unknown'}); starting it again`);
    restarts++;
    // The workspace exists now: a restart opens it, never creates it again.
    ready = launch({ ...options, create: false }).then(
      () => emit({ name: CORE_RESTARTED_EVENT }),
      (error: unknown) => {
        gaveUp = { code: 'CORE_STOPPED', message: `Fulcrum's core could not be started again: ${(error as Error).message}` };
        log('error', gaveUp.message, error);
      },
    );
  };

  ready = launch(options);
  try {
    await ready;
  } catch (error) {
    closing = true;
    await current.kill();
    throw error;
  }

  // The reader starts once the writer has opened (and created or migrated) the workspace. Until it is
  // up the writer answers reads, except during a long job (see dispatch); whenever the reader cannot
  // answer, the writer does.
  let reader: Reader | undefined;
  const readerStarted =
    (start.reader ?? options.dbPath !== ':memory:')
      ? startReader(spawn, options, log, emit).then(
          (started) => (reader = started),
          (error: unknown) => {
            log('warn', `the core's reader could not start (reads wait for long writes): ${(error as Error).message}`);
            return undefined;
          },
        )
      : Promise.resolve(undefined);
  /** Long jobs in flight on the writer: while there is one, reads go to the reader. */
  let longJobs = 0;

  /** A call to the writer; aborting `signal` asks it to stop the call's job. */
  const callWriter = (channel: string, input: unknown, signal?: AbortSignal): Promise<Result<unknown>> => {
    const id = nextId++;
    const answer = new Promise<Result<unknown>>((resolve) => pending.set(id, { channel, resolve }));
    if (channel in LONG_JOBS) {
      longJobs++;
      void answer.finally(() => longJobs--);
    }
    current.postMessage({ type: 'call', id, channel, input });
    if (signal) {
      const cancel = () => current.postMessage({ type: 'cancel', id });
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      void answer.finally(() => signal.removeEventListener('abort', cancel));
    }
    return answer;
  };

  /** jobs.running / jobs.cancel answered by the writer and the reader together (the reader's part only when it answers). */
  const bothJobs = async (reader: Reader, channel: 'jobs.running' | 'jobs.cancel', input: unknown): Promise<Result<unknown>> => {
    const [mine, theirs] = await Promise.all([callWriter(channel, input), reader.dispatch(channel, input)]);
    if (!mine.ok || !theirs?.ok) return mine;
    if (channel === 'jobs.cancel') return { ok: true, value: { cancelled: (mine.value as JobsCancelled).cancelled + (theirs.value as JobsCancelled).cancelled } };
    const [a, b] = [mine.value as JobsRunning, theirs.value as JobsRunning];
    const progress = [...(a.progress ?? []), ...(b.progress ?? [])];
    return { ok: true, value: { channels: [...new Set([...a.channels, ...b.channels])], ...(progress.length > 0 ? { progress } : {}) } };
  };

  return {
    async dispatch(channel, input, callOptions = {}) {
      await ready;
      if (gaveUp) return { ok: false, error: gaveUp };
      if (closing) return { ok: false, error: { code: 'INTERNAL', message: 'the workspace was closed' } };
      if (longJobs > 0 && accessOf(channel) === 'read') {
        // A read sent while the reader is still starting waits for its start (seconds), not for the
        // long write's end behind it on the writer (minutes; in a browser, a screen's few stuck reads
        // also take the connections its Cancel needs).
        const serving = reader ?? (await readerStarted);
        const read = await serving?.dispatch(channel, input, callOptions.signal);
        if (read) return read;
      }
      // A job may run on the reader (journeys.measure during a long write): the screens list and stop jobs on both.
      if (reader && (channel === 'jobs.running' || channel === 'jobs.cancel')) return bothJobs(reader, channel, input);
      return callWriter(channel, input, callOptions.signal);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    grant(path, mode) {
      const token = `grant:${randomBytes(16).toString('hex')}`;
      grants.set(token, { path, mode });
      // Posted before the token is handed out, so the renderer's call that uses it comes after it.
      current.postMessage({ type: 'grant', token, path, mode });
      return token;
    },
    revoke(token) {
      if (token === undefined) grants.clear();
      else grants.delete(token);
      current.postMessage({ type: 'revoke', token });
    },
    get schemaVersion() {
      return schemaVersion;
    },
    get restarts() {
      return restarts;
    },
    get process() {
      return current;
    },
    readerReady: () => readerStarted.then((started) => started !== undefined),
    async close() {
      if (closing) return;
      closing = true;
      await ready.catch(() => undefined);
      const closed = new Promise<void>((resolve) => (onClosed = resolve));
      current.postMessage({ type: 'close' });
      // A core that does not answer within 10 s is ended anyway: quitting must not hang.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await current.kill();
      await readerStarted.catch(() => undefined);
      await reader?.close();
    },
  };
}
