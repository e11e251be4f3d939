import type { Column } from '@tanstack/react-table';
import { useEffect, useId, useRef, useState } from 'react';

/** "Columns" button with a popover of checkboxes to show or hide the table's columns. */
export function ColumnMenu<Row>({ columns, testId, onReset }: { columns: Column<Row, unknown>[]; testId: string; onReset: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="column-menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid={`${testId}-button`}
        onClick={() => setOpen((value) => !value)}
      >
        Columns
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label="Columns to show"
          className="popover"
          data-testid={testId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
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
