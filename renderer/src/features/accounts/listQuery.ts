import type { AccountTableInput } from '../../../../shared/contract/accounts';
import { ACCOUNT_TABLE_SORT_FIELDS, HEALTH_BANDS } from '../../../../shared/contract/accounts';
import type { SortState } from '../../components/dataTableMeta';
import type { CustomCondition } from '../../../../shared/contract/customFields';
import { fieldIdOfColumn, restoreConditions } from '../../components/customFieldFilter';

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
  /** Custom-field conditions (issue 13), all of which must hold; the core filters. */
  custom: CustomCondition[];
  /** A column's id: the table's sort field, or `custom.<field id>`. */
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
  custom: [],
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
    custom: restoreConditions(value.custom),
    sort:
      sort && typeof sort.field === 'string' && (isSortField(sort.field) || fieldIdOfColumn(sort.field) !== undefined)
        ? { field: sort.field, direction: sort.direction === 'desc' ? 'desc' : 'asc' }
        : DEFAULT_LIST_STATE.sort,
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
  const customField = fieldIdOfColumn(state.sort.field);
  return {
    page,
    pageSize,
    sort: isSortField(state.sort.field) ? { field: state.sort.field, direction: state.sort.direction } : undefined,
    ...(customField !== undefined ? { customSort: { fieldId: customField, direction: state.sort.direction } } : {}),
    ...(state.custom.length > 0 ? { customFilters: state.custom } : {}),
    ...(search ? { search } : {}),
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    ...(state.includeArchived ? { includeArchived: true } : {}),
  };
}

export const isFiltered = (state: ListState) =>
  state.search.trim() !== '' ||
  state.segment !== '' ||
  state.owner !== '' ||
  state.stage !== '' ||
  state.band !== '' ||
  state.mine ||
  state.includeArchived ||
  state.custom.length > 0;

/**
 * The table's query without paging: what "Export view" writes. The core exports accounts through
 * accounts.table, so "my accounts", the health band and the figures' sorts hold in the file too.
 */
export function exportQuery(state: ListState): Record<string, unknown> {
  const { page: _page, pageSize: _pageSize, ...query } = listInput(state, 1, 1);
  return query;
}
