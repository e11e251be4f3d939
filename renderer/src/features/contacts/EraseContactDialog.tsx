import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { countOf } from '../../../../shared/format/format';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import './erase.css';

/** Tables as a person reads them (the core names them by their SQLite names). */
const NOUNS: Record<string, [string, string]> = {
  contacts: ['contact record', 'contact records'],
  consents: ['consent', 'consents'],
  custom_field_values: ['custom field value', 'custom field values'],
  touchpoints: ['touchpoint', 'touchpoints'],
  tickets: ['ticket', 'tickets'],
  survey_responses: ['survey answer', 'survey answers'],
  feedback_items: ['feedback item', 'feedback items'],
  references: ['reference', 'references'],
  tasks: ['task', 'tasks'],
  success_stories: ['success story', 'success stories'],
  story_approvals: ['story approval', 'story approvals'],
  reference_requests: ['reference request', 'reference requests'],
  reference_stage_changes: ['reference stage change', 'reference stage changes'],
  outcomes: ['outcome', 'outcomes'],
  calls_to_action: ['call to action', 'calls to action'],
  team_conflicts: ['team conflict', 'team conflicts'],
};
const count = (table: string, n: number) => {
  const [one, many] = NOUNS[table] ?? [table.replace(/_/g, ' '), table.replace(/_/g, ' ')];
  return countOf(n, one, many);
};
const FIELD_NAMES: Record<string, string> = { notes: 'notes', subject: 'subject', comment: 'comment', text: 'text' };

const typed = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * "Erase this person": what will go (read from the core's plan), a typed name to confirm (the core
 * checks it again), then what was done. Erasure cannot be undone, so nothing is pre-filled.
 */
export function EraseContactDialog({ contactId, onClose }: { contactId: number; onClose: () => void }) {
  const plan = useQuery('contacts.erasePlan', { id: contactId });
  const [confirm, setConfirm] = useState('');
  const [result, setResult] = useState<Output<'contacts.erase'>>();
  const erase = useAction(() => call('contacts.erase', { id: contactId, confirm }));

  if (result) return <ErasedDialog result={result} inTeam={plan.data?.inTeam ?? false} onClose={onClose} />;
  const p = plan.data;
  const matches = p !== undefined && typed(confirm) === typed(p.name);
  return (
    <FormDialog
      title={p ? `Erase ${p.name}?` : 'Erase this person?'}
      testId="erase-contact"
      onClose={onClose}
      onSubmit={() => {
        if (!matches) return;
        void erase.run().then((outcome) => outcome.ok && setResult(outcome.value));
      }}
      error={erase.error ?? plan.error?.message}
      errorTestId="erase-error"
      errorLast
      submitLabel="Erase permanently"
      busyLabel="Erasing…"
      busy={erase.busy}
      submitDisabled={!matches}
      submitTestId="erase-contact-confirm"
      danger
    >
      {!p && !plan.error && <p className="muted">Reading what this person's data touches…</p>}
      {p && (
        <div className="erase-plan" data-testid="erase-plan">
          <p>
            This removes {p.name}
            {p.email ? ` (${p.email})` : ''} and their personal data from this workspace. <strong>It cannot be undone.</strong>
          </p>
          <ul>
            <li data-testid="erase-removed">Deleted: {p.removed.map((r) => count(r.table, r.count)).join(', ')}.</li>
            {p.unlinked.length > 0 && (
              <li data-testid="erase-unlinked">
                Kept for the figures, no longer linked to {p.name}:{' '}
                {p.unlinked.map((u) => `${count(u.table, u.count)}${u.blanked.length > 0 ? ` (${u.blanked.map((f) => FIELD_NAMES[f] ?? f).join(', ')} cleared)` : ''}`).join(', ')}.
              </li>
            )}
            {p.mentions.length > 0 && (
              <li data-testid="erase-mentions">Mentions of the name or e-mail replaced by “[erased]” in {p.mentions.map((m) => count(m.table, m.count)).join(', ')}.</li>
            )}
          </ul>
          <p className="muted small">
            {p.inTeam
              ? 'This workspace is in a team: the erasure reaches the team server on the next sync, and every teammate’s laptop on theirs.'
              : 'Backups made before now still hold this person: delete them if they must go too.'}
          </p>
          <Field label={`Type ${p.name} to confirm`} name="confirm-name">
            <input type="text" value={confirm} autoComplete="off" spellCheck={false} onChange={(event) => setConfirm(event.target.value)} data-testid="erase-confirm-name" />
          </Field>
        </div>
      )}
    </FormDialog>
  );
}

function ErasedDialog({ result, inTeam, onClose }: { result: Output<'contacts.erase'>; inTeam: boolean; onClose: () => void }) {
  return (
    <Dialog title="Person erased" onClose={onClose} testId="erased-contact">
      <div className="dialog-body">
        <p role="status" data-testid="erase-result">
          Erased: {countOf(result.removed, 'record')} deleted, {countOf(result.unlinked, 'record')} unlinked, {countOf(result.mentions, 'mention')} replaced.
          {result.vacuumed ? ' The workspace file was rebuilt, so no copy is left in it.' : ''}
        </p>
        {inTeam && <p className="muted small">The team server and your teammates’ laptops apply it on their next sync.</p>}
        <footer className="dialog-actions">
          <button type="button" className="button primary" onClick={onClose} data-autofocus data-testid="erased-close">
            Done
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
