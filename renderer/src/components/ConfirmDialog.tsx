import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/** "Are you sure?" with the consequence spelled out; the action's error stays in the dialog. */
export function ConfirmDialog({ title, children, confirm, danger, onConfirm, onClose, testId }: {
  title: string;
  children: ReactNode;
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form
        className="dialog-body"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            await onConfirm();
          } catch (failure) {
            setError((failure as Error).message);
            setBusy(false);
          }
        }}
      >
        <div className="confirm-text">{children}</div>
        {error && <p className="form-error" role="alert">{error}</p>}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={`button ${danger ? 'danger' : 'primary'}`} disabled={busy} data-autofocus data-testid={`${testId}-confirm`}>
            {busy ? 'Working…' : confirm}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
