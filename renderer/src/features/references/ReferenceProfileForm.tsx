import { useState } from 'react';
import type { ReferenceDetail } from '../../../../shared/contract/references';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';

/** What the programme keeps about a reference besides its stage: who speaks for it, how often it may be asked, notes. */
export function ReferenceProfileForm({ reference }: { reference: ReferenceDetail }) {
  const contacts = useQuery('contacts.list', { filter: { accountId: reference.accountId }, pageSize: 100 }, ['contacts']);
  const [contactId, setContactId] = useState(reference.contactId === null ? '' : String(reference.contactId));
  const [limit, setLimit] = useState(reference.usageLimitPerQuarter === null ? '' : String(reference.usageLimitPerQuarter));
  const [notes, setNotes] = useState(reference.notes ?? '');
  const [errors, setErrors] = useState<Partial<Record<'contactId' | 'usageLimitPerQuarter' | 'notes' | 'form', string>>>({});
  const [saved, setSaved] = useState(false);

  const saving = useAction(async (usageLimitPerQuarter: number | null) => {
    await call('references.update', { id: reference.id, contactId: contactId ? Number(contactId) : null, usageLimitPerQuarter, notes: notes.trim() || null });
  });
  const { busy } = saving;

  const submit = async () => {
    const parsedLimit = limit.trim() === '' ? null : Number(limit);
    if (parsedLimit !== null && (!Number.isInteger(parsedLimit) || parsedLimit < 0)) {
      return setErrors({ usageLimitPerQuarter: 'A whole number of asks, 0 or more; empty for the programme default' });
    }
    setSaved(false);
    const result = await saving.run(parsedLimit);
    if (result.ok) {
      setErrors({});
      setSaved(true);
    } else {
      const api = result.error;
      setErrors({ contactId: api.issueFor('contactId'), notes: api.issueFor('notes'), form: api.error.issues?.length ? undefined : api.message });
    }
  };

  return (
    <form
      className="reference-profile"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="reference-profile"
    >
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-grid">
        <Field label="Reference contact" name="contactId" error={errors.contactId}>
          <select className="input" value={contactId} onChange={(e) => setContactId(e.target.value)} data-testid="input-contactId">
            <option value="">No contact yet</option>
            {contacts.data?.rows.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name}
                {contact.title ? ` — ${contact.title}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Asks per quarter at most" name="usageLimitPerQuarter" error={errors.usageLimitPerQuarter} hint="Empty: the programme's total budget">
          <input className="input number" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} data-testid="input-usageLimitPerQuarter" />
        </Field>
        <Field label="Notes" name="notes" error={errors.notes} wide>
          <textarea className="input" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} data-testid="input-notes" />
        </Field>
      </div>
      <div className="section-bar">
        <span className="muted" role="status">
          {saved ? 'Saved.' : ''}
        </span>
        <button type="submit" className="button small" disabled={busy} data-testid="save-profile">
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
