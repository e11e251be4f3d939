import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

/** A v4 UUID; crypto.randomUUID needs a secure context, which a loopback page is, but a fallback costs little. */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * "Open a call to action" on the account page: reason, owner, due, optional playbook. The client id
 * is made once per dialog, so a Save retried after a lost answer opens the same call to action (the
 * core derives its id from it: ctas.open).
 */
export function OpenCtaDialog({ accountId, owner, onClose }: { accountId: number; owner: string; onClose: () => void }) {
  const [clientId] = useState(newClientId);
  const [reason, setReason] = useState('');
  const [who, setWho] = useState(owner);
  const [due, setDue] = useState('');
  const [playbookId, setPlaybookId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string>();
  const playbooks = useQuery('playbooks.list', {}, ['playbooks']);
  const save = useAction(() =>
    call('ctas.open', { clientId, accountId, reason, owner: who.trim() || null, due: due || null, playbookId: playbookId ? Number(playbookId) : null, note: note || null }),
  );
  const submit = async () => {
    if (!reason.trim()) return setMissing('Say why the account needs acting on.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title="Open a call to action"
      testId="open-cta"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Open call to action"
      busyLabel="Opening…"
      busy={save.busy}
      submitTestId="open-cta-save"
    >
      <div className="form-grid">
        <Field label="Reason" name="reason" required wide error={save.failure?.issueFor('reason')}>
          <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="open-cta-reason" />
        </Field>
        <Field label="Owner" name="owner" hint="Whose 'my tasks' its tasks appear in">
          <input className="input" value={who} onChange={(e) => setWho(e.target.value)} maxLength={100} data-testid="open-cta-owner" />
        </Field>
        <Field label="Due" name="due" hint="Without a playbook, the reason becomes a task due then" error={save.failure?.issueFor('due')}>
          <input className="input" type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="open-cta-due" />
        </Field>
        <Field label="Playbook" name="playbookId" wide hint={playbooks.error ? playbooks.error.message : 'Its tasks are created from today'}>
          <select className="select" value={playbookId} onChange={(e) => setPlaybookId(e.target.value)} data-testid="open-cta-playbook">
            <option value="">None</option>
            {playbooks.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.steps.length} {p.steps.length === 1 ? 'task' : 'tasks'})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note" name="note" wide>
          <textarea className="input" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} data-testid="open-cta-note" />
        </Field>
      </div>
    </FormDialog>
  );
}
