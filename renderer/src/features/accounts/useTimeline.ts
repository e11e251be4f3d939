import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../../shared/contract/accounts';
import { call, toApiError, type ApiError } from '../../api/client';
import { listen } from '../../api/transport';
import { mergeEntries } from './timeline';

const PAGE = 20;
const WATCHED = ['touchpoints.changed', 'tickets.changed', 'surveyResponses.changed', 'deployments.changed'];

export interface Timeline {
  entries: TimelineEntry[] | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  loadMore(): void;
  refresh(): Promise<void>;
}

/** An account's history, newest first, a page at a time; refreshed when its sources change. */
export function useTimeline(accountId: number): Timeline {
  const [entries, setEntries] = useState<TimelineEntry[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError>();
  const request = useRef(0);
  const shown = useRef(PAGE);

  const refresh = useCallback(async () => {
    const mine = ++request.current;
    try {
      // Reload as many entries as are on screen, so a refresh does not shorten the list.
      const page = await call('accounts.timeline', { id: accountId, limit: Math.min(500, Math.max(PAGE, shown.current)) });
      if (mine !== request.current) return;
      setEntries(page.entries);
      setNextCursor(page.nextCursor);
      setError(undefined);
    } catch (failure) {
      if (mine === request.current) setError(toApiError(failure));
    }
  }, [accountId]);

  useEffect(() => {
    void refresh();
    return listen((event) => WATCHED.includes(event.name) && void refresh());
  }, [refresh]);

  const loadMore = useCallback(async () => {
    if (!entries?.length || !nextCursor) return;
    const mine = ++request.current;
    setLoadingMore(true);
    try {
      const page = await call('accounts.timeline', { id: accountId, cursor: nextCursor, limit: PAGE });
      const merged = mergeEntries(entries, page.entries);
      if (mine !== request.current) return;
      shown.current = merged.length;
      setEntries(merged);
      setNextCursor(page.nextCursor);
    } catch (failure) {
      if (mine === request.current) setError(toApiError(failure));
    } finally {
      setLoadingMore(false);
    }
  }, [accountId, entries, nextCursor]);

  return { entries, hasMore: nextCursor !== null, loadingMore, error, loadMore: () => void loadMore(), refresh };
}
