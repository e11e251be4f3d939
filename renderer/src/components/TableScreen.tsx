import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { CustomFieldKind, CustomValue } from '../../../shared/contract/customFields';
import type { ExportTable } from '../../../shared/contract/export';
import { formatInteger } from '../../../shared/format/format';
import { usePagedList, type PageResult } from '../api/usePagedList';
import { useQuery } from '../api/useQuery';
import { session } from '../lib/storage';
import { useDebounced } from '../lib/useDebounced';
import { useStoredState } from '../lib/useStoredState';
import { CustomFieldFilter } from './CustomFieldFilter';
import { customFieldColumns } from './customFieldColumns';
import { forgetUnknownFields } from './customFieldFilter';
import { DataTable, type SortState } from './DataTable';
import { ExportView } from './ExportView';
import './tableScreen.css';
import { defaultTableQuery, isTableFiltered, restoreTableQuery, tableExportQuery, tableQueryInput, type TableQueryInput, type TableQueryState } from './tableQuery';

const PAGE_SIZE = 100;

export interface TableFilter {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
}

export interface TableScreenProps<Row> {
  /** The table's id: the remembered state and column choice, and every test id, start with it. */
  id: 'contacts' | 'tickets' | 'purchases';
  title: string;
  noun: { one: string; many: string };
  fetchPage: (input: TableQueryInput) => Promise<PageResult<Row>>;
  /** Domains whose `changed` events refetch the rows on screen. */
  domains: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
  columns: ColumnDef<Row, any>[];
  sortFields: readonly string[];
  defaultSort: SortState;
  filters: readonly TableFilter[];
  searchPlaceholder: string;
  customKind: CustomFieldKind;
  exportTable: ExportTable;
  onOpen: (row: Row) => void;
  getRowId: (row: Row) => string;
  /** The empty workspace's words and where to go from there. */
  emptyText: string;
  emptyAction: { label: string; href: string };
  /** False for records that are never archived (purchases): no "Show archived". */
  archivable?: boolean;
}

/**
 * A table screen over a `<domain>.table` channel (contacts, tickets) like the accounts table: the
 * core pages, sorts and filters; custom fields (issue 13) are optional columns and a filter; the
 * view exports as shown. "/" jumps to the search box; the table itself is keyboard-driven (DataTable).
 */
export function TableScreen<Row extends { custom?: Record<string, CustomValue> }>(props: TableScreenProps<Row>) {
  const { id, sortFields } = props;
  const fallback = useMemo(
    () =>
      defaultTableQuery(
        props.defaultSort,
        props.filters.map((filter) => filter.name),
      ),
    [props.defaultSort, props.filters],
  );
  const allowed = useMemo(() => Object.fromEntries(props.filters.map((filter) => [filter.name, filter.options.map((option) => option.value)])), [props.filters]);
  const restore = useCallback((stored: unknown) => restoreTableQuery(stored, fallback, sortFields, allowed), [fallback, sortFields, allowed]);
  const [state, setState] = useStoredState(session(), `fulcrum.${id}.list`, restore);
  const search = useDebounced(state.search, 250);
  const query = useMemo(() => ({ ...state, search }), [state, search]);
  const key = JSON.stringify(tableQueryInput(query, sortFields, 1, PAGE_SIZE));
  const list = usePagedList<Row>(key, (page, pageSize) => props.fetchPage(tableQueryInput(query, sortFields, page, pageSize)), { pageSize: PAGE_SIZE, domains: props.domains });
  // The unfiltered count, through the table's own channel (purchases.list pages by limit and offset).
  const everything = useQuery(`${id}.table`, { pageSize: 1, includeArchived: state.includeArchived }, [id]);
  const fieldsQuery = useQuery('customFields.list', { recordKind: props.customKind }, [id, 'customFields']);
  const fields = useMemo(() => fieldsQuery.data ?? [], [fieldsQuery.data]);
  const columns = useMemo(() => [...props.columns, ...customFieldColumns<Row>(fields)], [props.columns, fields]);
  const change = useCallback((patch: Partial<TableQueryState>) => setState((previous) => ({ ...previous, ...patch })), [setState]);
  const clear = () => setState((previous) => ({ ...fallback, sort: previous.sort }));
  // Remembered conditions or a sort naming a field that is gone are dropped, not sent to be refused.
  useEffect(() => {
    if (fieldsQuery.data === undefined) return;
    const patch = forgetUnknownFields(state, new Set(fields.map((field) => field.id)), fallback.sort);
    if (patch) change(patch);
  }, [fieldsQuery.data, fields, state, change, fallback.sort]);
  const filtered = isTableFiltered(query);
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable], dialog')) return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const all = everything.data?.total;
  const count =
    list.total === undefined
      ? `Loading ${props.noun.many}…`
      : filtered && all !== undefined
        ? `${formatInteger(list.total)} of ${formatInteger(all)} ${all === 1 ? props.noun.one : props.noun.many} ${list.total === 1 ? 'matches' : 'match'}`
        : `${formatInteger(list.total)} ${list.total === 1 ? props.noun.one : props.noun.many}`;

  return (
    <section className={`screen table-screen ${id}-screen`} aria-labelledby={`${id}-title`}>
      <header className="screen-header">
        <div>
          <h1 id={`${id}-title`}>{props.title}</h1>
          <p className="subtitle" data-testid={`${id}-count`} data-total={list.total} aria-live="polite">
            {count}
          </p>
        </div>
        <div className="header-actions">
          <ExportView table={props.exportTable} query={tableExportQuery(query, sortFields)} testId={`${id}-export`} />
        </div>
      </header>
      <DataTable<Row>
        key={fields.map((field) => `${field.id}:${field.name}`).join(',')}
        id={id}
        label={props.title}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        getRowId={props.getRowId}
        onRangeChange={list.showRange}
        sort={state.sort}
        onSortChange={(sort) => change({ sort })}
        onOpen={props.onOpen}
        loading={list.loading}
        error={list.error?.message}
        resetKey={key}
        toolbar={
          <>
            <div className="toolbar" role="search" aria-label={`Find ${props.noun.many}`}>
              <input
                ref={searchBox}
                type="search"
                className="input search"
                placeholder={`${props.searchPlaceholder}  ( / )`}
                aria-label={`Search ${props.noun.many}`}
                value={state.search}
                onChange={(event) => change({ search: event.target.value })}
                data-testid={`${id}-search`}
              />
              {props.filters.map((filter) => (
                <select
                  key={filter.name}
                  className={`input select${state.filters[filter.name] ? ' active' : ''}`}
                  aria-label={filter.label}
                  value={state.filters[filter.name] ?? ''}
                  onChange={(event) => change({ filters: { ...state.filters, [filter.name]: event.target.value } })}
                  data-testid={`${id}-filter-${filter.name}`}
                >
                  <option value="">{`Any ${filter.label.toLowerCase()}`}</option>
                  {filter.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ))}
              {props.archivable !== false && (
                <label className="check">
                  <input type="checkbox" checked={state.includeArchived} onChange={(event) => change({ includeArchived: event.target.checked })} data-testid={`${id}-archived`} />
                  Show archived
                </label>
              )}
              {filtered && (
                <button type="button" className="link-button" onClick={clear} data-testid={`${id}-clear`}>
                  Clear filters
                </button>
              )}
            </div>
            <CustomFieldFilter fields={fields} conditions={state.custom} onChange={(conditions) => change({ custom: conditions })} testId={`${id}-custom-filter`} />
          </>
        }
        empty={
          filtered ? (
            <div className="empty">
              <p>No {props.noun.many} match this search and these filters.</p>
              <button type="button" className="button" onClick={clear}>
                Clear filters
              </button>
            </div>
          ) : (
            <div className="empty">
              <p>{props.emptyText}</p>
              <a className="button primary" href={props.emptyAction.href}>
                {props.emptyAction.label}
              </a>
            </div>
          )
        }
      />
    </section>
  );
}
