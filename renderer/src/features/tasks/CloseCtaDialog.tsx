import { useState } from 'react';
import { CTA_OUTCOME_LABELS, CTA_OUTCOMES, type Cta, type CtaOutcome } from '../../../../shared/contract/ctas';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

/** Closing a call to action: its outcome (required), a note, and whether its open tasks are cancelled. */
export function CloseCtaDialog({ cta, onClose }: { cta: Cta; onClose: () => void }) {
  const [outcome, setOutcome] = useState<CtaOutcome>();
  const [note, setNote] = useState('');
  const [cancelTasks, setCancelTasks] = useState(cta.openTasks > 0);
  const [missing, setMissing] = useState<string>();
  const close = useAction(() => call('ctas.close', { id: cta.id, outcome: outcome!, note: note || null, cancelOpenTasks: cancelTasks }));
  const submit = async () => {
    if (!outcome) return setMissing('Choose the outcome.');
    setMissing(undefined);
    if ((await close.run()).ok) onClose();
  };
  return (
    <FormDialog
      title={`Close: ${cta.title}`}
      testId="close-cta"
      onClose={onClose}
      onSubmit={() => void submit()}
      intro={<p className="muted">A closed call to action stays on record with its outcome; the same cause never opens it again.</p>}
      error={missing ?? close.error}
      submitLabel="Close call to action"
      busyLabel="Closing…"
      busy={close.busy}
      submitTestId="close-cta-save"
    >
      <fieldset className="field" data-testid="close-cta-outcomes">
        <legend>Outcome</legend>
        {CTA_OUTCOMES.map((value) => (
          <label key={value} className="check">
            <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} data-testid={`close-cta-outcome-${value}`} />
            {CTA_OUTCOME_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <Field label="Note" name="note" wide>
        <textarea className="input" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="close-cta-note" />
      </Field>
      {cta.openTasks > 0 && (
        <label className="check">
          <input type="checkbox" checked={cancelTasks} onChange={(e) => setCancelTasks(e.target.checked)} data-testid="close-cta-cancel-tasks" />
          Cancel its {cta.openTasks} open task{cta.openTasks === 1 ? '' : 's'}
        </label>
      )}
    </FormDialog>
  );
}
