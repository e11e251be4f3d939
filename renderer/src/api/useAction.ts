import { useCallback, useRef, useState } from 'react';
import { ApiError, toApiError } from './client';

/** What `run` resolves to: the action never rejects, so a caller cannot leave a failure unhandled. */
export type ActionResult<R> = { ok: true; value: R } | { ok: false; error: ApiError };

export interface Action<A extends unknown[], R> {
  /** Runs the action (again, after a failure: that is the retry). */
  run: (...args: A) => Promise<ActionResult<R>>;
  busy: boolean;
  /** The last failure's message, for the error line. */
  error: string | undefined;
  /** The last failure itself, for per-field issues (`failure.issueFor('name')`). */
  failure: ApiError | undefined;
  /** Forgets the last failure, e.g. when the form's own checks fail before the action runs. */
  reset: () => void;
}

/**
 * Busy and error state for one user action (save, export, delete…); reads stay with useQuery,
 * which the core's change events already keep fresh. `fn` may change on every
 * render; `run` always calls the latest one and keeps its identity. Only the latest run's outcome
 * is kept, so a slow earlier run cannot overwrite a newer one.
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [state, setState] = useState<{ busy: boolean; failure?: ApiError }>({ busy: false });
  const latestFn = useRef(fn);
  latestFn.current = fn;
  const latestRun = useRef(0);

  const run = useCallback(async (...args: A): Promise<ActionResult<R>> => {
    const id = ++latestRun.current;
    setState({ busy: true });
    try {
      const value = await latestFn.current(...args);
      if (id === latestRun.current) setState({ busy: false });
      return { ok: true, value };
    } catch (thrown) {
      const error = toApiError(thrown);
      if (id === latestRun.current) setState({ busy: false, failure: error });
      return { ok: false, error };
    }
  }, []);

  const reset = useCallback(() => setState((previous) => ({ busy: previous.busy })), []);

  return { run, busy: state.busy, error: state.failure?.message, failure: state.failure, reset };
}
