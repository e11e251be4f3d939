import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useLoader } from '../../api/useQuery';
import { AccountPicker, type PickedAccount } from '../../components/AccountPicker';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { useActor } from './useActor';

/** An account chosen before the dialog opens (a suggested candidate), with why it is suggested. */
export interface NominationPreset {
  accountId: number;
  accountName: string;
  reason: string;
}

/**
 * Put an account into the programme as a candidate, with the contact who would speak for it: an
 * account found by name, or the preset one (its champion proposed as the contact).
 */
export function NominateDialog({ preset, onCreated, onClose }: { preset?: NominationPreset; onCreated: (id: number) => void; onClose: () => void }) {
  const [actor, setActor] = useActor();
  const [picked, setPicked] = useState<PickedAccount | null>(preset ? { id: preset.accountId, name: preset.accountName } : null);
  const accountId = picked?.id;
  const [contactId, setContactId] = useState('');
  // "Who am I" by default, also when it arrives after the dialog opened; typing takes over.
  const [typed, setBy] = useState<string>();
  const by = typed ?? actor;
  const [reason, setReason] = useState(preset?.reason.slice(0, 500) ?? '');
  const [missing, setMissing] = useState<Partial<Record<'accountId' | 'by', string>>>({});
  const contacts = useLoader(accountId ? String(accountId) : undefined, (key) => call('contacts.list', { filter: { accountId: Number(key) }, pageSize: 100 }), ['contacts']);

  // A suggested account's champion speaks for it by default.
  useEffect(() => {
    const rows = contacts.data?.rows ?? [];
    if (preset && contactId === '' && rows.length) setContactId(String((rows.find((c) => c.isChampion) ?? rows[0])!.id));
  }, [contacts.data]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the contacts load: the user's own choice is never overwritten

  const nominate = useAction(async (chosen: number) => {
    const created = await call('references.create', { accountId: chosen, contactId: contactId ? Number(contactId) : null, by: by.trim(), reason: reason.trim() || undefined });
    setActor(by);
    onCreated(created.id);
  });
  const contactIssue = nominate.failure?.issueFor('contactId');
  const errors = { ...missing, contactId: contactIssue, form: nominate.failure && !contactIssue ? nominate.failure.message : undefined };

  const submit = () => {
    const next = { accountId: accountId ? undefined : 'Choose the account', by: by.trim() ? undefined : 'Say who nominates it' };
    setMissing(next);
    nominate.reset();
    if (accountId && !next.by) void nominate.run(accountId);
  };

  return (
    <FormDialog
      title={preset ? `Nominate ${preset.accountName}` : 'Nominate an account'}
      testId="nominate-dialog"
      onClose={onClose}
      onSubmit={submit}
      wide
      error={errors.form}
      submitLabel="Nominate as candidate"
      busyLabel="Nominating…"
      busy={nominate.busy}
      submitTestId="nominate-dialog-submit"
    >
      <div className="form-grid">
        {!preset && (
          <Field label="Account" name="accountId" error={errors.accountId} required hint="Type part of the name">
            <AccountPicker
              value={picked}
              onChange={(chosen) => {
                setPicked(chosen);
                setContactId('');
              }}
              testId="input-accountId"
              autoFocus
            />
          </Field>
        )}
        <Field label="Reference contact" name="contactId" error={errors.contactId} hint="Consents are the contact's; you can choose later">
          <select className="input" value={contactId} onChange={(e) => setContactId(e.target.value)} disabled={!accountId} data-testid="input-contactId">
            <option value="">No contact yet</option>
            {accountId &&
              contacts.data?.rows.map((contact) => (
                <option key={contact.id} value={contact.id}>
                  {contact.name}
                  {contact.title ? ` — ${contact.title}` : ''}
                  {contact.isChampion ? ' (champion)' : ''}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Nominated by" name="by" error={errors.by} required>
          <input className="input" value={by} onChange={(e) => setBy(e.target.value)} maxLength={100} data-testid="input-by" {...(preset ? { 'data-autofocus': true } : {})} />
        </Field>
        <Field label="Why (optional)" name="reason" wide>
          <textarea className="input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="input-reason" />
        </Field>
      </div>
    </FormDialog>
  );
}
