import { useState } from 'react';
import type { Input } from '../../../../shared/contract';
import { CHANNELS } from '../../../../shared/contract/common';
import type { Contact } from '../../../../shared/contract/contacts';
import { TOUCHPOINT_KINDS } from '../../../../shared/contract/touchpoints';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { channelLabel, SENTIMENTS, touchpointKindLabel } from '../../lib/labels';
import { local, readJson, writeJson } from '../../lib/storage';
import { contactOption, emptyTouchpointForm, formToTouchpoint, touchpointErrors, type TouchpointFormValues } from './touchpointForm';

const LAST_USED = 'fulcrum.touchpoint.last';

/** Log what just happened with the account, fast: now, the last channel and kind used, notes. */
export function LogTouchpointDialog({
  accountId,
  contacts,
  onLogged,
  onClose,
}: {
  accountId: number;
  contacts: Contact[];
  onLogged: () => Promise<void> | void;
  onClose: () => void;
}) {
  const [values, setValues] = useState(() => emptyTouchpointForm(new Date(), readJson(local(), LAST_USED, {})));
  const [errors, setErrors] = useState<ReturnType<typeof touchpointErrors>>({});
  const set = (patch: Partial<TouchpointFormValues>) => setValues((previous) => ({ ...previous, ...patch }));

  const log = useAction(async (input: Input<'touchpoints.create'>) => {
    await call('touchpoints.create', input);
    writeJson(local(), LAST_USED, { channel: values.channel, kind: values.kind });
    await onLogged();
    onClose();
  });

  const submit = async () => {
    const parsed = formToTouchpoint(accountId, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    const result = await log.run(parsed.input);
    if (!result.ok) setErrors(touchpointErrors(result.error.error));
  };

  return (
    <FormDialog
      title="Log touchpoint"
      testId="touchpoint-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      onKeyDown={(event) => {
        // Enter in the notes makes a new line; Ctrl+Enter (or ⌘+Enter) logs.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
      wide
      error={errors.form}
      submitLabel="Log touchpoint"
      busyLabel="Logging…"
      busy={log.busy}
      submitTestId="touchpoint-form-submit"
    >
      <div className="form-grid">
        <Field label="When" name="occurredAt" error={errors.occurredAt} required>
          <input type="datetime-local" className="input" value={values.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} data-testid="input-occurredAt" />
        </Field>
        <Field label="Contact" name="contactId" error={errors.contactId}>
          <select className="input" value={values.contactId} onChange={(e) => set({ contactId: e.target.value })} data-testid="input-contactId">
            <option value="">No one in particular</option>
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contactOption(contact)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Channel" name="channel" error={errors.channel} required>
          <select
            className="input"
            value={values.channel}
            onChange={(e) => set({ channel: e.target.value as TouchpointFormValues['channel'] })}
            data-testid="input-channel"
            data-autofocus
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {channelLabel(channel)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Kind" name="kind" error={errors.kind} required>
          <select className="input" value={values.kind} onChange={(e) => set({ kind: e.target.value as TouchpointFormValues['kind'] })} data-testid="input-kind">
            {TOUCHPOINT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {touchpointKindLabel(kind)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sentiment" name="sentiment" error={errors.sentiment} wide>
          <div className="segmented" role="radiogroup" aria-label="Sentiment" data-testid="input-sentiment">
            {[{ value: '', label: 'Not recorded' }, ...[...SENTIMENTS].reverse().map((s) => ({ value: String(s.value), label: s.label }))].map((option) => (
              <label key={option.value} className={values.sentiment === option.value ? `on sentiment-${Math.sign(Number(option.value || 0))}` : undefined}>
                <input type="radio" name="sentiment" value={option.value} checked={values.sentiment === option.value} onChange={() => set({ sentiment: option.value })} />
                {option.label}
              </label>
            ))}
          </div>
        </Field>
        <Field label="Notes" name="notes" error={errors.notes} hint="Ctrl+Enter logs the touchpoint" wide>
          <textarea className="input" rows={4} value={values.notes} onChange={(e) => set({ notes: e.target.value })} data-testid="input-notes" />
        </Field>
      </div>
    </FormDialog>
  );
}
