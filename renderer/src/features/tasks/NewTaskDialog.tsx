import { useState } from 'react';
import { TASK_PRIORITIES, type TaskPriority } from '../../../../shared/contract/tasks';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { AccountPicker, type PickedAccount } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { PRIORITY_LABELS } from './labels';

/** A new task by hand: on a chosen account (or the given one), owned by `owner` unless changed. */
export function NewTaskDialog({ account, owner, onClose }: { account?: PickedAccount; owner: string; onClose: () => void }) {
  const [picked, setPicked] = useState<PickedAccount | null>(account ?? null);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [who, setWho] = useState(owner);
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState<string>();
  const save = useAction(() => call('tasks.create', { accountId: picked!.id, title, dueDate: dueDate || null, priority, owner: who || null, notes: notes || null }));
  const submit = async () => {
    if (!picked) return setMissing('Choose the account the task is for.');
    if (!title.trim()) return setMissing('Say what is to be done.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title="New task"
      testId="new-task"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Add task"
      busyLabel="Adding…"
      busy={save.busy}
      submitTestId="new-task-save"
    >
      <div className="form-grid">
        {!account && (
          <Field label="Account" name="account" required wide>
            <AccountPicker value={picked} onChange={setPicked} testId="new-task-account" />
          </Field>
        )}
        <Field label="Task" name="title" required wide>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="new-task-title" />
        </Field>
        <Field label="Due" name="dueDate">
          <input className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="new-task-due" />
        </Field>
        <Field label="Priority" name="priority">
          <select className="select" value={priority} onChange={(e) => setPriority(e.target.value as TaskPriority)} data-testid="new-task-priority">
            {TASK_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner" name="owner" hint="Whose 'my tasks' it appears in">
          <input className="input" value={who} onChange={(e) => setWho(e.target.value)} maxLength={100} data-testid="new-task-owner" />
        </Field>
        <Field label="Notes" name="notes" wide>
          <textarea className="input" value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={4000} rows={3} />
        </Field>
      </div>
    </FormDialog>
  );
}
