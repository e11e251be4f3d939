import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import { ApiError, call } from './client';
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
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: Output<C>; error?: ApiError; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    call(channel, JSON.parse(key) as Input<C>).then(
      (data) => request === latest.current && setState({ data, loading: false }),
      (error: ApiError) => request === latest.current && setState({ error, loading: false }),
    );
  }, [channel, key, version]);

  const domainKey = domains.join(',');
  useEffect(() => {
    if (!domainKey) return;
    const watched = domainKey.split(',').map((domain) => `${domain}.changed`);
    return listen((event) => watched.includes(event.name) && reload());
  }, [domainKey, reload]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}
