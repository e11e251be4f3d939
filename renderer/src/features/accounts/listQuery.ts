import type { AccountTableInput } from '../../../../shared/contract/accounts';
import { ACCOUNT_TABLE_SORT_FIELDS, HEALTH_BANDS } from '../../../../shared/contract/accounts';
import type { SortState } from '../../components/dataTableMeta';

/** What the accounts list shows: the user's search, filters and sort. */
export interface ListState {
  search: string;
  segment: string;
  owner: string;
  stage: string;
  /** A health band, or '' for any. */
  band: string;
  /** Only the accounts whose owner is me (Settings › Who am I). */
  mine: boolean;
  includeArchived: boolean;
  sort: SortState;
}

export const DEFAULT_LIST_STATE: ListState = {
  search: '',
  segment: '',
  owner: '',
  stage: '',
  band: '',
  mine: false,
  includeArchived: false,
  sort: { field: 'name', direction: 'asc' },
};

type SortField = (typeof ACCOUNT_TABLE_SORT_FIELDS)[number];
const isSortField = (field: string): field is SortField => (ACCOUNT_TABLE_SORT_FIELDS as readonly string[]).includes(field);
const isBand = (band: string): band is (typeof HEALTH_BANDS)[number] => (HEALTH_BANDS as readonly string[]).includes(band);

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
    band: isBand(text(value.band)) ? text(value.band) : '',
    mine: value.mine === true,
    includeArchived: value.includeArchived === true,
    sort:
      sort && typeof sort.field === 'string' && isSortField(sort.field) ? { field: sort.field, direction: sort.direction === 'desc' ? 'desc' : 'asc' } : DEFAULT_LIST_STATE.sort,
  };
}

/** The 'accounts.table' input for one page of the state's rows. */
export function listInput(state: ListState, page: number, pageSize: number): AccountTableInput {
  const filter: NonNullable<AccountTableInput['filter']> = {};
  if (state.segment) filter.segment = state.segment;
  if (state.owner) filter.owner = state.owner;
  if (state.stage) filter.lifecycleStage = state.stage as NonNullable<typeof filter.lifecycleStage>;
  if (isBand(state.band)) filter.healthBand = state.band;
  if (state.mine) filter.mine = true;
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

export const isFiltered = (state: ListState) =>
  state.search.trim() !== '' || state.segment !== '' || state.owner !== '' || state.stage !== '' || state.band !== '' || state.mine || state.includeArchived;

/**
 * The list query without paging: what "Export view" writes (the accounts table's own columns; the
 * export channel lists accounts, so the figures' sorts and filters, which it does not know, are left out).
 */
export function exportQuery(state: ListState): Record<string, unknown> {
  const { page: _page, pageSize: _pageSize, filter, sort, ...query } = listInput({ ...state, band: '', mine: false }, 1, 1);
  const plainSort = sort && (ACCOUNT_TABLE_SORT_FIELDS.indexOf(sort.field) < ACCOUNT_TABLE_SORT_FIELDS.indexOf('healthScore') ? sort : undefined);
  return { ...query, ...(filter ? { filter } : {}), ...(plainSort ? { sort: plainSort } : {}) };
}
