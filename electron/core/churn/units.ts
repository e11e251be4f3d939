import type { RawFeature, RawValue } from './design';

/**
 * A churn feature's value in words with its unit, the one wording for churn.features, the reasons
 * and the weights: "45 days", "$12,000" (the workspace's currency), "3" (a count: the label names
 * the noun), "7.5 on 0–10", "12 %". Log features (ARR, employees) are ln(1 + quantity) in the model
 * and shown as the quantity. Features of models stored before units (unit '%', 'hours', or none)
 * keep their old wording.
 */

const money = new Map<string, Intl.NumberFormat>();
function moneyText(amount: number, currency: string): string {
  let f = money.get(currency);
  if (!f) money.set(currency, (f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })));
  return f.format(amount);
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));
const plural = (x: number, one: string, many: string) => `${round(x)} ${round(x) === '1' ? one : many}`;

/** The quantity a model value stands for (the log undone), or null. */
export const quantityOf = (feature: Pick<RawFeature, 'log'>, value: RawValue): number | null => (typeof value !== 'number' ? null : feature.log ? Math.expm1(value) : value);

export function valueText(feature: RawFeature, value: RawValue, currency: string): string {
  if (value === null) return feature.category ? 'unknown' : 'none';
  if (typeof value === 'string') return value;
  const q = quantityOf(feature, value)!;
  const range = feature.range ? ` on ${feature.range[0]}–${feature.range[1]}` : '';
  switch (feature.unit) {
    case 'money':
      return moneyText(q, currency);
    case 'days':
      return plural(q, 'day', 'days');
    case 'hours':
      return plural(q, 'hour', 'hours');
    case 'years':
      return plural(q, 'year', 'years');
    case 'percent':
    case '%':
      return `${round(q)} %`;
    case 'score':
    case 'sentiment':
      return `${q > 0 && feature.unit === 'sentiment' ? '+' : ''}${round(q)}${range}`;
    case 'count':
    case undefined:
      return round(q);
    default:
      return `${round(q)} ${feature.unit}`;
  }
}

/**
 * What "one standard deviation more" of a feature is in its unit, for the weights: "45 days",
 * "$8,000"; for a log feature a factor of the quantity ("×2.7"); null for an indicator or a level.
 */
export function stepText(feature: RawFeature, sd: number, currency: string): string | null {
  if (feature.category) return null;
  if (feature.log) return `×${Math.exp(sd).toFixed(1)}`;
  return valueText({ ...feature, range: undefined, unit: feature.unit === 'sentiment' ? 'score' : feature.unit }, sd, currency);
}
