// The wire protocol shared by main, preload, renderer, the HTTP bridge and the CLI.
// No zod here: the sandboxed preload bundles this file and must stay tiny.

/** The one IPC channel the preload forwards `invoke` calls to. */
export const INVOKE_CHANNEL = 'fulcrum:invoke';
/** The one IPC channel main uses to push events (`domain.changed`) to the renderer. */
export const EVENT_CHANNEL = 'fulcrum:event';
/**
 * Events about the core itself, sent by its host beside `domain.changed`: the core stopped (its
 * thread or process ended; calls in flight failed with CORE_STOPPED) and was started again.
 */
export const CORE_STOPPED_EVENT = 'core.stopped';
export const CORE_RESTARTED_EVENT = 'core.restarted';

/**
 * BUSY: another process holds the workspace's write lock past the wait (the message names its job
 * when it can be known; the call may be retried). CORE_STOPPED: the core's thread or process ended
 * while answering; the host restarted it, and the call may be retried. CANCELLED: a long job
 * (a rebuild, an export…) was stopped by its user; the message says what was kept.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'UNKNOWN_CHANNEL',
  'CONFLICT',
  'FORBIDDEN',
  'NEWER_WORKSPACE',
  'NOT_A_WORKSPACE',
  'BUSY',
  'CORE_STOPPED',
  'CANCELLED',
  // The team server (docs/team.md) could not be reached or failed; nothing local was changed.
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with the input, at a path such as `renewalDate` or `rows.3.score`. */
export interface InputIssue {
  path: string;
  message: string;
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  issues?: InputIssue[];
  /** INTERNAL only: names the log entry that holds what went wrong (the caller gets no raw exception text). */
  errorId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export interface ChangeEvent {
  /** e.g. `accounts.changed` */
  name: string;
  ids?: number[];
  /** Long work (`health.progress`, `metrics.progress`): how far it has got. */
  progress?: { done: number; total: number };
  /** `jobs.progress`: the channel of the job (`metrics.rebuild`, `export.archive`…) and what it is doing now. */
  job?: string;
  phase?: string;
}

/** What the preload exposes on `window.fulcrum`. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: ChangeEvent) => void): () => void;
}
