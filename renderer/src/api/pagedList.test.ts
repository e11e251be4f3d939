import { describe, expect, it } from 'vitest';
import { locate, pagesForRange } from './pagedList';

describe('windowed paging', () => {
  it('names the pages that hold the rows on screen', () => {
    expect(pagesForRange(0, 30, 100)).toEqual([1]);
    expect(pagesForRange(90, 130, 100)).toEqual([1, 2]);
    expect(pagesForRange(19_950, 19_999, 100, 20_000)).toEqual([200]);
    // Past the end of the result there is nothing to fetch.
    expect(pagesForRange(140, 200, 100, 150)).toEqual([2]);
    expect(pagesForRange(5, 4, 100)).toEqual([]);
    expect(pagesForRange(0, 50, 100, 0)).toEqual([]);
  });

  it('finds a row in its page', () => {
    expect(locate(0, 100)).toEqual({ page: 1, offset: 0 });
    expect(locate(199, 100)).toEqual({ page: 2, offset: 99 });
    expect(locate(19_999, 100)).toEqual({ page: 200, offset: 99 });
  });
});
