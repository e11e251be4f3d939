import type { Column } from '@tanstack/react-table';
import { useId } from 'react';
import { useDismiss } from './useDismiss';

/** "Columns" button with a popover of checkboxes to show or hide the table's columns. */
export function ColumnMenu<Row>({ columns, testId, onReset }: { columns: Column<Row, unknown>[]; testId: string; onReset: () => void }) {
  const { open, button, panel, close, toggle, onEscape } = useDismiss('input:not(:disabled)');
  const panelId = useId();

  return (
    <div className="column-menu">
      <button ref={button} type="button" className="button" aria-haspopup="true" aria-expanded={open} aria-controls={panelId} data-testid={`${testId}-button`} onClick={toggle}>
        Columns
      </button>
      {open && (
        <div ref={panel} id={panelId} role="group" aria-label="Columns to show" className="popover" data-testid={testId} onKeyDown={onEscape}>
          {columns.map((column) => (
            <label key={column.id} className="check">
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                disabled={!column.getCanHide()}
                onChange={column.getToggleVisibilityHandler()}
                data-testid={`${testId}-${column.id}`}
              />
              {column.columnDef.meta?.label ?? column.id}
            </label>
          ))}
          <div className="popover-actions">
            <button type="button" className="link-button" onClick={onReset}>
              Show all
            </button>
            <button type="button" className="link-button" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
