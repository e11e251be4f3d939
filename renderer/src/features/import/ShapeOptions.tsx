import { Field } from '../../components/Field';
import { scaleOf, shapeQuestions, withChurnDate, withCreateAccounts, withDefault, withScale } from './importShape';
import type { ImportWizardState } from './useImportWizard';

/** The questions a file's shape raises: what its columns do not say, asked once for the whole file. */
export function ShapeOptions({ wizard }: { wizard: ImportWizardState }) {
  const { target, mapping, preview, reshape } = wizard;
  const shown = mapping ?? preview?.mapping;
  const ask = shapeQuestions(target, shown);
  if (!shown || !Object.values(ask).some(Boolean)) return null;
  const defaults = shown.defaults ?? {};
  return (
    <fieldset className="form-grid import-shape" data-testid="import-shape">
      <legend className="section-title">What the file does not say</legend>
      {ask.surveyDate && (
        <Field label="Date of the survey wave" name="import-responded-at" hint="The file has no date column: every answer gets this date">
          <input
            type="date"
            className="input"
            value={defaults.respondedAt ?? ''}
            onChange={(e) => reshape((current) => withDefault(current, 'respondedAt', e.target.value))}
            data-testid="import-responded-at"
          />
        </Field>
      )}
      {ask.fixedAccount && (
        <Field label="Account for every row" name="import-fixed-account" hint="Name or external id; used where no respondent's e-mail finds one">
          <input
            className="input"
            value={defaults.account ?? ''}
            onChange={(e) => reshape((current) => withDefault(current, 'account', e.target.value))}
            data-testid="import-fixed-account"
          />
        </Field>
      )}
      {ask.arrScale && (
        <label className="checkbox" data-testid="import-arr-monthly">
          <input type="checkbox" checked={scaleOf(shown, 'arrMinor') === 12} onChange={(e) => reshape((current) => withScale(current, 'arrMinor', e.target.checked ? 12 : 1))} />{' '}
          The ARR column holds monthly charges: multiply by 12
        </label>
      )}
      {ask.createAccounts && (
        <label className="checkbox" data-testid="import-create-accounts">
          <input type="checkbox" checked={shown.createAccounts === true} onChange={(e) => reshape((current) => withCreateAccounts(current, e.target.checked))} /> Create an account
          for each customer that is not in the workspace yet <span className="muted small">(named and keyed by the customer column; unchecked, their rows are problems)</span>
        </label>
      )}
      {ask.churnDates && (
        <Field label="Churned accounts left on" name="import-churn-date" hint="The file flags churn without a date; the import's day when empty">
          <input
            type="date"
            className="input"
            value={shown.churnDate ?? ''}
            onChange={(e) => reshape((current) => withChurnDate(current, e.target.value))}
            data-testid="import-churn-date"
          />
        </Field>
      )}
      {ask.contractStart && (
        <Field label="Contracts started on" name="import-contract-start" hint="For accounts without a start date (churn figures count from it)">
          <input
            type="date"
            className="input"
            value={defaults.contractStart ?? ''}
            onChange={(e) => reshape((current) => withDefault(current, 'contractStart', e.target.value))}
            data-testid="import-contract-start"
          />
        </Field>
      )}
    </fieldset>
  );
}
