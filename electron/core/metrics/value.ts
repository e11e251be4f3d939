import { type MetricValue, isFiniteNumber, noValue } from './types';

/**
 * Customer value management: lifetime value, customer equity and return on customer.
 * Rates are fractions (r = 0.8, i = 0.1); money in any one unit; results unrounded.
 */

/**
 * The survival convention (issue 16), chosen in settings and named in the definition:
 * - 'retained': period t's margin is weighted by r^t (it arrives only if the customer is retained to then);
 * - 'present': by r^(t−1) (the customer is present in year 1 for sure).
 */
export type ClvSurvival = 'retained' | 'present';

export interface ClvSimpleInput {
  /** Margin per period (e.g. yearly margin), assumed constant. */
  margin: number;
  /** Retention rate per period of the account's segment, 0 ≤ r ≤ 1. */
  retention: number;
  /** Discount rate per period, i > −1. */
  discount: number;
  /** 'retained' (r^t) when absent. */
  survival?: ClvSurvival;
  /** What acquiring the customer costs, subtracted once at t = 0 (0 when absent). */
  acquisitionCost?: number;
}

export interface ClvResult extends MetricValue {
  /** CLV / margin: the margin multiple r / (1 + i − r) (simple form only). */
  multiple?: number;
  /** Each period's discounted, survival-weighted margin (cohort form only). */
  terms?: number[];
}

/**
 * Customer lifetime value, simple form.
 * Source: S. Gupta & D. R. Lehmann (2003), "Customers as assets", Journal of Interactive
 * Marketing 17(1):9-24; Gupta & Lehmann (2005), "Managing Customers as Investments".
 *
 *   retained: CLV = Σ_{t≥1} m · r^t / (1 + i)^t     − AC = m · r / (1 + i − r) − AC
 *   present:  CLV = Σ_{t≥1} m · r^(t−1) / (1 + i)^t − AC = m / (1 + i − r) − AC
 *
 * Timing: the first margin arrives one period out (t = 1); 'retained' weights it by r (the customer
 * must still be there), 'present' counts it in full (the customer is there in year 1). The
 * acquisition cost AC is paid at t = 0. n = 1 (one account's figures).
 */
export function clvSimple({ margin, retention: r, discount: i, survival = 'retained', acquisitionCost = 0 }: ClvSimpleInput): ClvResult {
  if (![margin, r, i, acquisitionCost].every(isFiniteNumber)) return noValue('margin, retention, discount and acquisition cost must be numbers', 1);
  if (r < 0 || r > 1) return noValue(`retention must be between 0 and 1 (got ${r})`, 1);
  if (i <= -1) return noValue(`discount must be above −100 % (got ${i})`, 1);
  if (1 + i - r <= 0) return noValue('retention ≥ 1 + discount: the sum does not converge', 1);
  const multiple = (survival === 'present' ? 1 : r) / (1 + i - r);
  return { value: margin * multiple - acquisitionCost, n: 1, multiple };
}

export interface ClvCohortInput {
  /** Margins per period m_1, m_2, …, m_T (the first one period out). */
  margins: readonly number[];
  /**
   * A constant retention rate r (survival S_t = r^t), or the cohort's survival curve
   * S_1, S_2, … (share of the starting cohort still a customer at the end of period t).
   */
  retention: number | readonly number[];
  discount: number;
  /** 'retained': period t weighted by S_t; 'present': by S_(t−1), S_0 = 1. 'retained' when absent. */
  survival?: ClvSurvival;
  /** Paid at t = 0 and subtracted (0 when absent). */
  acquisitionCost?: number;
}

/**
 * Customer lifetime value, cohort form (finite horizon T).
 * Source: S. Gupta, D. R. Lehmann & J. A. Stuart (2004), "Valuing customers", Journal of
 * Marketing Research 41(1):7-18.
 *
 *   retained: CLV = Σ_{t=1..T} m_t · S_t / (1 + i)^t − AC,      S_t = r^t for a constant retention r
 *   present:  CLV = Σ_{t=1..T} m_t · S_(t−1) / (1 + i)^t − AC,  S_0 = 1
 *
 * Same timing as `clvSimple`: with constant m and r it tends to clvSimple's value as T grows.
 * n = T, the number of periods.
 */
export function clvCohort({ margins, retention, discount: i, survival: convention = 'retained', acquisitionCost = 0 }: ClvCohortInput): ClvResult {
  const T = margins.length;
  if (T === 0) return noValue('no margins');
  if (!margins.every(isFiniteNumber) || !isFiniteNumber(i)) return noValue('margins and discount must be numbers', T);
  if (i <= -1) return noValue(`discount must be above −100 % (got ${i})`, T);
  let survival: number[];
  if (typeof retention === 'number') {
    survival = margins.map((_, k) => retention ** (k + 1));
  } else {
    if (retention.length < T) return noValue(`survival curve has ${retention.length} periods, margins ${T}`, T);
    survival = retention.slice(0, T);
  }
  if (!survival.every((s) => isFiniteNumber(s) && s >= 0 && s <= 1)) return noValue('retention must be between 0 and 1', T);
  if (!isFiniteNumber(acquisitionCost)) return noValue('acquisition cost must be a number', T);
  const weight = (k: number) => (convention === 'present' ? (k === 0 ? 1 : survival[k - 1]!) : survival[k]!);
  const terms = margins.map((m, k) => (m * weight(k)) / (1 + i) ** (k + 1));
  return { value: terms.reduce((s, x) => s + x, 0) - acquisitionCost, n: T, terms };
}

/**
 * Customer equity: the sum of the CLVs of the current customers.
 * Source: R. T. Rust, V. A. Zeithaml & K. N. Lemon (2000), "Driving Customer Equity"; Gupta &
 * Lehmann (2003). Accounts without a CLV are left out and named in a warning. n = accounts summed.
 */
export function customerEquity(clvs: readonly (number | MetricValue | null | undefined)[]): MetricValue {
  let sum = 0;
  let n = 0;
  for (const c of clvs) {
    const v = typeof c === 'number' ? c : c?.value;
    if (isFiniteNumber(v)) {
      sum += v;
      n += 1;
    }
  }
  const left = clvs.length - n;
  if (n === 0) return noValue(left > 0 ? `no account has a CLV (${left} without)` : 'no accounts');
  return left > 0 ? { value: sum, n, warning: `${left} account${left === 1 ? '' : 's'} without a CLV left out` } : { value: sum, n };
}

export interface RocInput {
  /** Cash flow from customers in the period. */
  cashFlow: number;
  equityStart: number;
  equityEnd: number;
  /** Customers the figures cover (the result's n); 1 when not given. */
  accounts?: number;
}

/**
 * Return on customer, in percent.
 * Source: D. Peppers & M. Rogers (2005), "Return on Customer: Creating Maximum Value from Your
 * Scarcest Resource".
 *
 *   ROC = (cash flow in the period + (CE_end − CE_start)) / CE_start
 *
 * Profit taken by eroding customer equity ("milking" the base) shows as ROC ≈ 0.
 */
export function returnOnCustomer({ cashFlow, equityStart, equityEnd, accounts = 1 }: RocInput): MetricValue {
  if (![cashFlow, equityStart, equityEnd].every(isFiniteNumber)) return noValue('cash flow and equity must be numbers', accounts);
  if (equityStart <= 0) return noValue('customer equity at the start must be above 0', accounts);
  return { value: (100 * (cashFlow + equityEnd - equityStart)) / equityStart, n: accounts };
}
