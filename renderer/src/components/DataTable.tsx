import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { local } from '../lib/storage';
import { ColumnMenu } from './ColumnMenu';
import { readVisibility, writeVisibility } from './columnVisibility';
import { moveIndex, nextSort, type SortState } from './dataTableMeta';
import { SortHeader } from './SortHeader';

export type { SortState } from './dataTableMeta';

const DEFAULT_ROW_HEIGHT = 40;

export interface DataTableProps<Row> {
  /** Names the table: the column choice is remembered under it, test ids start with it. */
  id: string;
  label: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack Table types each column by its value; a list of columns mixes them (its documented ColumnDef<Row, any>)
  columns: ColumnDef<Row, any>[];
  /** Rows in the whole result; undefined while the first page loads. */
  rowCount: number | undefined;
  getRow(index: number): Row | undefined;
  getRowId(row: Row): string;
  /** Called with the rows on screen (0-based, inclusive) so the owner can fetch them. */
  onRangeChange(start: number, end: number): void;
  sort: SortState | undefined;
  onSortChange(sort: SortState): void;
  onOpen(row: Row): void;
  loading: boolean;
  error?: string;
  empty: ReactNode;
  /** Shown left of the column menu: the owner's search and filters. */
  toolbar?: ReactNode;
  /** A change of query scrolls back to the top. */
  resetKey?: string;
  /** Pixels per row; taller rows for cells of two lines. */
  rowHeight?: number;
}

/**
 * The one data table: TanStack Table for columns, sorting state and column choice; TanStack
 * Virtual so only the rows on screen are in the DOM, whatever the row count. Sorting is the
 * server's: a header click asks the owner for a new query.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { id, columns, rowCount, getRow, getRowId, sort } = props;
  const rowHeight = props.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const scroller = useRef<HTMLDivElement>(null);
  const hideable = useMemo(() => columns.filter((c) => c.enableHiding !== false).map((c) => c.id!), [columns]);
  // Optional columns (meta.defaultHidden) start hidden; the remembered choice wins.
  const [visibility, setVisibility] = useState<VisibilityState>(() => ({
    ...Object.fromEntries(columns.filter((c) => c.meta?.defaultHidden).map((c) => [c.id!, false])),
    ...readVisibility(local(), id, hideable),
  }));
  const [active, setActive] = useState(0);
  const focusIndex = useRef<number>(undefined);
  const count = rowCount ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) props.onRangeChange(first, last);
  }, [first, last, count]); // eslint-disable-line react-hooks/exhaustive-deps -- onRangeChange is the owner's callback, new each render: tell it when the visible range changes

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setActive(0);
  }, [props.resetKey]);

  // Only the rows on screen go through TanStack's row model.
  const windowRows = items.map((item) => getRow(item.index)).filter((row): row is Row => row !== undefined);
  const windowKey = windowRows.map(getRowId).join(',');
  const data = useMemo(() => windowRows, [windowKey]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed by the visible rows' ids, not the array rebuilt each render

  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting: sort ? [{ id: sort.field, desc: sort.direction === 'desc' }] : [], columnVisibility: visibility },
    onColumnVisibilityChange: (update) => {
      setVisibility((previous) => {
        const next = typeof update === 'function' ? update(previous) : update;
        writeVisibility(local(), id, next);
        return next;
      });
    },
  });
  const rowsById = table.getRowModel().rowsById;
  const visibleColumns = table.getVisibleLeafColumns();
  // Sizes are weights: columns share the width in proportion, down to a floor where it scrolls.
  const width = visibleColumns.reduce((sum, column) => sum + column.getSize(), 0);

  // Keyboard focus follows the active row once the virtualiser has rendered it.
  useEffect(() => {
    if (focusIndex.current === undefined) return;
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${focusIndex.current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusIndex.current = undefined;
    }
  });

  const tabStop = active >= first && active <= last ? active : first;
  const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / rowHeight) - 1);
  const onKeyDown = (event: React.KeyboardEvent, index: number, row: Row | undefined) => {
    if (event.key === 'Enter' && row) {
      event.preventDefault();
      props.onOpen(row);
      return;
    }
    const next = moveIndex(event.key, index, count, pageRows);
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    focusIndex.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const span = visibleColumns.length;

  let body: ReactNode;
  if (props.error && rowCount === undefined)
    body = (
      <Message span={span} testId={`${id}-error`} role="alert">
        {props.error}
      </Message>
    );
  else if (rowCount === undefined)
    body = (
      <Message span={span} testId={`${id}-loading`}>
        Loading…
      </Message>
    );
  else if (rowCount === 0)
    body = (
      <Message span={span} testId={`${id}-empty`}>
        {props.empty}
      </Message>
    );
  else {
    body = (
      <>
        {paddingTop > 0 && (
          <tr aria-hidden="true">
            <td colSpan={span} style={{ height: paddingTop, padding: 0, border: 0 }} />
          </tr>
        )}
        {items.map((item) => {
          const original = getRow(item.index);
          const row = original === undefined ? undefined : rowsById[getRowId(original)];
          return (
            <tr
              key={item.index}
              data-index={item.index}
              data-testid={row ? `${id}-row` : `${id}-placeholder`}
              data-row-id={row?.id}
              aria-rowindex={item.index + 2}
              tabIndex={item.index === tabStop ? 0 : -1}
              className={row ? 'dt-row' : 'dt-row dt-placeholder'}
              style={{ height: rowHeight }}
              onClick={() => original && props.onOpen(original)}
              onFocus={() => setActive(item.index)}
              onKeyDown={(event) => onKeyDown(event, item.index, original)}
            >
              {row
                ? row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      data-column={cell.column.id}
                      className={cell.column.columnDef.meta?.align === 'end' ? 'num' : undefined}
                      title={cell.column.columnDef.meta?.tooltip ? titleText(cell.getValue()) : undefined}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))
                : visibleColumns.map((column) => (
                    <td key={column.id}>
                      <span className="skeleton" />
                    </td>
                  ))}
            </tr>
          );
        })}
        {paddingBottom > 0 && (
          <tr aria-hidden="true">
            <td colSpan={span} style={{ height: paddingBottom, padding: 0, border: 0 }} />
          </tr>
        )}
      </>
    );
  }

  return (
    <div className="dt" data-testid={id}>
      <div className="dt-bar">
        <div className="dt-toolbar">{props.toolbar}</div>
        {props.error && rowCount !== undefined && (
          <div className="dt-error" role="alert">
            {props.error}
          </div>
        )}
        <ColumnMenu columns={table.getAllLeafColumns()} testId={`${id}-columns`} onReset={() => table.setColumnVisibility({})} />
      </div>
      <div className="dt-scroll" ref={scroller}>
        {props.loading && <div className="dt-progress" data-testid={`${id}-busy`} aria-hidden="true" />}
        <table aria-label={props.label} aria-rowcount={rowCount === undefined ? undefined : rowCount + 1} aria-busy={props.loading} style={{ minWidth: Math.round(width * 0.7) }}>
          <colgroup>
            {visibleColumns.map((column) => (
              <col key={column.id} style={{ width: `${((column.getSize() / width) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {table.getFlatHeaders().map((header) => (
                <SortHeader key={header.id} header={header} testId={`${id}-header-${header.column.id}`} onSort={() => props.onSortChange(nextSort(sort, header.column.id))} />
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}

/** A cell's value as its tooltip: text as it is, anything structured as JSON. */
function titleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

function Message({ span, testId, role, children }: { span: number; testId: string; role?: string; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={span} className="dt-message" data-testid={testId} role={role}>
        {children}
      </td>
    </tr>
  );
}
