import { useCallback, useEffect, useRef, useState } from 'react';
import { useAction } from '../../api/useAction';

export interface Undo {
  offer: (message: string, undo: () => Promise<void>) => void;
  current: { message: string; undo: () => Promise<void> } | undefined;
  dismiss: () => void;
}

/** One undoable step at a time, offered for 20 seconds after a removal. */
export function useUndo(): Undo {
  const [current, setCurrent] = useState<Undo['current']>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setCurrent(undefined);
  }, []);
  const offer = useCallback((message: string, undo: () => Promise<void>) => {
    clearTimeout(timer.current);
    setCurrent({ message, undo });
    timer.current = setTimeout(() => setCurrent(undefined), 20_000);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { offer, current, dismiss };
}

export function UndoBar({ undo }: { undo: Undo }) {
  const undoing = useAction(async (work: () => Promise<void>) => {
    await work();
    undo.dismiss();
  });
  const error = undoing.error;
  if (!undo.current) return null;
  const { message, undo: run } = undo.current;
  return (
    <div className="banner undo-bar" role="status" data-testid="undo-bar">
      <span>{message}</span>
      {error && <span className="form-error">{error}</span>}
      <span className="header-actions">
        <button type="button" className="button" data-testid="undo" onClick={() => void undoing.run(run)}>
          Undo
        </button>
        <button type="button" className="link-button" onClick={undo.dismiss} aria-label="Dismiss">
          Dismiss
        </button>
      </span>
    </div>
  );
}
