import type { DesignSpec, RawValue } from './design';
import type { LogisticFit } from './logistic';
import { valueText } from './units';

/**
 * Per-account reasons: each raw feature's part of the account's log-odds (the sum of its columns'
 * β·z, value and "missing" together, or its category's level), against an account at the training
 * average, and what that part alone moves the probability by (the probability with it minus the
 * probability with that feature at the average), in words: "12 tickets in 90 days (average 3.1)
 * raises the churn odds ×1.8 (+9 pts)".
 */

export interface Reason {
  feature: string;
  label: string;
  value: string;
  logOdds: number;
  /** Percentage points the feature moves the probability by. */
  points: number;
  sentence: string;
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

export function reasonsFor(
  spec: DesignSpec,
  fit: Pick<LogisticFit, 'intercept' | 'coefficients' | 'means' | 'sds'>,
  raw: readonly RawValue[],
  row: ArrayLike<number>,
  top = 5,
  /** The workspace's currency: ARR reads as money. */
  currency = 'USD',
): Reason[] {
  const parts = new Map<number, number>();
  let total = fit.intercept;
  spec.columns.forEach((column, k) => {
    const term = (fit.coefficients[k]! * (row[k]! - fit.means[k]!)) / fit.sds[k]!;
    total += term;
    parts.set(column.source, (parts.get(column.source) ?? 0) + term);
  });
  const p = sigmoid(total);
  const restated = new Set(spec.restatements.map((r) => r.feature));
  return [...parts]
    .filter(([, logOdds]) => Math.abs(logOdds) > 1e-9)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, top)
    .map(([source, logOdds]) => {
      const feature = spec.features[source]!;
      const average = spec.columns.find((c) => c.source === source && c.kind === 'value')?.fill;
      const points = 100 * (p - sigmoid(total - logOdds));
      const label = restated.has(source) ? `${feature.label} beyond what tenure and price explain` : feature.label;
      const value = valueText(feature, raw[source] ?? null, currency);
      const context = average !== undefined && !restated.has(source) ? ` (average ${valueText(feature, average, currency)})` : '';
      const verb = logOdds > 0 ? 'raises' : 'lowers';
      const sentence = `${label} ${value}${context} ${verb} the churn odds ×${Math.exp(logOdds).toFixed(2)} (${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts)`;
      return { feature: feature.key, label, value, logOdds, points, sentence };
    });
}
