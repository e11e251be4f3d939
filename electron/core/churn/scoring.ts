import { designRow, type DesignSpec } from './design';
import { isCustomerAt, type AccountHistory } from './history';
import type { LogisticFit } from './logistic';
import { rawAt } from './model';
import { reasonsFor } from './reasons';
import type { NewPrediction } from './store';

/**
 * Every current customer scored as of today by a trained model, with its reasons: the features
 * from what was known before today, the design row the spec makes of them, the probability and the
 * five largest contributions. Training's scoring phase (service.ts), and what the bench times
 * beside the dashboard (tests/bench/churn.ts).
 */
export function scoreCustomers(histories: readonly AccountHistory[], trained: { spec: DesignSpec; fit: LogisticFit }, today: string, currency: string): NewPrediction[] {
  const predictions: NewPrediction[] = [];
  const row = new Float64Array(trained.spec.columns.length);
  for (const a of histories) {
    if (a.churnedAt !== null || !isCustomerAt(a, today)) continue;
    const raw = rawAt(a, today);
    designRow(trained.spec, raw, row);
    const reasons = reasonsFor(trained.spec, trained.fit, raw, row, 5, currency);
    let t = trained.fit.intercept;
    for (let k = 0; k < row.length; k++) t += (trained.fit.coefficients[k]! * (row[k]! - trained.fit.means[k]!)) / trained.fit.sds[k]!;
    predictions.push({ accountId: a.id, probability: 1 / (1 + Math.exp(-t)), reasons });
  }
  return predictions;
}
