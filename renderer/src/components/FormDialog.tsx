import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { Dialog } from './Dialog';

/**
 * A dialog that is one form: the fields, the form's error line, and the footer with Cancel and
 * the primary button (disabled and relabelled while the action runs). Enter submits; the form
 * does its own checks (noValidate), so its messages read the same as the core's.
 */
export function FormDialog({
  title,
  testId,
  onClose,
  onSubmit,
  wide,
  intro,
  error,
  errorTestId,
  errorLast,
  submitLabel,
  busyLabel,
  busy = false,
  submitTestId,
  submitDisabled,
  submitFocus,
  danger,
  cancelLabel = 'Cancel',
  actions,
  formRef,
  onKeyDown,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  onSubmit: () => void;
  wide?: boolean;
  /** Shown above the error line: what the dialog does. */
  intro?: ReactNode;
  /** The form-level error; field errors belong beside their fields. */
  error?: ReactNode;
  errorTestId?: string;
  /** Long forms show the error beside the button that was pressed rather than at the top. */
  errorLast?: boolean;
  submitLabel: string;
  /** The primary button's label while busy; it keeps `submitLabel` when absent. */
  busyLabel?: string;
  busy?: boolean;
  submitTestId?: string;
  submitDisabled?: boolean;
  /** Focus the primary button on open (a confirmation has no field to start in). */
  submitFocus?: boolean;
  danger?: boolean;
  cancelLabel?: string;
  /** More buttons, before Cancel (e.g. a destructive "Remove"). */
  actions?: ReactNode;
  formRef?: Ref<HTMLFormElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const errorLine = error ? (
    // Focusable, so a form can move the cursor to it when no field is to blame.
    <p className="form-error" role="alert" tabIndex={-1} data-testid={errorTestId}>
      {error}
    </p>
  ) : null;
  return (
    <Dialog title={title} onClose={onClose} testId={testId} wide={wide}>
      <form
        ref={formRef}
        className="dialog-body"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {intro}
        {!errorLast && errorLine}
        {children}
        {errorLast && errorLine}
        <footer className="dialog-actions">
          {actions}
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            className={`button ${danger ? 'danger' : 'primary'}`}
            disabled={busy || submitDisabled}
            data-autofocus={submitFocus || undefined}
            data-testid={submitTestId}
          >
            {busy && busyLabel ? busyLabel : submitLabel}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
