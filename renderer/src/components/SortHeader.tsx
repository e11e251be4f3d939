import { flexRender, type Header } from '@tanstack/react-table';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header; sortable ones are buttons (Tab, Enter, Space) and announce their order. */
export function SortHeader<Row>({ header, testId, onSort }: { header: Header<Row, unknown>; testId: string; onSort: () => void }) {
  const { column } = header;
  const sorted = column.getIsSorted();
  const end = column.columnDef.meta?.align === 'end';
  const content = flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={end ? 'num' : undefined} data-testid={testId}>
        {content}
      </th>
    );
  }
  return (
    <th scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : 'none'} className={end ? 'num' : undefined} data-testid={testId}>
      <button type="button" className="sort-button" onClick={onSort} title={column.columnDef.meta?.label}>
        <span>{content}</span>
        <span className={`sort-mark${sorted ? ' on' : ''}`} aria-hidden="true">
          {sorted === 'desc' ? '▼' : '▲'}
        </span>
      </button>
    </th>
  );
}
