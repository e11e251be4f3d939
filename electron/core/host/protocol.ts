// The core host's protocol: the messages between a host process (the Electron main process, the
// HTTP bridge, a test) and the thread or process that runs the core. Plain data only, spoken over
// any port with postMessage / on('message'): a worker_threads Worker, an Electron utilityProcess.
// Functions do not cross, so the options that are functions travel as data: the clock as an offset,
// the file policy as its kind and folders, the log as messages back, grants as register/revoke.
import type { ChangeEvent, Result, RpcError } from '../../../shared/rpc';
import type { CoreOptions } from '../index';
import type { FileMode } from '../lib/filePolicy';

/** The core's clock: real time moved by `offsetMs` (the e2e tests start "today" on a fixed day, then run on). */
export interface Clock {
  offsetMs: number;
}

/** The file policy by name (lib/filePolicy.ts); a grant policy's grants are registered with `grant` messages. */
export type FileSpec = { kind: 'none' } | { kind: 'paths' } | { kind: 'folders'; folders: string[] } | { kind: 'grants' };

/**
 * What a host asks the core to open: every CoreOptions field that is plain data passes as it is
 * (options added later cross without a change here), the others as data.
 */
export type HostOptions = Omit<CoreOptions, 'now' | 'log' | 'files'> & { clock?: Clock; files?: FileSpec };

/** A host to the core. */
export type ToCore =
  | { type: 'open'; options: HostOptions }
  | { type: 'call'; id: number; channel: string; input: unknown }
  /** Stop the call's job if its channel can stop (an import); otherwise it runs to its end. */
  | { type: 'cancel'; id: number }
  /** A file the user chose in the host's dialog: `token` stands for `path` in one `mode`. */
  | { type: 'grant'; token: string; path: string; mode: FileMode }
  /** Forget one grant, or all (another workspace opened). */
  | { type: 'revoke'; token?: string }
  | { type: 'close' };

export type LogLevel = 'info' | 'warn' | 'error';

/** The core to its host. */
export type FromCore =
  | { type: 'opened'; schemaVersion: number }
  | { type: 'openFailed'; error: RpcError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: ChangeEvent }
  /** A long job's progress (`import.progress`, `metrics.progress`…), also an event to subscribers. */
  | { type: 'progress'; event: ChangeEvent }
  | { type: 'log'; level: LogLevel; message: string; detail?: unknown }
  | { type: 'closed' };

/** A port either side talks over: a worker, its parentPort, a MessagePort, a utilityProcess wrapped alike. */
export interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** A log detail that survives structured clone: an Error as its name, message and stack; anything else cloned or as text. */
export function cloneableDetail(detail: unknown): unknown {
  if (detail === undefined) return undefined;
  if (detail instanceof Error) return { name: detail.name, message: detail.message, stack: detail.stack };
  try {
    return structuredClone(detail);
  } catch {
    // Functions, symbols, handles: what remains is their description.
    return Object.prototype.toString.call(detail);
  }
}
