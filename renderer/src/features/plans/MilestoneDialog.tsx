import { useState } from 'react';
import type { PlanMilestone } from '../../../../shared/contract/plans';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useFieldProblems } from '../../api/useFieldProblems';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

type Fields = 'title' | 'dueDate' | 'doneAt';

/** A milestone of a plan, new in `planId` or as stored: its due date and, once reached, the day it was. */
export function MilestoneDialog({ planId, milestone, onClose }: { planId: number; milestone?: PlanMilestone; onClose: () => void }) {
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [dueDate, setDueDate] = useState(milestone?.dueDate ?? '');
  const [doneAt, setDoneAt] = useState(milestone?.doneAt ?? '');
  const save = useAction(() => {
    const fields = { title, dueDate: dueDate || null, doneAt: doneAt || null };
    return milestone ? call('planMilestones.update', { id: milestone.id, ...fields }) : call('planMilestones.create', { planId, ...fields });
  });
  const { issue, formError, check } = useFieldProblems(save, ['title', 'dueDate', 'doneAt'] as const);
  const submit = async () => {
    const problems: Partial<Record<Fields, string>> = title.trim() ? {} : { title: 'Name the milestone, e.g. “Go-live” or “Executive business review”.' };
    if (check(problems) && (await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title={milestone ? `Edit “${milestone.title}”` : 'New milestone'}
      testId="milestone-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={formError}
      submitLabel={milestone ? 'Save changes' : 'Add milestone'}
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="milestone-save"
    >
      <div className="form-grid">
        <Field label="Milestone" name="title" required wide error={issue('title')}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="milestone-title" />
        </Field>
        <Field label="Due" name="dueDate" error={issue('dueDate')}>
          <input className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="milestone-due" />
        </Field>
        <Field label="Reached on" name="doneAt" hint="Empty while open" error={issue('doneAt')}>
          <input className="input" type="date" value={doneAt} onChange={(e) => setDoneAt(e.target.value)} data-testid="milestone-done-at" />
        </Field>
      </div>
    </FormDialog>
  );
}
