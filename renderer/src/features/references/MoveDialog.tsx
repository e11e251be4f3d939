import { useState } from 'react';
import type { ReferenceRow, ReferenceStage } from '../../../../shared/contract/references';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { referenceStageLabel, sentence } from './labels';
import { useActor } from './useActor';

/** Every stage change says who made it and, if they like, why: the log keeps both. */
export function MoveDialog({ reference, to, onMoved, onClose }: { reference: ReferenceRow; to: ReferenceStage; onMoved: () => void; onClose: () => void }) {
  const [actor, setActor] = useActor();
  // "Who am I" by default, also when it arrives after the dialog opened; typing takes over.
  const [typed, setBy] = useState<string>();
  const by = typed ?? actor;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();
  const move = useAction(async (changedBy: string) => {
    await call('references.move', { id: reference.id, stage: to, by: changedBy, reason: reason.trim() || undefined });
    setActor(changedBy);
    onMoved();
    onClose();
  });
  const byError = missing ?? move.failure?.issueFor('by');
  const formError = move.failure && !move.failure.issueFor('by') ? move.failure.message : undefined;

  const submit = () => {
    setMissing(by.trim() ? undefined : 'Say who is making the change');
    if (!by.trim()) return move.reset();
    void move.run(by.trim());
  };

  return (
    <FormDialog
      title={`Move ${reference.accountName} to ${referenceStageLabel(to)}`}
      testId="move-dialog"
      onClose={onClose}
      onSubmit={submit}
      intro={
        <p className="muted">
          From {referenceStageLabel(reference.stage)} to {referenceStageLabel(to)}. The change is logged with your name and reason.
        </p>
      }
      error={formError && sentence(formError)}
      errorTestId="move-error"
      submitLabel={`Move to ${referenceStageLabel(to)}`}
      busyLabel="Moving…"
      busy={move.busy}
      submitTestId="move-dialog-confirm"
    >
      <div className="form-grid">
        <Field label="Reason (optional)" name="reason" wide>
          <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus data-testid="input-reason" maxLength={500} />
        </Field>
        <Field label="Changed by" name="by" error={byError} required>
          <input className="input" value={by} onChange={(e) => setBy(e.target.value)} data-testid="input-by" maxLength={100} />
        </Field>
      </div>
    </FormDialog>
  );
}
