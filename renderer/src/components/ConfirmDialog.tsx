import type { ReactNode } from 'react';
import { useAction } from '../api/useAction';
import { FormDialog } from './FormDialog';

/** "Are you sure?" with the consequence spelled out; the action's error stays in the dialog. */
export function ConfirmDialog({
  title,
  children,
  confirm,
  danger,
  onConfirm,
  onClose,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId: string;
}) {
  const action = useAction(onConfirm);
  return (
    <FormDialog
      title={title}
      testId={testId}
      onClose={onClose}
      onSubmit={() => void action.run()}
      error={action.error}
      errorLast
      submitLabel={confirm}
      busyLabel="Working…"
      busy={action.busy}
      danger={danger}
      submitFocus
      submitTestId={`${testId}-confirm`}
    >
      <div className="confirm-text">{children}</div>
    </FormDialog>
  );
}
