import { useEffect, useState, type FormEvent } from 'react';
import type { Candidate } from '../../../../shared/contract/leverage';
import { ApiError, call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useActor } from '../references/useActor';
import { scoreText } from './labels';

/** Puts a candidate account into the reference program (stage candidate), with its contact and why. */
export function NominateDialog({ candidate, onClose, onDone }: { candidate: Candidate; onClose: () => void; onDone: () => void }) {
  const [actor, remember] = useActor();
  const [by, setBy] = useState(actor);
  const [contactId, setContactId] = useState('');
  const [reason, setReason] = useState(`Readiness ${scoreText(candidate.score)}: ${candidate.reasons.slice(0, 2).join('; ')}`.slice(0, 500));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ by?: string; form?: string }>({});
  const contacts = useQuery('contacts.list', { filter: { accountId: candidate.accountId }, pageSize: 200, sort: { field: 'name', direction: 'asc' } }, ['contacts']);

  // The champion speaks for the account by default.
  useEffect(() => {
    const rows = contacts.data?.rows ?? [];
    if (contactId === '' && rows.length) setContactId(String((rows.find((c) => c.isChampion) ?? rows[0])!.id));
  }, [contacts.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!by.trim()) return setErrors({ by: 'say who nominates it' });
    setBusy(true);
    try {
      await call('references.create', { accountId: candidate.accountId, contactId: contactId ? Number(contactId) : null, by: by.trim(), reason: reason.trim() || undefined });
      remember(by.trim());
      onDone();
    } catch (failure) {
      setErrors({ form: failure instanceof ApiError ? failure.message : String(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Nominate ${candidate.name}`} onClose={onClose} testId="nominate-dialog">
      <form className="dialog-body" onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <div className="form-grid">
          <Field label="Nominated by" name="by" required error={errors.by}>
            <input className="input" value={by} onChange={(e) => { setBy(e.target.value); setErrors((x) => ({ ...x, by: undefined })); }} data-testid="nominate-by" data-autofocus />
          </Field>
          <Field label="Contact who would speak" name="contactId" hint="consents are recorded for this person">
            <select className="input" value={contactId} onChange={(e) => setContactId(e.target.value)} data-testid="nominate-contact">
              <option value="">Not chosen yet</option>
              {(contacts.data?.rows ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}{c.title ? `, ${c.title}` : ''}{c.isChampion ? ' (champion)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Why" name="reason" wide>
            <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="nominate-reason" />
          </Field>
        </div>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy} data-testid="nominate-submit">
            {busy ? 'Nominating…' : 'Nominate'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
