import { useState } from 'react';
import { APPROVAL_ROLE_LABELS, APPROVAL_ROLES, type ApprovalRole } from '../../../../shared/contract/stories';
import { ApiError, call } from '../../api/client';
import { issuesByField } from '../../api/fieldErrors';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

/** Who signed off, in which role, with any condition they set; recorded with today's time. */
export function ApprovalDialog({ storyId, defaultRole, onClose }: { storyId: number; defaultRole: ApprovalRole; onClose: () => void }) {
  const [approver, setApprover] = useState('');
  const [role, setRole] = useState<ApprovalRole>(defaultRole);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'approver' | 'role' | 'note' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!approver.trim()) return setErrors({ approver: 'Say who approved it' });
    setBusy(true);
    try {
      await call('stories.approve', { id: storyId, approver, role, note: note.trim() || null });
      onClose();
    } catch (failure) {
      setBusy(false);
      setErrors(failure instanceof ApiError ? issuesByField(failure.error, ['approver', 'role', 'note'] as const) : { form: (failure as Error).message });
    }
  };

  return (
    <Dialog title="Record approval" onClose={onClose} testId="approval-form">
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <Field label="Role" name="role" error={errors.role} required>
          <select className="input" value={role} onChange={(e) => setRole(e.target.value as ApprovalRole)} data-testid="approval-role">
            {APPROVAL_ROLES.map((option) => (
              <option key={option} value={option}>
                {APPROVAL_ROLE_LABELS[option]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Approved by" name="approver" error={errors.approver} required hint="Name, and title for the customer">
          <input className="input" value={approver} onChange={(e) => setApprover(e.target.value)} maxLength={200} data-testid="approval-approver" data-autofocus />
        </Field>
        <Field label="Note" name="note" error={errors.note} hint="Conditions or changes asked for, if any">
          <textarea className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} data-testid="approval-note" />
        </Field>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="approval-form-submit">
            {busy ? 'Recording…' : 'Record approval'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
