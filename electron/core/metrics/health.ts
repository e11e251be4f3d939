import { type MetricValue, isFiniteNumber, noValue } from './types';

/**
 * Account health: a weighted mean of 0-100 component scores, renormalised over the components
 * that have data. Method: weighted arithmetic aggregation of a composite indicator with missing
 * components re-weighted, after OECD & JRC (2008), "Handbook on Constructing Composite
 * Indicators: Methodology and User Guide".
 *
 *   score    = Σ w_i · s_i / Σ w_i          over the components with data
 *   coverage = Σ w_i (with data) / Σ w_i (all components)
 *   contribution_i = w_i · s_i / Σ w_i (with data)   (the contributions sum to the score)
 *
 * Below the coverage floor (default 60 %) there is no score: "insufficient data". Bands: below
 * 50 red, below 70 amber, else green (configurable).
 */

export type HealthBand = 'red' | 'amber' | 'green';

export interface HealthBands {
  /** Scores below this are red. */
  redBelow: number;
  /** Scores below this (and not red) are amber; the rest green. */
  amberBelow: number;
}

export const DEFAULT_HEALTH_BANDS: HealthBands = { redBelow: 50, amberBelow: 70 };
export const DEFAULT_COVERAGE_FLOOR_PCT = 60;

export interface HealthComponentInput {
  id: string;
  label?: string;
  weight: number;
  /** 0-100, or null when the component has no data. */
  score: number | null;
  /** Why the component scored what it did (from the component scorers). */
  reason?: string;
}

export interface HealthContribution extends HealthComponentInput {
  /** w · s / Σ w over the components with data; null when the component has no data. */
  contribution: number | null;
}

export interface HealthResult extends MetricValue {
  /** Share of the total weight that had data, in percent. */
  coveragePct: number | null;
  band: HealthBand | null;
  contributions: HealthContribution[];
  /** Ids of the components without data. */
  missing: string[];
}

export interface HealthOptions {
  coverageFloorPct?: number;
  bands?: HealthBands;
}

/** The band of a score (null stays null). */
export function healthBand(score: number | null, bands: HealthBands = DEFAULT_HEALTH_BANDS): HealthBand | null {
  if (!isFiniteNumber(score)) return null;
  if (score < bands.redBelow) return 'red';
  return score < bands.amberBelow ? 'amber' : 'green';
}

/** The health score of one account, with each component's contribution. */
export function healthScore(components: readonly HealthComponentInput[], options: HealthOptions = {}): HealthResult {
  const floor = options.coverageFloorPct ?? DEFAULT_COVERAGE_FLOOR_PCT;
  const bands = options.bands ?? DEFAULT_HEALTH_BANDS;
  const empty = { coveragePct: null, band: null, contributions: [], missing: [] };
  if (components.length === 0) return noValue('no components', 0, empty);
  for (const c of components) {
    if (!isFiniteNumber(c.weight) || c.weight < 0) return noValue(`${c.id}: weight must be a number ≥ 0`, 0, empty);
    if (c.score !== null && !(isFiniteNumber(c.score) && c.score >= 0 && c.score <= 100)) {
      return noValue(`${c.id}: score must be 0-100 or null`, 0, empty);
    }
  }
  const totalWeight = components.reduce((s, c) => s + c.weight, 0);
  if (totalWeight === 0) return noValue('all weights are 0', 0, empty);

  const withData = components.filter((c) => c.score !== null);
  const dataWeight = withData.reduce((s, c) => s + c.weight, 0);
  const coveragePct = (100 * dataWeight) / totalWeight;
  const contributions = components.map((c) => ({
    ...c,
    contribution: c.score === null || dataWeight === 0 ? null : (c.weight * c.score) / dataWeight,
  }));
  const missing = components.filter((c) => c.score === null).map((c) => c.id);
  const n = withData.length;

  if (dataWeight === 0 || coveragePct < floor) {
    const reason = `insufficient data: coverage ${Math.floor(coveragePct)} % (< ${floor} %)`;
    return noValue(reason, n, { coveragePct, band: null, contributions, missing });
  }
  const value = withData.reduce((s, c) => s + c.weight * (c.score as number), 0) / dataWeight;
  return { value, n, coveragePct, band: healthBand(value, bands), contributions, missing };
}
