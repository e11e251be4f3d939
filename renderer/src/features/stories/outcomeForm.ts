import type { Outcome } from '../../../../shared/contract/outcomes';
import type { RpcError } from '../../../../shared/rpc';
import { issuesByField } from '../../api/fieldErrors';
import { parseNumber } from '../../../../shared/format/format';

/** An outcome as its form holds it: text as typed, numbers in the user's locale. */
export interface OutcomeFormValues {
  metric: string;
  baseline: string;
  achieved: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  method: string;
  verifiedBy: string;
  verifiedAt: string;
}
export type OutcomeField = keyof OutcomeFormValues;
export type OutcomeErrors = Partial<Record<OutcomeField | 'form', string>>;
export const OUTCOME_FIELDS: readonly OutcomeField[] = ['metric', 'baseline', 'achieved', 'unit', 'periodStart', 'periodEnd', 'method', 'verifiedBy', 'verifiedAt'];

export const emptyOutcomeForm = (): OutcomeFormValues => ({
  metric: '',
  baseline: '',
  achieved: '',
  unit: '',
  periodStart: '',
  periodEnd: '',
  method: '',
  verifiedBy: '',
  verifiedAt: '',
});

export function outcomeToForm(outcome: Outcome, locale?: string): OutcomeFormValues {
  // Without group separators, in the user's decimal style: what parseNumber reads back.
  const number = (value: number | null) => (value === null ? '' : new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 }).format(value));
  return {
    metric: outcome.metric,
    baseline: number(outcome.baseline),
    achieved: number(outcome.achieved),
    unit: outcome.unit ?? '',
    periodStart: outcome.periodStart ?? '',
    periodEnd: outcome.periodEnd ?? '',
    method: outcome.method ?? '',
    verifiedBy: outcome.verifiedBy ?? '',
    verifiedAt: outcome.verifiedAt ?? '',
  };
}

export type OutcomeFields = Omit<Outcome, 'id' | 'accountId' | 'deploymentId' | 'createdAt' | 'updatedAt' | 'archivedAt'>;

/** Form -> the fields outcomes.create/update take; blank is null. Checks the core cannot phrase as well. */
export function formToOutcome(values: OutcomeFormValues, locale?: string): { ok: true; fields: OutcomeFields } | { ok: false; errors: OutcomeErrors } {
  const errors: OutcomeErrors = {};
  const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());
  const baseline = parseNumber(values.baseline, locale);
  const achieved = parseNumber(values.achieved, locale);
  if (!values.metric.trim()) errors.metric = 'Name what was measured, e.g. “First response time”';
  if (!baseline.ok) errors.baseline = baseline.message;
  if (!achieved.ok) errors.achieved = achieved.message;
  if (values.periodStart && values.periodEnd && values.periodEnd < values.periodStart) errors.periodEnd = 'must not be before the start';
  if (values.verifiedAt && !values.verifiedBy.trim()) errors.verifiedBy = 'Say who verified it';
  if (Object.keys(errors).length > 0 || !baseline.ok || !achieved.ok) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      metric: values.metric.trim(),
      baseline: baseline.value,
      achieved: achieved.value,
      unit: blankToNull(values.unit),
      periodStart: blankToNull(values.periodStart),
      periodEnd: blankToNull(values.periodEnd),
      method: blankToNull(values.method),
      verifiedBy: blankToNull(values.verifiedBy),
      verifiedAt: blankToNull(values.verifiedAt),
    },
  };
}

export const outcomeErrorsFromApi = (error: RpcError): OutcomeErrors => issuesByField(error, OUTCOME_FIELDS);
