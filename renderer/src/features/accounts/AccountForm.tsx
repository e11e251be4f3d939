import { LIFECYCLE_STAGES } from '../../../../shared/contract/accounts';
import { Field } from '../../components/Field';
import { formatMoney, parseMoney } from '../../../../shared/format/format';
import { stageLabel } from '../../lib/labels';
import type { AccountFormValues, FieldErrors } from './accountForm';
import { SegmentSelect } from './SegmentSelect';

export interface AccountFacets {
  segments: string[];
  owners: string[];
  industries: string[];
  regions: string[];
}

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'INR', 'BRL', 'SGD'];

/** The account's fields, used by "New account" and "Edit account" alike. */
export function AccountForm({
  values,
  errors,
  facets,
  onChange,
  locale,
}: {
  values: AccountFormValues;
  errors: FieldErrors;
  facets: AccountFacets | undefined;
  onChange: (patch: Partial<AccountFormValues>) => void;
  locale?: string;
}) {
  const text = (field: keyof AccountFormValues, extra: Record<string, unknown> = {}) => (
    <input className="input" value={values[field]} onChange={(event) => onChange({ [field]: event.target.value })} data-testid={`input-${field}`} {...extra} />
  );
  const suggest = (id: string, options: string[] | undefined) => (
    <datalist id={id}>
      {options?.map((option) => (
        <option key={option} value={option} />
      ))}
    </datalist>
  );
  const arr = parseMoney(values.arr, values.currency.toUpperCase(), locale);
  const arrHint =
    arr.ok && arr.value !== null && /^[A-Z]{3}$/i.test(values.currency)
      ? `${formatMoney(arr.value, values.currency.toUpperCase(), locale)} a year`
      : 'Annual recurring revenue, e.g. 12,500';

  return (
    <div className="form-grid">
      <Field label="Name" name="name" error={errors.name} required wide>
        {text('name', { autoComplete: 'off', 'data-autofocus': true })}
      </Field>
      <Field label="Segment" name="segment" error={errors.segment}>
        <SegmentSelect value={values.segment} known={facets?.segments ?? []} onChange={(segment) => onChange({ segment })} />
      </Field>
      <Field label="Lifecycle stage" name="lifecycleStage" error={errors.lifecycleStage}>
        <select
          className="input"
          value={values.lifecycleStage}
          onChange={(event) => onChange({ lifecycleStage: event.target.value as AccountFormValues['lifecycleStage'] })}
          data-testid="input-lifecycleStage"
        >
          {LIFECYCLE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Owner (CSM)" name="owner" error={errors.owner}>
        {text('owner', { list: 'owners-list', autoComplete: 'off' })}
      </Field>
      <Field label="CRM id" name="externalId" error={errors.externalId} hint="The account's id in your CRM, if any">
        {text('externalId', { autoComplete: 'off' })}
      </Field>
      <Field label="ARR" name="arr" error={errors.arr} hint={arrHint}>
        {text('arr', { inputMode: 'decimal', autoComplete: 'off', placeholder: '0' })}
      </Field>
      <Field label="Currency" name="currency" error={errors.currency}>
        {text('currency', { list: 'currency-list', maxLength: 3, className: 'input upper', autoComplete: 'off' })}
      </Field>
      <Field label="Industry" name="industry" error={errors.industry}>
        {text('industry', { list: 'industries-list', autoComplete: 'off' })}
      </Field>
      <Field label="Region" name="region" error={errors.region}>
        {text('region', { list: 'regions-list', autoComplete: 'off' })}
      </Field>
      <Field label="Employees" name="employeeCount" error={errors.employeeCount}>
        {text('employeeCount', { inputMode: 'numeric', autoComplete: 'off' })}
      </Field>
      <Field label="Gross margin %" name="grossMarginPct" error={errors.grossMarginPct} hint="0 to 100">
        {text('grossMarginPct', { inputMode: 'decimal', autoComplete: 'off' })}
      </Field>
      <Field label="Contract start" name="contractStart" error={errors.contractStart}>
        {text('contractStart', { type: 'date' })}
      </Field>
      <Field label="Renewal date" name="renewalDate" error={errors.renewalDate}>
        {text('renewalDate', { type: 'date' })}
      </Field>
      {values.lifecycleStage === 'churned' && (
        <>
          <Field label="Churned on" name="churnedAt" error={errors.churnedAt}>
            {text('churnedAt', { type: 'date' })}
          </Field>
          <Field label="Churn reason" name="churnReason" error={errors.churnReason}>
            {text('churnReason')}
          </Field>
        </>
      )}
      <Field label="Tags" name="tags" error={errors.tags} hint="Separated by commas" wide>
        {text('tags', { autoComplete: 'off' })}
      </Field>
      {suggest('owners-list', facets?.owners)}
      {suggest('industries-list', facets?.industries)}
      {suggest('regions-list', facets?.regions)}
      {suggest('currency-list', CURRENCIES)}
    </div>
  );
}
