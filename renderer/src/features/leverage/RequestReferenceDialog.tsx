import { useState, type FormEvent } from 'react';
import type { MatchResult, RankedReference } from '../../../../shared/contract/leverage';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { activityLabel } from '../references/labels';
import { useActor } from '../references/useActor';

/** Asks for a reference from the finder: who asks, and by when it is needed; the request starts as requested. */
export function RequestReferenceDialog({ reference, dealId, activity, onClose, onDone }: {
  reference: RankedReference;
  dealId: number | null;
  activity: MatchResult['activity'];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [actor, remember] = useActor();
  const [requester, setRequester] = useState(actor);
  const [neededBy, setNeededBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ requester?: string; neededBy?: string; form?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!requester.trim()) {
      setErrors({ requester: 'say who is asking' });
      return;
    }
    setBusy(true);
    try {
      await call('requests.create', { referenceId: reference.referenceId, dealId, requester: requester.trim(), activity, neededBy: neededBy || null });
      remember(requester.trim());
      onDone(`${activityLabel(activity)} requested from ${reference.accountName}; the account owner approves it next.`);
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : undefined;
      setErrors({ requester: error?.issueFor('requester'), neededBy: error?.issueFor('neededBy'), form: error && (error.issueFor('requester') || error.issueFor('neededBy')) ? undefined : String((failure as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Request ${reference.accountName}`} onClose={onClose} testId="request-dialog">
      <form className="dialog-body" onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <p className="muted">
          {activityLabel(activity)} with {reference.contactName ?? 'the reference'} ({reference.accountName}).
        </p>
        <div className="form-grid">
          <Field label="Requested by" name="requester" required error={errors.requester}>
            <input className="input" value={requester} onChange={(e) => { setRequester(e.target.value); setErrors((x) => ({ ...x, requester: undefined })); }} data-testid="request-requester" data-autofocus />
          </Field>
          <Field label="Needed by" name="neededBy" error={errors.neededBy} hint="optional">
            <input className="input" type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} data-testid="request-neededBy" />
          </Field>
        </div>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="request-submit">
            {busy ? 'Requesting…' : 'Send request'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
