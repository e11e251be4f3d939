import type { Account, AccountCreate } from '../../../../shared/contract/accounts';
import type { ApiError } from '../../api/client';
import { issuesByField } from '../../api/fieldErrors';
import { moneyInputValue, parseInteger, parseMoney, parseNumber } from '../../../../shared/format/format';

/** The account form as the user sees it: every field is text until it is sent. */
export interface AccountFormValues {
  name: string;
  externalId: string;
  segment: string;
  industry: string;
  region: string;
  owner: string;
  lifecycleStage: Account['lifecycleStage'];
  arr: string;
  currency: string;
  grossMarginPct: string;
  employeeCount: string;
  contractStart: string;
  renewalDate: string;
  churnedAt: string;
  churnReason: string;
  tags: string;
}

export type FormField = keyof AccountFormValues;
/** Errors by field; `form` holds what belongs to no field. */
export type FieldErrors = Partial<Record<FormField | 'form', string>>;

/** What the account fields become when sent: the same for create and update. */
export type AccountFields = Omit<AccountCreate, 'name'> & { name: string };

export function emptyAccountForm(defaults: Partial<AccountFormValues> = {}): AccountFormValues {
  return {
    name: '',
    externalId: '',
    segment: '',
    industry: '',
    region: '',
    owner: '',
    lifecycleStage: 'onboarding',
    arr: '',
    currency: 'USD',
    grossMarginPct: '',
    employeeCount: '',
    contractStart: '',
    renewalDate: '',
    churnedAt: '',
    churnReason: '',
    tags: '',
    ...defaults,
  };
}

export function accountToForm(account: Account, locale?: string): AccountFormValues {
  const text = (value: string | null) => value ?? '';
  return {
    name: account.name,
    externalId: text(account.externalId),
    // No segment (null) shows as the blank choice, "No segment (unknown)".
    segment: account.segment ?? '',
    industry: text(account.industry),
    region: text(account.region),
    owner: text(account.owner),
    lifecycleStage: account.lifecycleStage,
    arr: account.arrMinor === 0 ? '' : moneyInputValue(account.arrMinor, account.currency, locale),
    currency: account.currency,
    grossMarginPct: account.grossMarginPct === null ? '' : String(account.grossMarginPct).replace('.', decimalOf(locale)),
    employeeCount: account.employeeCount === null ? '' : String(account.employeeCount),
    contractStart: text(account.contractStart),
    renewalDate: text(account.renewalDate),
    churnedAt: text(account.churnedAt),
    churnReason: text(account.churnReason),
    tags: account.tags.join(', '),
  };
}

const decimalOf = (locale?: string) => new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

/** Blank optional text is null: the user cleared the field. */
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * Form -> the account fields to send. Numbers typed in the user's locale are read here (the
 * core only sees integers); everything else, ranges and formats included, is the core's to judge.
 */
export function formToAccount(values: AccountFormValues, locale?: string): { ok: true; fields: AccountFields } | { ok: false; errors: FieldErrors } {
  const currency = values.currency.trim().toUpperCase();
  const arr = parseMoney(values.arr, currency, locale);
  const employees = parseInteger(values.employeeCount, locale);
  const margin = parseNumber(values.grossMarginPct.replace(/%\s*$/, ''), locale);
  const errors: FieldErrors = {};
  if (!arr.ok) errors.arr = arr.message;
  if (!employees.ok) errors.employeeCount = employees.message;
  if (!margin.ok) errors.grossMarginPct = 'must be a number such as 35';
  if (!arr.ok || !employees.ok || !margin.ok) return { ok: false, errors };
  const churned = values.lifecycleStage === 'churned';
  return {
    ok: true,
    fields: {
      name: values.name,
      externalId: orNull(values.externalId),
      // Blank is unknown (issue 13): null, never a guessed segment; clearing it on an update clears it.
      segment: orNull(values.segment),
      industry: orNull(values.industry),
      region: orNull(values.region),
      owner: orNull(values.owner),
      lifecycleStage: values.lifecycleStage,
      arrMinor: arr.value ?? 0,
      currency,
      grossMarginPct: margin.value,
      employeeCount: employees.value,
      contractStart: orNull(values.contractStart),
      renewalDate: orNull(values.renewalDate),
      // Churn details belong to churned accounts only; leaving the stage clears them.
      churnedAt: churned ? orNull(values.churnedAt) : null,
      churnReason: churned ? orNull(values.churnReason) : null,
      tags: [
        ...new Set(
          values.tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ],
    },
  };
}

/** The core's per-field issues, placed beside the fields they are about. */
export function errorsFromApi(error: Pick<ApiError, 'error'>): FieldErrors {
  const fields = Object.keys(emptyAccountForm()) as FormField[];
  const errors = issuesByField<FormField>(error.error, fields, { arrMinor: 'arr' });
  if (error.error.code === 'CONFLICT' && /external_id/.test(error.error.message)) {
    delete errors.form;
    errors.externalId = 'another account already has this CRM id';
  }
  return errors;
}

/** The first field with an error, in form order, to move focus to. */
export function firstInvalid(errors: FieldErrors): FormField | undefined {
  return (Object.keys(emptyAccountForm()) as FormField[]).find((field) => errors[field]);
}
