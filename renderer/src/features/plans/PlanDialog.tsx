import { useState } from 'react';
import { PLAN_STATUSES, type SuccessPlan } from '../../../../shared/contract/plans';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useFieldProblems } from '../../api/useFieldProblems';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { PLAN_STATUS_TEXT } from './planForm';

type Fields = 'title' | 'owner' | 'status' | 'startDate' | 'dueDate' | 'notes';

/** A success plan, new (for `accountId`) or as stored (`plan`): what the account means to achieve with us, by when, and whose it is. */
export function PlanDialog({ accountId, plan, onClose }: { accountId: number; plan?: SuccessPlan; onClose: () => void }) {
  const [title, setTitle] = useState(plan?.title ?? '');
  const [owner, setOwner] = useState(plan?.owner ?? '');
  const [status, setStatus] = useState<SuccessPlan['status']>(plan?.status ?? 'active');
  const [startDate, setStartDate] = useState(plan?.startDate ?? '');
  const [dueDate, setDueDate] = useState(plan?.dueDate ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const facets = useQuery('accounts.facets', {}, ['accounts']);
  const values = { title, owner: owner.trim() || null, status, startDate: startDate || null, dueDate: dueDate || null, notes: notes.trim() || null };
  const save = useAction(() => (plan ? call('plans.update', { id: plan.id, ...values }) : call('plans.create', { accountId, ...values })));
  const { issue, formError, check } = useFieldProblems(save, ['title', 'owner', 'status', 'startDate', 'dueDate', 'notes'] as const);
  const submit = async () => {
    const problems: Partial<Record<Fields, string>> = {};
    if (!title.trim()) problems.title = 'Give the plan a title, e.g. “FY27 adoption”.';
    if (startDate && dueDate && dueDate < startDate) problems.dueDate = 'The due date cannot be before the start.';
    if (check(problems) && (await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title={plan ? `Edit “${plan.title}”` : 'New success plan'}
      testId="plan-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={formError}
      submitLabel={plan ? 'Save changes' : 'Add plan'}
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="plan-save"
      wide
    >
      <div className="form-grid">
        <Field label="Title" name="title" required wide error={issue('title')}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="plan-title" />
        </Field>
        <Field label="Status" name="status" error={issue('status')}>
          <select className="input" value={status} onChange={(e) => setStatus(e.target.value as SuccessPlan['status'])} data-testid="plan-status">
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLAN_STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner" name="owner" hint="Who drives it on our side" error={issue('owner')}>
          <input className="input" value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={100} list="plan-owners" data-testid="plan-owner" />
        </Field>
        <datalist id="plan-owners">
          {facets.data?.owners.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <Field label="Start" name="startDate" error={issue('startDate')}>
          <input className="input" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} data-testid="plan-start" />
        </Field>
        <Field label="Due" name="dueDate" error={issue('dueDate')}>
          <input className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="plan-due" />
        </Field>
        <Field label="Notes" name="notes" wide error={issue('notes')}>
          <textarea className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} data-testid="plan-notes" />
        </Field>
      </div>
    </FormDialog>
  );
}
