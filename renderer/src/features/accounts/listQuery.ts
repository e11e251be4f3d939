import type { AccountListInput } from '../../../../shared/contract/accounts';
import { ACCOUNT_SORT_FIELDS } from '../../../../shared/contract/accounts';
import type { SortState } from '../../components/dataTableMeta';

/** What the accounts list shows: the user's search, filters and sort. */
export interface ListState {
  search: string;
  segment: string;
  owner: string;
  stage: string;
  includeArchived: boolean;
  sort: SortState;
}

export const DEFAULT_LIST_STATE: ListState = {
  search: '',
  segment: '',
  owner: '',
  stage: '',
  includeArchived: false,
  sort: { field: 'name', direction: 'asc' },
};

type SortField = (typeof ACCOUNT_SORT_FIELDS)[number];
const isSortField = (field: string): field is SortField => (ACCOUNT_SORT_FIELDS as readonly string[]).includes(field);

/** A remembered state from an older version, cleaned so it cannot produce a bad query. */
export function restoreListState(stored: unknown): ListState {
  if (!stored || typeof stored !== 'object') return DEFAULT_LIST_STATE;
  const value = stored as Partial<Record<keyof ListState, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const sort = value.sort as Partial<SortState> | undefined;
  return {
    search: text(value.search),
    segment: text(value.segment),
    owner: text(value.owner),
    stage: text(value.stage),
    includeArchived: value.includeArchived === true,
    sort:
      sort && typeof sort.field === 'string' && isSortField(sort.field) ? { field: sort.field, direction: sort.direction === 'desc' ? 'desc' : 'asc' } : DEFAULT_LIST_STATE.sort,
  };
}

/** The 'accounts.list' input for one page of the state's rows. */
export function listInput(state: ListState, page: number, pageSize: number): AccountListInput {
  const filter: NonNullable<AccountListInput['filter']> = {};
  if (state.segment) filter.segment = state.segment;
  if (state.owner) filter.owner = state.owner;
  if (state.stage) filter.lifecycleStage = state.stage as NonNullable<typeof filter.lifecycleStage>;
  const search = state.search.trim();
  return {
    page,
    pageSize,
    sort: isSortField(state.sort.field) ? { field: state.sort.field, direction: state.sort.direction } : undefined,
    ...(search ? { search } : {}),
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    ...(state.includeArchived ? { includeArchived: true } : {}),
  };
}

export const isFiltered = (state: ListState) => state.search.trim() !== '' || state.segment !== '' || state.owner !== '' || state.stage !== '' || state.includeArchived;

/** The list query without paging: what "Export view" writes, every row the screen can scroll to. */
export function exportQuery(state: ListState): Record<string, unknown> {
  const { page: _page, pageSize: _pageSize, ...query } = listInput(state, 1, 1);
  return query;
}
