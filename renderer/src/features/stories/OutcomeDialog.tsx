import { useState } from 'react';
import type { Outcome } from '../../../../shared/contract/outcomes';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { emptyOutcomeForm, formToOutcome, outcomeErrorsFromApi, outcomeToForm, type OutcomeErrors, type OutcomeFormValues } from './outcomeForm';

/** Record a measured customer result, or correct one: what stories quote as their results. */
export function OutcomeDialog({ accountId, outcome, onSaved, onClose }: {
  accountId: number;
  /** The outcome to edit; a new one when absent. */
  outcome?: Outcome;
  onSaved: (outcome: Outcome) => Promise<void> | void;
  onClose: () => void;
}) {
  const [values, setValues] = useState<OutcomeFormValues>(() => (outcome ? outcomeToForm(outcome) : emptyOutcomeForm()));
  const [errors, setErrors] = useState<OutcomeErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<OutcomeFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    // A field's error goes once the user changes it; the next save checks again.
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !(field in patch))));
  };

  const submit = async () => {
    const parsed = formToOutcome(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setBusy(true);
    try {
      const saved = outcome
        ? await call('outcomes.update', { id: outcome.id, ...parsed.fields })
        : await call('outcomes.create', { accountId, ...parsed.fields });
      await onSaved(saved);
      onClose();
    } catch (failure) {
      setBusy(false);
      setErrors(failure instanceof ApiError ? outcomeErrorsFromApi(failure.error) : { form: (failure as Error).message });
    }
  };

  const input = (field: keyof OutcomeFormValues, type = 'text', extra: Record<string, unknown> = {}) => (
    <input className="input" type={type} value={values[field]} onChange={(e) => set({ [field]: e.target.value })} data-testid={`outcome-${field}`} {...extra} />
  );

  return (
    <Dialog title={outcome ? 'Edit outcome' : 'New outcome'} onClose={onClose} testId="outcome-form" wide>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <div className="form-grid three">
          <Field label="What was measured" name="metric" error={errors.metric} required wide>
            {input('metric', 'text', { placeholder: 'First response time', maxLength: 200 })}
          </Field>
          <Field label="Baseline (before)" name="baseline" error={errors.baseline}>
            {input('baseline', 'text', { inputMode: 'decimal', placeholder: '12' })}
          </Field>
          <Field label="Achieved (after)" name="achieved" error={errors.achieved}>
            {input('achieved', 'text', { inputMode: 'decimal', placeholder: '4' })}
          </Field>
          <Field label="Unit" name="unit" error={errors.unit}>
            {input('unit', 'text', { placeholder: 'hours', maxLength: 40 })}
          </Field>
          <Field label="Period from" name="periodStart" error={errors.periodStart}>
            {input('periodStart', 'date')}
          </Field>
          <Field label="Period to" name="periodEnd" error={errors.periodEnd}>
            {input('periodEnd', 'date')}
          </Field>
          <div />
          <Field label="Method" name="method" error={errors.method} hint="How it was measured, so a reader can trust the number" wide>
            <textarea className="input" rows={2} value={values.method} onChange={(e) => set({ method: e.target.value })} data-testid="outcome-method" />
          </Field>
          <Field label="Verified by" name="verifiedBy" error={errors.verifiedBy}>
            {input('verifiedBy', 'text', { placeholder: 'Name, role at the customer', maxLength: 200 })}
          </Field>
          <Field label="Verified on" name="verifiedAt" error={errors.verifiedAt}>
            {input('verifiedAt', 'date')}
          </Field>
        </div>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="outcome-form-submit">
            {busy ? 'Saving…' : outcome ? 'Save outcome' : 'Add outcome'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
