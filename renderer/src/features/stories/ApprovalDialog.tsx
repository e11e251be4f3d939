import { useState } from 'react';
import { APPROVAL_ROLE_LABELS, APPROVAL_ROLES, type ApprovalRole } from '../../../../shared/contract/stories';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { issuesByField } from '../../api/fieldErrors';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';

/** Who signed off, in which role, with any condition they set; recorded with today's time. */
export function ApprovalDialog({ storyId, defaultRole, onClose }: { storyId: number; defaultRole: ApprovalRole; onClose: () => void }) {
  const [approver, setApprover] = useState('');
  const [role, setRole] = useState<ApprovalRole>(defaultRole);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'approver' | 'role' | 'note' | 'form', string>>>({});

  const approve = useAction(async () => {
    await call('stories.approve', { id: storyId, approver, role, note: note.trim() || null });
    onClose();
  });

  const submit = async () => {
    if (!approver.trim()) return setErrors({ approver: 'Say who approved it' });
    const result = await approve.run();
    if (!result.ok) setErrors(issuesByField(result.error.error, ['approver', 'role', 'note'] as const));
  };

  return (
    <FormDialog
      title="Record approval"
      testId="approval-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={errors.form}
      submitLabel="Record approval"
      busyLabel="Recording…"
      busy={approve.busy}
      submitTestId="approval-form-submit"
    >
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
    </FormDialog>
  );
}
