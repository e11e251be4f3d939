import type { RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a declaration merge repeats TanStack's type parameters, used or not
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the column menu and for screen readers. */
    label: string;
    /** Numbers line up on the right. */
    align?: 'start' | 'end';
    /** Long text: the full value shows on hover when the cell cuts it short. */
    tooltip?: boolean;
    /** Optional columns (custom fields): hidden until the column menu shows them. */
    defaultHidden?: boolean;
  }
}

export interface SortState {
  field: string;
  direction: 'asc' | 'desc';
}

/** Clicking a header: a new column sorts ascending, the sorted column flips direction. */
export function nextSort(current: SortState | undefined, field: string): SortState {
  if (current?.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field, direction: 'asc' };
}

/** Keyboard moves in the table body: the row index a key leads to, or undefined for other keys. */
export function moveIndex(key: string, index: number, count: number, pageRows: number): number | undefined {
  const clamp = (value: number) => Math.max(0, Math.min(count - 1, value));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + pageRows);
    case 'PageUp':
      return clamp(index - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return clamp(count - 1);
    default:
      return undefined;
  }
}
