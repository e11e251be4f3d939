import type { CustomCondition } from '../../../shared/contract/customFields';
import type { SortState } from './dataTableMeta';
import { fieldIdOfColumn, restoreConditions } from './customFieldFilter';

// The state of a plain table screen over a `<domain>.list`-shaped channel (contacts, tickets): the
// user's search, equality filters, archived rows, custom-field conditions and sort, remembered for
// the session, and the channel input it makes. The accounts table has its own (its filters differ).

export interface TableQueryState {
  search: string;
  /** Filter field -> chosen value ('' for any): the list's `filter` equality tests. */
  filters: Record<string, string>;
  includeArchived: boolean;
  /** Custom-field conditions (issue 13), all of which must hold; the core filters. */
  custom: CustomCondition[];
  /** A column's id: a sort field of the channel, or `custom.<field id>`. */
  sort: SortState;
}

export interface TableQueryInput {
  page: number;
  pageSize: number;
  sort?: { field: string; direction: 'asc' | 'desc' };
  customSort?: { fieldId: number; direction: 'asc' | 'desc' };
  customFilters?: CustomCondition[];
  search?: string;
  filter?: Record<string, string | boolean>;
  includeArchived?: boolean;
}

export const defaultTableQuery = (sort: SortState, filterNames: readonly string[]): TableQueryState => ({
  search: '',
  filters: Object.fromEntries(filterNames.map((name) => [name, ''])),
  includeArchived: false,
  custom: [],
  sort,
});

/** A remembered state from an older version, cleaned so it cannot make a bad query (unknown sorts and filter values dropped). */
export function restoreTableQuery(
  stored: unknown,
  fallback: TableQueryState,
  sortFields: readonly string[],
  allowed: Readonly<Record<string, readonly string[]>>,
): TableQueryState {
  if (!stored || typeof stored !== 'object') return fallback;
  const value = stored as Partial<Record<keyof TableQueryState, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const storedFilters = (value.filters ?? {}) as Record<string, unknown>;
  const sort = value.sort as Partial<SortState> | undefined;
  return {
    search: text(value.search),
    filters: Object.fromEntries(Object.keys(fallback.filters).map((name) => [name, allowed[name]?.includes(text(storedFilters[name])) ? text(storedFilters[name]) : ''])),
    includeArchived: value.includeArchived === true,
    custom: restoreConditions(value.custom),
    sort:
      sort && typeof sort.field === 'string' && (sortFields.includes(sort.field) || fieldIdOfColumn(sort.field) !== undefined)
        ? { field: sort.field, direction: sort.direction === 'desc' ? 'desc' : 'asc' }
        : fallback.sort,
  };
}

/** The channel's input for one page of the state's rows. */
export function tableQueryInput(state: TableQueryState, sortFields: readonly string[], page: number, pageSize: number): TableQueryInput {
  // A yes/no filter's select says 'true' or 'false': the core takes the boolean.
  const filter = Object.fromEntries(
    Object.entries(state.filters)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => [name, value === 'true' ? true : value === 'false' ? false : value]),
  );
  const search = state.search.trim();
  const customField = fieldIdOfColumn(state.sort.field);
  return {
    page,
    pageSize,
    ...(sortFields.includes(state.sort.field) ? { sort: { field: state.sort.field, direction: state.sort.direction } } : {}),
    ...(customField !== undefined ? { customSort: { fieldId: customField, direction: state.sort.direction } } : {}),
    ...(state.custom.length > 0 ? { customFilters: state.custom } : {}),
    ...(search ? { search } : {}),
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    ...(state.includeArchived ? { includeArchived: true } : {}),
  };
}

export const isTableFiltered = (state: TableQueryState) =>
  state.search.trim() !== '' || Object.values(state.filters).some((value) => value !== '') || state.includeArchived || state.custom.length > 0;

/** What "Export view" writes: the query without paging (the export reads `<table>.list` with it, page by page). */
export function tableExportQuery(state: TableQueryState, sortFields: readonly string[]): Record<string, unknown> {
  const { page: _page, pageSize: _pageSize, ...query } = tableQueryInput(state, sortFields, 1, 1);
  return query;
}
