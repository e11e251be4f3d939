// Windowed paging: a table of 20,000 rows fetches only the pages the user can see.

/** The 1-based pages that hold rows `start`..`end` (inclusive, 0-based indexes). */
export function pagesForRange(start: number, end: number, pageSize: number, total?: number): number[] {
  if (end < start || pageSize < 1) return [];
  const last = total === undefined ? end : Math.min(end, total - 1);
  if (last < Math.max(0, start)) return total === 0 ? [] : [1];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, start) / pageSize) + 1; page <= Math.floor(last / pageSize) + 1; page++) pages.push(page);
  return pages;
}

/** Where row `index` lives: its page (1-based) and its offset in that page. */
export function locate(index: number, pageSize: number): { page: number; offset: number } {
  return { page: Math.floor(index / pageSize) + 1, offset: index % pageSize };
}
