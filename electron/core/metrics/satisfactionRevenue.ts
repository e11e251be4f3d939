import { wilsonInterval } from './interval';
import { Z95 } from './types';

/**
 * What satisfaction is worth: renewal outcomes grouped by what the customer said (or the health
 * score read) before the renewal, each with its n and a 95 % interval, and the differences between
 * groups with theirs.
 *
 *   renewal rate = renewed ÷ due                       Wilson interval (interval.ts)
 *   logo churn   = not renewed ÷ due                   Wilson interval
 *   GRR = Σ min(after, before) ÷ Σ before              ratio estimator: R ± z·√(n/(n−1) · Σ(yᵢ − R·xᵢ)²) ÷ Σx
 *   NRR = Σ after ÷ Σ before                           (the linearisation of W. G. Cochran, Sampling
 *   expansion = Σ max(after − before, 0) ÷ Σ before     Techniques, 3rd ed., 1977, §6.3)
 *   difference of two renewal rates: Newcombe's hybrid score interval from the two Wilson intervals
 *   (R. G. Newcombe 1998, Statistics in Medicine 17:873-890, method 10):
 *     d = p₁ − p₂,  low = d − √((p₁ − l₁)² + (u₂ − p₂)²),  high = d + √((u₁ − p₁)² + (p₂ − l₂)²)
 * Percentages are 0-100; `before` is the ARR due at the renewal, `after` the ARR kept after it.
 */

export interface RenewalOutcome {
  accountId: number;
  renewalDate: string;
  renewed: boolean;
  before: number;
  after: number;
}

export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface GroupFigures {
  group: string;
  n: number;
  renewed: number;
  arrDue: number;
  renewalRate: Estimate;
  logoChurn: Estimate;
  grossRevenueRetention: Estimate;
  netRevenueRetention: Estimate;
  expansion: Estimate;
}

export interface Difference {
  group: string;
  versus: string;
  /** Renewal rate of `group` minus that of `versus`, in percentage points. */
  renewalRate: Estimate;
  sentence: string;
}

const none: Estimate = { value: null, low: null, high: null };

export function shareEstimate(successes: number, n: number): Estimate {
  const ci = wilsonInterval(successes, n);
  return ci ? { value: (100 * successes) / n, low: 100 * ci.low, high: 100 * ci.high } : none;
}

/** Σy ÷ Σx with the ratio estimator's linearised interval, in percent; null without ARR. */
export function ratioEstimate(ys: readonly number[], xs: readonly number[]): Estimate {
  const sx = xs.reduce((s, x) => s + x, 0);
  if (!(sx > 0)) return none;
  const r = ys.reduce((s, y) => s + y, 0) / sx;
  const n = xs.length;
  if (n < 2) return { value: 100 * r, low: null, high: null };
  const sse = xs.reduce((s, x, i) => s + (ys[i]! - r * x) ** 2, 0);
  const se = Math.sqrt((n / (n - 1)) * sse) / sx;
  return { value: 100 * r, low: 100 * Math.max(0, r - Z95 * se), high: 100 * (r + Z95 * se) };
}

const capped = (e: Estimate): Estimate => (e.high === null ? e : { ...e, high: Math.min(100, e.high) });

export function groupFigures(group: string, outcomes: readonly RenewalOutcome[]): GroupFigures {
  const renewed = outcomes.filter((o) => o.renewed).length;
  const before = outcomes.map((o) => o.before);
  return {
    group,
    n: outcomes.length,
    renewed,
    arrDue: before.reduce((s, x) => s + x, 0),
    renewalRate: shareEstimate(renewed, outcomes.length),
    logoChurn: shareEstimate(outcomes.length - renewed, outcomes.length),
    // Kept ARR never exceeds ARR due, so neither does the interval's upper end.
    grossRevenueRetention: capped(
      ratioEstimate(
        outcomes.map((o) => Math.min(o.after, o.before)),
        before,
      ),
    ),
    netRevenueRetention: ratioEstimate(
      outcomes.map((o) => o.after),
      before,
    ),
    expansion: ratioEstimate(
      outcomes.map((o) => Math.max(o.after - o.before, 0)),
      before,
    ),
  };
}

/** Newcombe's hybrid score interval for p₁ − p₂, in percentage points. */
export function differenceOfShares(s1: number, n1: number, s2: number, n2: number): Estimate {
  const a = wilsonInterval(s1, n1);
  const b = wilsonInterval(s2, n2);
  if (!a || !b) return none;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const d = p1 - p2;
  return {
    value: 100 * d,
    low: 100 * (d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)),
    high: 100 * (d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)),
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x)} %`);

/**
 * Outcomes grouped by a label (null: not in any group, left out), in `order`, and each group against
 * the last one in order that has renewals (the reference: detractors, the red band…).
 */
export function byGroup(outcomes: readonly RenewalOutcome[], groupOf: (o: RenewalOutcome) => string | null, order: readonly string[], labels: Record<string, string>) {
  const groups = order.map((g) =>
    groupFigures(
      g,
      outcomes.filter((o) => groupOf(o) === g),
    ),
  );
  const reference = [...groups].reverse().find((g) => g.n > 0);
  const differences: Difference[] = reference
    ? groups
        .filter((g) => g !== reference && g.n > 0)
        .map((g) => ({
          group: g.group,
          versus: reference.group,
          renewalRate: differenceOfShares(g.renewed, g.n, reference.renewed, reference.n),
          sentence: `${labels[g.group]} renewed ${pct(g.renewalRate.value)} (n ${g.n}), ${labels[reference.group]!.toLowerCase()} ${pct(reference.renewalRate.value)} (n ${reference.n})`,
        }))
    : [];
  return { groups, differences, unassigned: outcomes.filter((o) => groupOf(o) === null).length };
}

/** ARR renewing in a window per band, and its share of all of it. */
export function arrByBand(rows: readonly { band: string; arr: number }[], order: readonly string[]) {
  const total = rows.reduce((s, r) => s + r.arr, 0);
  return order.map((band) => {
    const inBand = rows.filter((r) => r.band === band);
    const arr = inBand.reduce((s, r) => s + r.arr, 0);
    return { band, accounts: inBand.length, arrMinor: arr, share: total > 0 ? (100 * arr) / total : null };
  });
}
