import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../../shared/contract/accounts';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { AccountForm, type AccountFacets } from './AccountForm';
import { errorsFromApi, firstInvalid, formToAccount, type AccountFields, type AccountFormValues, type FieldErrors } from './accountForm';

/**
 * The account form in a dialog: Enter submits, Escape cancels. Errors (the form's own number
 * parsing, then the core's validation) appear beside their fields and focus moves to the first.
 */
export function AccountFormDialog({
  title,
  submitLabel,
  initial,
  facets,
  save,
  onSaved,
  onClose,
  testId,
}: {
  title: string;
  submitLabel: string;
  initial: AccountFormValues;
  facets: AccountFacets | undefined;
  save: (fields: AccountFields) => Promise<Account>;
  onSaved: (account: Account) => void;
  onClose: () => void;
  testId: string;
}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);

  const [attempt, setAttempt] = useState(0);
  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  // Once the messages are drawn, put the cursor where the first problem is.
  useEffect(() => {
    if (attempt === 0) return;
    const field = firstInvalid(errors);
    const target = field && form.current?.querySelector<HTMLElement>(`[name="${field}"]`);
    (target ?? form.current?.querySelector<HTMLElement>('.form-error'))?.focus();
  }, [attempt]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per submit attempt, not whenever the errors change

  const saving = useAction(save);
  const submit = async () => {
    const parsed = formToAccount(values);
    if (!parsed.ok) return showErrors(parsed.errors);
    const result = await saving.run(parsed.fields);
    if (result.ok) onSaved(result.value);
    else showErrors(errorsFromApi(result.error));
  };

  const change = (patch: Partial<AccountFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    // An edited field's old error no longer applies.
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch) as (keyof AccountFormValues)[]) delete next[key];
      return next;
    });
  };

  const count = Object.keys(errors).length;
  return (
    <FormDialog
      title={title}
      testId={testId}
      onClose={onClose}
      onSubmit={() => void submit()}
      wide
      formRef={form}
      error={count > 0 && (errors.form ?? (count === 1 ? 'Please correct the field marked below.' : 'Please correct the fields marked below.'))}
      errorTestId={`${testId}-error`}
      submitLabel={submitLabel}
      busyLabel="Saving…"
      busy={saving.busy}
      submitTestId={`${testId}-submit`}
    >
      <AccountForm values={values} errors={errors} facets={facets} onChange={change} />
    </FormDialog>
  );
}
