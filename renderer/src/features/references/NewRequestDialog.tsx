import { useEffect, useState } from 'react';
import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import { ApiError, call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useLoader, useQuery } from '../../api/useQuery';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { activityLabel } from './labels';
import { useActor } from './useActor';

type Activity = (typeof REFERENCE_ACTIVITIES)[number];
type Errors = Partial<Record<'referenceId' | 'dealId' | 'requester' | 'activity' | 'neededBy' | 'form', string>>;

/** Ask a reference for an activity, for a deal or for the programme; the contact's consents say what can be asked. */
export function NewRequestDialog({ referenceId: fixedReference, onCreated, onClose }: { referenceId?: number; onCreated?: (id: number) => void; onClose: () => void }) {
  const [actor, setActor] = useActor();
  const [referenceId, setReferenceId] = useState(fixedReference ? String(fixedReference) : '');
  const [dealId, setDealId] = useState('');
  // "Who am I" by default, also when it arrives after the dialog opened; typing takes over.
  const [typed, setRequester] = useState<string>();
  const requester = typed ?? actor;
  const [activity, setActivity] = useState<Activity>('reference_call');
  const [neededBy, setNeededBy] = useState('');
  const [missing, setMissing] = useState<Errors>({});
  const references = useQuery('references.list', { filter: { stage: ['recruited', 'active'] }, pageSize: 500 }, ['references']);
  const deals = useQuery('deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 500, sort: { field: 'prospect', direction: 'asc' } }, [
    'deals',
  ]);
  const consents = useLoader(referenceId || undefined, (key) => call('references.consents', { referenceId: Number(key) }), ['references']);
  const allowed = new Set(consents.data?.consents.filter((c) => c.state === 'valid').map((c) => c.activity));

  // A reference chosen: offer the first activity its contact consented to.
  useEffect(() => {
    const first = REFERENCE_ACTIVITIES.find((code) => allowed.has(code));
    if (first && !allowed.has(activity)) setActivity(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the consents load, not when the user picks another activity
  }, [consents.data]);

  const send = useAction(async () => {
    const created = await call('requests.create', {
      referenceId: Number(referenceId),
      dealId: dealId ? Number(dealId) : null,
      requester: requester.trim(),
      activity,
      neededBy: neededBy || null,
    });
    setActor(requester);
    onCreated?.(created.id);
    onClose();
  });
  const errors = send.failure ? errorsFrom(send.failure) : missing;

  const submit = () => {
    const next: Errors = { referenceId: referenceId ? undefined : 'Choose the reference', requester: requester.trim() ? undefined : 'Say who asks' };
    setMissing(next);
    if (next.referenceId || next.requester) return send.reset();
    void send.run();
  };

  return (
    <FormDialog
      title="New reference request"
      testId="new-request-dialog"
      onClose={onClose}
      onSubmit={submit}
      wide
      error={errors.form}
      submitLabel="Send request"
      busyLabel="Sending…"
      busy={send.busy}
      submitTestId="new-request-submit"
    >
      <div className="form-grid">
        <Field label="Reference" name="referenceId" error={errors.referenceId} required hint="Recruited and active references">
          <select
            className="input"
            value={referenceId}
            onChange={(e) => setReferenceId(e.target.value)}
            disabled={fixedReference !== undefined}
            data-testid="input-referenceId"
            data-autofocus
          >
            <option value="">{references.loading ? 'Loading…' : 'Choose'}</option>
            {references.data?.rows.map((r) => (
              <option key={r.id} value={r.id}>
                {r.accountName}
                {r.contactName ? ` (${r.contactName})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Activity" name="activity" error={errors.activity} required>
          <select className="input" value={activity} onChange={(e) => setActivity(e.target.value as Activity)} data-testid="input-activity">
            {REFERENCE_ACTIVITIES.map((code) => (
              <option key={code} value={code}>
                {activityLabel(code)}
                {referenceId && consents.data && !allowed.has(code) ? ' — no valid consent' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="For deal" name="dealId" error={errors.dealId} hint="Open deals; none for a programme request (press, analysts)">
          <select className="input" value={dealId} onChange={(e) => setDealId(e.target.value)} data-testid="input-dealId">
            <option value="">No deal</option>
            {deals.data?.rows.map((deal) => (
              <option key={deal.id} value={deal.id}>
                {deal.prospect}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Requested by" name="requester" error={errors.requester} required>
          <input className="input" value={requester} onChange={(e) => setRequester(e.target.value)} maxLength={100} data-testid="input-requester" />
        </Field>
        <Field label="Needed by" name="neededBy" error={errors.neededBy}>
          <input className="input" type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} data-testid="input-neededBy" />
        </Field>
      </div>
    </FormDialog>
  );
}

/** The core's issues by field; its message only when no field is to blame. */
function errorsFrom(failure: ApiError): Errors {
  const fields = (['referenceId', 'dealId', 'requester', 'activity', 'neededBy'] as const).map((f) => [f, failure.issueFor(f)] as const);
  const known: Errors = Object.fromEntries(fields.filter(([, message]) => message));
  return { ...known, form: Object.keys(known).length ? undefined : failure.message };
}
