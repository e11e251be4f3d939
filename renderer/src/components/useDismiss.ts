import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A popover opened by a button (the column menu, the custom-field filter): while open, focus moves
 * to the first control `focusSelector` finds in the panel, and a mouse press outside both the panel
 * and its button closes it. `close()` closes it and hands focus back to the button (Escape, Done),
 * so keyboard users are never left on a control that just disappeared.
 */
export function useDismiss(focusSelector: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>(focusSelector)?.focus();
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open, focusSelector]);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen((value) => !value), []);
  /** The panel's Escape: closes this popover only (not a dialog around it). */
  const onEscape = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return false;
      event.stopPropagation();
      close();
      return true;
    },
    [close],
  );

  return { open, button, panel, close, toggle, onEscape };
}
