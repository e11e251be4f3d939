import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import { ApiError, call } from './client';
import { coreStatus } from './coreStatus';
import { listen } from './transport';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a channel and keeps the answer fresh: it reloads when the input changes or when the core
 * announces a change in one of `domains` (e.g. ['accounts']).
 */
export function useQuery<C extends Channel>(channel: C, input: Input<C>, domains: string[] = []): QueryState<Output<C>> {
  return useLoader(`${channel}|${JSON.stringify(input)}`, (key) => call(channel, JSON.parse(key.slice(channel.length + 1)) as Input<C>), domains);
}

/**
 * The engine of `useQuery` for any loader: `key` names what is loaded (a new key loads again,
 * keeping the previous answer on screen until the new one arrives), `load` fetches it, and a
 * `<domain>.changed` event for one of `domains` reloads it. Only the latest request's answer is kept.
 */
export function useLoader<T>(key: string | undefined, load: (key: string) => Promise<T>, domains: string[] = []): QueryState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: key !== undefined });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  /** This query, as the busy banner knows it. */
  const owner = useRef({});
  useEffect(() => {
    const me = owner.current;
    return () => coreStatus.settled(me);
  }, []);

  useEffect(() => {
    const request = ++latest.current;
    if (key === undefined) {
      setState({ loading: false });
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    loader.current(key).then(
      (data) => {
        if (request !== latest.current) return;
        coreStatus.settled(owner.current);
        setState({ data, loading: false });
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        const failure = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
        // Another Fulcrum holds the workspace: the app-level banner says so and retries this read.
        if (failure.error.code === 'BUSY') coreStatus.busy(owner.current, failure.message, reload);
        setState({ error: failure, loading: false });
      },
    );
  }, [key, version, reload]);

  const domainKey = domains.join(',');
  useEffect(() => {
    if (!domainKey) return;
    const watched = domainKey.split(',').map((domain) => `${domain}.changed`);
    return listen((event) => watched.includes(event.name) && reload());
  }, [domainKey, reload]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}
