// The customer value part of the settings form (issue 16): the CLV survival convention, the
// acquisition cost, the margin on purchases and the customer value ratio's weights, as typed <->
// stored, each error under the core's path (`customerValue.cvrWeights.quality`).

import { CLV_SURVIVAL, type CustomerValueSettings } from '../../../../shared/contract/settings';
import { formatNumber, minorDigits, parseNumber } from '../../../../shared/format/format';
import type { FieldErrors } from './settingsForm';

export type Survival = (typeof CLV_SURVIVAL)[number];

export interface CustomerValueForm {
  /** The workspace's currency (not edited here): the acquisition cost is typed in it. */
  currency: string;
  survival: Survival;
  acquisitionCost: string;
  purchaseMarginPct: string;
  cvrQuality: string;
  cvrPrice: string;
}

export const SURVIVAL_OPTIONS: readonly { value: Survival; label: string }[] = [
  { value: 'retained', label: 'Retained to year 1' },
  { value: 'present', label: 'Present in year 1' },
];

export const CUSTOMER_VALUE_FIELDS = [
  'customerValue.survival',
  'customerValue.acquisitionCostMinor',
  'customerValue.purchaseMarginPct',
  'customerValue.cvrWeights.quality',
  'customerValue.cvrWeights.price',
  'customerValue.cvrWeights',
];

/** `currency`: the workspace's, whose minor digits turn the typed cost into minor units (USD 2, JPY 0). */
export function customerValueToForm(value: CustomerValueSettings, currency: string, locale?: string): CustomerValueForm {
  const n = (x: number) => formatNumber(x, locale);
  return {
    currency,
    survival: value.survival,
    acquisitionCost: n(value.acquisitionCostMinor / 10 ** minorDigits(currency)),
    purchaseMarginPct: n(value.purchaseMarginPct),
    cvrQuality: n(value.cvrWeights.quality),
    cvrPrice: n(value.cvrWeights.price),
  };
}

/** The form as the stored group; problems go into `errors` beside their fields. */
export function checkCustomerValue(form: CustomerValueForm, errors: FieldErrors, locale?: string): CustomerValueSettings {
  const { currency } = form;
  const number = (field: string, text: string, max: number, what: string): number => {
    const parsed = parseNumber(text, locale);
    if (!parsed.ok) errors[field] = 'must be a number';
    else if (parsed.value === null) errors[field] = 'is required';
    else if (parsed.value < 0 || parsed.value > max) errors[field] = what;
    return parsed.ok && parsed.value !== null ? parsed.value : NaN;
  };
  const quality = number('customerValue.cvrWeights.quality', form.cvrQuality, 100, 'must be between 0 and 100');
  const price = number('customerValue.cvrWeights.price', form.cvrPrice, 100, 'must be between 0 and 100');
  if (quality === 0 && price === 0) errors['customerValue.cvrWeights.quality'] = 'at least one weight must be above 0';
  return {
    survival: form.survival,
    acquisitionCostMinor: Math.round(number('customerValue.acquisitionCostMinor', form.acquisitionCost, 1e12, 'must be 0 or more') * 10 ** minorDigits(currency)),
    purchaseMarginPct: number('customerValue.purchaseMarginPct', form.purchaseMarginPct, 100, 'must be between 0 and 100'),
    cvrWeights: { quality, price },
  };
}
