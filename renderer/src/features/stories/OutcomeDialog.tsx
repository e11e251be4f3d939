import { useState } from 'react';
import type { Outcome } from '../../../../shared/contract/outcomes';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { emptyOutcomeForm, formToOutcome, outcomeErrorsFromApi, outcomeToForm, type OutcomeErrors, type OutcomeFields, type OutcomeFormValues } from './outcomeForm';

/** Record a measured customer result, or correct one: what stories quote as their results. */
export function OutcomeDialog({
  accountId,
  outcome,
  onSaved,
  onClose,
}: {
  accountId: number;
  /** The outcome to edit; a new one when absent. */
  outcome?: Outcome;
  onSaved: (outcome: Outcome) => Promise<void> | void;
  onClose: () => void;
}) {
  const [values, setValues] = useState<OutcomeFormValues>(() => (outcome ? outcomeToForm(outcome) : emptyOutcomeForm()));
  const [errors, setErrors] = useState<OutcomeErrors>({});
  const set = (patch: Partial<OutcomeFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    // A field's error goes once the user changes it; the next save checks again.
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !(field in patch))));
  };

  const save = useAction(async (fields: OutcomeFields) => {
    const saved = outcome ? await call('outcomes.update', { id: outcome.id, ...fields }) : await call('outcomes.create', { accountId, ...fields });
    await onSaved(saved);
    onClose();
  });

  const submit = async () => {
    const parsed = formToOutcome(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    const result = await save.run(parsed.fields);
    if (!result.ok) setErrors(outcomeErrorsFromApi(result.error.error));
  };

  const input = (field: keyof OutcomeFormValues, type = 'text', extra: Record<string, unknown> = {}) => (
    <input className="input" type={type} value={values[field]} onChange={(e) => set({ [field]: e.target.value })} data-testid={`outcome-${field}`} {...extra} />
  );

  return (
    <FormDialog
      title={outcome ? 'Edit outcome' : 'New outcome'}
      testId="outcome-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      wide
      error={errors.form}
      submitLabel={outcome ? 'Save outcome' : 'Add outcome'}
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="outcome-form-submit"
    >
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
    </FormDialog>
  );
}
