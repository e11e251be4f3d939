import { useState } from 'react';
import type { ReferenceRow, ReferenceStage } from '../../../../shared/contract/references';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { referenceStageLabel, sentence } from './labels';
import { useActor } from './useActor';

/** Every stage change says who made it and, if they like, why: the log keeps both. */
export function MoveDialog({ reference, to, onMoved, onClose }: {
  reference: ReferenceRow;
  to: ReferenceStage;
  onMoved: () => void;
  onClose: () => void;
}) {
  const [actor, setActor] = useActor();
  const [by, setBy] = useState(actor);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ by?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!by.trim()) return setError({ by: 'Say who is making the change' });
    setBusy(true);
    try {
      await call('references.move', { id: reference.id, stage: to, by: by.trim(), reason: reason.trim() || undefined });
      setActor(by);
      onMoved();
      onClose();
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof ApiError ? { by: failure.issueFor('by'), form: failure.issueFor('by') ? undefined : failure.message } : { form: String(failure) });
    }
  };

  return (
    <Dialog title={`Move ${reference.accountName} to ${referenceStageLabel(to)}`} onClose={onClose} testId="move-dialog">
      <form className="dialog-body" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <p className="muted">
          From {referenceStageLabel(reference.stage)} to {referenceStageLabel(to)}. The change is logged with your name and reason.
        </p>
        {error.form && <p className="form-error" role="alert" data-testid="move-error">{sentence(error.form)}</p>}
        <div className="form-grid">
        <Field label="Reason (optional)" name="reason" wide>
          <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus data-testid="input-reason" maxLength={500} />
        </Field>
        <Field label="Changed by" name="by" error={error.by} required>
          <input className="input" value={by} onChange={(e) => setBy(e.target.value)} data-testid="input-by" maxLength={100} />
        </Field>
        </div>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy} data-testid="move-dialog-confirm">
            {busy ? 'Moving…' : `Move to ${referenceStageLabel(to)}`}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
