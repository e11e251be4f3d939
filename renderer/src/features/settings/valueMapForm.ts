// The value-map survey part of the settings form: rows as typed <-> the stored survey, checked the
// way the core checks it, each error under the core's path for it (`valueMap.quality.2.theirs`).

import { VALUE_MAP_ROUNDING, type ValueMapSettings } from '../../../../shared/contract/settings';
import { formatNumber, parseNumber } from '../../../../shared/format/format';
import type { FieldErrors } from './settingsForm';

export type AttributeKind = 'quality' | 'price';
export type Rounding = (typeof VALUE_MAP_ROUNDING)[number];

export interface AttributeRow {
  name: string;
  weight: string;
  ours: string;
  theirs: string;
}

export interface ValueMapForm {
  competitor: string;
  rounding: Rounding;
  quality: AttributeRow[];
  price: AttributeRow[];
}

export const ATTRIBUTE_KINDS: readonly { kind: AttributeKind; title: string; hint: string }[] = [
  { kind: 'quality', title: 'Quality attributes', hint: 'what customers weigh besides price (reliability, service, …): gives relative quality' },
  { kind: 'price', title: 'Price attributes', hint: 'satisfaction with price, trade-in, financing, …: gives relative price' },
];

export const ROUNDING_OPTIONS: readonly { value: Rounding; label: string }[] = [
  { value: 'none', label: 'Ratios unrounded' },
  { value: 'ratio-2dp', label: 'Each ratio to 2 decimals (Gale)' },
];

export function valueMapToForm(survey: ValueMapSettings, locale?: string): ValueMapForm {
  const n = (value: number) => formatNumber(value, locale);
  const rows = (list: ValueMapSettings['quality']) => list.map((a) => ({ name: a.name, weight: n(a.weight), ours: n(a.ours), theirs: n(a.theirs) }));
  return { competitor: survey.competitor, rounding: survey.rounding, quality: rows(survey.quality), price: rows(survey.price) };
}

export const emptyAttribute = (): AttributeRow => ({ name: '', weight: '', ours: '', theirs: '' });

/** The sum of the weights as typed (rows without a number count 0); null when there are no rows. */
export function weightSum(rows: readonly AttributeRow[], locale?: string): number | null {
  if (rows.length === 0) return null;
  return rows.reduce((sum, row) => {
    const parsed = parseNumber(row.weight, locale);
    return sum + (parsed.ok && parsed.value !== null && parsed.value >= 0 ? parsed.value : 0);
  }, 0);
}

/** The survey as the core stores it, with any mistakes added to `errors` beside their fields. */
export function checkValueMap(form: ValueMapForm, errors: FieldErrors, locale?: string): ValueMapSettings {
  const number = (field: string, text: string, check: (x: number) => string | undefined): number => {
    const parsed = parseNumber(text, locale);
    if (!parsed.ok) errors[field] = 'must be a number';
    else if (parsed.value === null) errors[field] = 'is required';
    else {
      const problem = check(parsed.value);
      if (problem) errors[field] = problem;
      return parsed.value;
    }
    return NaN;
  };
  const weight = (x: number) => (x < 0 || x > 100 ? 'must be between 0 and 100' : undefined);
  const rating = (x: number) => (x < 0 || x > 1000 ? 'must be between 0 and 1,000' : undefined);
  const theirs = (x: number) => (x <= 0 ? 'must be above 0 (it divides)' : x > 1000 ? 'must be at most 1,000' : undefined);
  const list = (kind: AttributeKind) => {
    const rows = form[kind].map((row, i) => {
      const at = `valueMap.${kind}.${i}`;
      const name = row.name.trim();
      if (!name) errors[`${at}.name`] = 'is required';
      else if (name.length > 80) errors[`${at}.name`] = 'must be at most 80 characters';
      return { name, weight: number(`${at}.weight`, row.weight, weight), ours: number(`${at}.ours`, row.ours, rating), theirs: number(`${at}.theirs`, row.theirs, theirs) };
    });
    // Weights are rescaled to 100 by the core; with all at 0 there is nothing to rescale.
    if (rows.length > 0 && rows.every((r) => r.weight === 0)) errors[`valueMap.${kind}`] = 'at least one weight must be above 0';
    return rows;
  };
  const competitor = form.competitor.trim();
  const quality = list('quality');
  const price = list('price');
  if (!competitor && (quality.length > 0 || price.length > 0)) errors['valueMap.competitor'] = 'name the competitor the ratings compare with';
  return { competitor, rounding: form.rounding, quality, price };
}
