import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';
import { locate, pagesForRange } from './pagedList';
import { listen } from './transport';

export interface PageResult<Row> {
  rows: Row[];
  total: number;
}

export interface PagedList<Row> {
  /** Rows matching the query; undefined until the first page arrives. */
  total: number | undefined;
  /** A loaded row, or undefined while its page is on its way. */
  getRow(index: number): Row | undefined;
  /** Tell the list which rows are on screen; it fetches their pages. */
  showRange(start: number, end: number): void;
  loading: boolean;
  error: ApiError | undefined;
  reload(): void;
}

/**
 * Rows of a server-side list, fetched a page at a time as they scroll into view. A new `key`
 * (search, filters, sort) starts over; a `<domain>.changed` event refetches what is on screen,
 * keeping the old rows visible until the new ones arrive.
 */
export function usePagedList<Row>(
  key: string,
  fetchPage: (page: number, pageSize: number) => Promise<PageResult<Row>>,
  options: { pageSize?: number; domains?: string[] } = {},
): PagedList<Row> {
  const pageSize = options.pageSize ?? 200;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const cache = useRef({ generation: 0, pages: new Map<number, Row[]>(), pending: new Set<number>() });
  const range = useRef({ start: 0, end: 50 });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const [pendingCount, setPendingCount] = useState(0);
  const [, setTick] = useState(0);

  const load = useCallback(
    (pages: number[], generation: number, replace = false) => {
      const current = cache.current;
      const wanted = replace ? pages : pages.filter((page) => !current.pages.has(page) && !current.pending.has(page));
      if (wanted.length === 0) return;
      const fresh = new Map<number, Row[]>();
      wanted.forEach((page) => current.pending.add(page));
      setPendingCount(current.pending.size);
      for (const page of wanted) {
        fetchRef.current(page, pageSize).then(
          (result) => {
            if (cache.current.generation !== generation) return;
            current.pending.delete(page);
            if (replace) {
              fresh.set(page, result.rows);
              // Swap in the refreshed pages together, dropping stale ones, when the last arrives.
              if (fresh.size === wanted.length) current.pages = fresh;
            } else current.pages.set(page, result.rows);
            setTotal(result.total);
            setError(undefined);
            setPendingCount(current.pending.size);
            setTick((tick) => tick + 1);
          },
          (failure: unknown) => {
            if (cache.current.generation !== generation) return;
            current.pending.delete(page);
            setPendingCount(current.pending.size);
            setError(failure instanceof ApiError ? failure : new ApiError({ code: 'INTERNAL', message: String(failure) }));
          },
        );
      }
    },
    [pageSize],
  );

  const visiblePages = useCallback(() => pagesForRange(range.current.start, range.current.end, pageSize, undefined), [pageSize]);

  // A new query starts from its first page. The old rows stay on screen until it arrives, so
  // typing in the search box does not flash an empty table between keystrokes.
  useEffect(() => {
    const generation = cache.current.generation + 1;
    cache.current = { generation, pages: cache.current.pages, pending: new Set() };
    range.current = { start: 0, end: 50 };
    setError(undefined);
    load([1], generation, true);
  }, [key, load]);

  const reload = useCallback(() => {
    const generation = cache.current.generation + 1;
    cache.current = { generation, pages: cache.current.pages, pending: new Set() };
    load(visiblePages(), generation, true);
  }, [load, visiblePages]);

  const domainKey = (options.domains ?? []).join(',');
  useEffect(() => {
    if (!domainKey) return;
    const watched = domainKey.split(',').map((domain) => `${domain}.changed`);
    return listen((event) => watched.includes(event.name) && reload());
  }, [domainKey, reload]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const showRange = useCallback(
    (start: number, end: number) => {
      range.current = { start, end };
      // Coalesce the bursts of a fast scroll: fetch where the user stops, not every page passed.
      clearTimeout(timer.current);
      timer.current = setTimeout(() => load(visiblePages(), cache.current.generation), 60);
    },
    [load, visiblePages],
  );

  const getRow = useCallback(
    (index: number) => {
      const { page, offset } = locate(index, pageSize);
      return cache.current.pages.get(page)?.[offset];
    },
    [pageSize],
  );

  return { total, getRow, showRange, loading: pendingCount > 0, error, reload };
}
