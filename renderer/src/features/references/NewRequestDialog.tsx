import { useEffect, useState } from 'react';
import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import { ApiError, call } from '../../api/client';
import { useLoader, useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { activityLabel } from './labels';
import { useActor } from './useActor';

type Activity = (typeof REFERENCE_ACTIVITIES)[number];
type Errors = Partial<Record<'referenceId' | 'dealId' | 'requester' | 'activity' | 'neededBy' | 'form', string>>;

/** Ask a reference for an activity, for a deal or for the programme; the contact's consents say what can be asked. */
export function NewRequestDialog({ referenceId: fixedReference, onCreated, onClose }: {
  referenceId?: number;
  onCreated?: (id: number) => void;
  onClose: () => void;
}) {
  const [actor, setActor] = useActor();
  const [referenceId, setReferenceId] = useState(fixedReference ? String(fixedReference) : '');
  const [dealId, setDealId] = useState('');
  const [requester, setRequester] = useState(actor);
  const [activity, setActivity] = useState<Activity>('reference_call');
  const [neededBy, setNeededBy] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const references = useQuery('references.list', { filter: { stage: ['recruited', 'active'] }, pageSize: 500 }, ['references']);
  const deals = useQuery('deals.list', { filter: { stage: ['qualify', 'discover', 'propose', 'negotiate'] }, pageSize: 500, sort: { field: 'prospect', direction: 'asc' } }, ['deals']);
  const consents = useLoader(referenceId || undefined, (key) => call('references.consents', { referenceId: Number(key) }), ['references']);
  const allowed = new Set(consents.data?.consents.filter((c) => c.state === 'valid').map((c) => c.activity));

  // A reference chosen: offer the first activity its contact consented to.
  useEffect(() => {
    const first = REFERENCE_ACTIVITIES.find((code) => allowed.has(code));
    if (first && !allowed.has(activity)) setActivity(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consents.data]);

  const submit = async () => {
    const missing: Errors = { referenceId: referenceId ? undefined : 'Choose the reference', requester: requester.trim() ? undefined : 'Say who asks' };
    if (missing.referenceId || missing.requester) return setErrors(missing);
    setBusy(true);
    try {
      const created = await call('requests.create', {
        referenceId: Number(referenceId), dealId: dealId ? Number(dealId) : null, requester: requester.trim(), activity, neededBy: neededBy || null,
      });
      setActor(requester);
      onCreated?.(created.id);
      onClose();
    } catch (failure) {
      setBusy(false);
      const api = failure instanceof ApiError ? failure : undefined;
      const fields = (['referenceId', 'dealId', 'requester', 'activity', 'neededBy'] as const).map((f) => [f, api?.issueFor(f)] as const);
      const known = Object.fromEntries(fields.filter(([, message]) => message));
      setErrors({ ...known, form: Object.keys(known).length ? undefined : (failure as Error).message });
    }
  };

  return (
    <Dialog title="New reference request" onClose={onClose} testId="new-request-dialog" wide>
      <form className="dialog-body" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <div className="form-grid">
          <Field label="Reference" name="referenceId" error={errors.referenceId} required hint="Recruited and active references">
            <select className="input" value={referenceId} onChange={(e) => setReferenceId(e.target.value)} disabled={fixedReference !== undefined} data-testid="input-referenceId" data-autofocus>
              <option value="">{references.loading ? 'Loading…' : 'Choose'}</option>
              {references.data?.rows.map((r) => <option key={r.id} value={r.id}>{r.accountName}{r.contactName ? ` (${r.contactName})` : ''}</option>)}
            </select>
          </Field>
          <Field label="Activity" name="activity" error={errors.activity} required>
            <select className="input" value={activity} onChange={(e) => setActivity(e.target.value as Activity)} data-testid="input-activity">
              {REFERENCE_ACTIVITIES.map((code) => (
                <option key={code} value={code}>{activityLabel(code)}{referenceId && consents.data && !allowed.has(code) ? ' — no valid consent' : ''}</option>
              ))}
            </select>
          </Field>
          <Field label="For deal" name="dealId" error={errors.dealId} hint="Open deals; none for a programme request (press, analysts)">
            <select className="input" value={dealId} onChange={(e) => setDealId(e.target.value)} data-testid="input-dealId">
              <option value="">No deal</option>
              {deals.data?.rows.map((deal) => <option key={deal.id} value={deal.id}>{deal.prospect}</option>)}
            </select>
          </Field>
          <Field label="Requested by" name="requester" error={errors.requester} required>
            <input className="input" value={requester} onChange={(e) => setRequester(e.target.value)} maxLength={100} data-testid="input-requester" />
          </Field>
          <Field label="Needed by" name="neededBy" error={errors.neededBy}>
            <input className="input" type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} data-testid="input-neededBy" />
          </Field>
        </div>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy} data-testid="new-request-submit">{busy ? 'Sending…' : 'Send request'}</button>
        </footer>
      </form>
    </Dialog>
  );
}
