/**
 * How well scores rank and how honest their probabilities are, on accounts whose outcome is known.
 *
 * - AUC: the probability that a randomly chosen churner scores above a randomly chosen stayer, ties
 *   counting one half (the Mann-Whitney U statistic ÷ n₁n₀; Hanley & McNeil 1982). 0.5 is chance.
 * - Brier score: mean (p − y)² (Brier 1950); lower is better; only for probabilities.
 * - Calibration: accounts sorted by score into ten groups of (nearly) equal size; each group's mean
 *   predicted probability beside its observed churn rate.
 * - Top-decile lift: the churn rate among the 10 % scored riskiest ÷ the overall rate.
 */

export interface CalibrationRow {
  decile: number;
  n: number;
  meanPredicted: number | null;
  observedRate: number;
}

export interface Evaluation {
  n: number;
  churners: number;
  auc: number | null;
  brier: number | null;
  topDecileLift: number | null;
  calibration: CalibrationRow[];
}

/** Mann-Whitney AUC with average ranks for ties; null without both classes. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++)
      if (labels[order[k]!]) {
        positives++;
        rankSum += rank;
      }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function brier(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  if (probabilities.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += (probabilities[i]! - labels[i]!) ** 2;
  return sum / probabilities.length;
}

/** Indices riskiest first; ties keep their input order, so equal scores never reorder by chance. */
const riskiestFirst = (scores: ArrayLike<number>) => Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);

/** Ten groups, riskiest first; `probabilities` false for a score that is not one (the health score's risk). */
export function calibration(scores: ArrayLike<number>, labels: ArrayLike<number>, probabilities = true): CalibrationRow[] {
  const order = riskiestFirst(scores);
  const n = order.length;
  const rows: CalibrationRow[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    if (to <= from) continue;
    let predicted = 0;
    let observed = 0;
    for (let k = from; k < to; k++) {
      predicted += scores[order[k]!]!;
      observed += labels[order[k]!]!;
    }
    rows.push({ decile: d + 1, n: to - from, meanPredicted: probabilities ? predicted / (to - from) : null, observedRate: observed / (to - from) });
  }
  return rows;
}

export function topDecileLift(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const top = Math.ceil(n / 10);
  if (n === 0) return null;
  let total = 0;
  for (let i = 0; i < n; i++) total += labels[i]!;
  if (total === 0) return null;
  const order = riskiestFirst(scores);
  let hits = 0;
  for (let k = 0; k < top; k++) hits += labels[order[k]!]!;
  return hits / top / (total / n);
}

export function evaluate(scores: ArrayLike<number>, labels: ArrayLike<number>, probabilities = true): Evaluation {
  let churners = 0;
  for (let i = 0; i < labels.length; i++) churners += labels[i]!;
  return {
    n: scores.length,
    churners,
    auc: auc(scores, labels),
    brier: probabilities ? brier(scores, labels) : null,
    topDecileLift: topDecileLift(scores, labels),
    calibration: calibration(scores, labels, probabilities),
  };
}
