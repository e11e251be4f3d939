// Words for the leverage domain's codes: the finder's gates and criteria, the readiness parts.
import type { MATCH_GATES } from '../../../../shared/contract/leverage';

type Gate = (typeof MATCH_GATES)[number];

const GATES: Record<Gate, string> = {
  stage: 'Not active',
  consent: 'No consent',
  restrictions: 'Restricted',
  health: 'Health',
  fatigue: 'Fatigued',
};
const CRITERIA: Record<string, string> = {
  industry: 'Industry',
  product: 'Products',
  useCase: 'Use case',
  sizeBand: 'Size',
  region: 'Region',
  competitor: 'Competitor displaced',
};

export const gateLabel = (gate: Gate) => GATES[gate];
export const criterionLabel = (criterion: string) => CRITERIA[criterion] ?? criterion;

/** The domains whose changes move leverage figures: screens reload on their events. */
export const LEVERAGE_DOMAINS = ['accounts', 'contacts', 'deployments', 'touchpoints', 'surveyResponses', 'deals', 'health', 'settings', 'references', 'requests'];

/** A 0-100 score as a whole number, or a dash. */
export const scoreText = (score: number | null | undefined) => (score === null || score === undefined ? '—' : String(Math.round(score)));

/** Points with one decimal (parts add up to the score, so rounding each to whole points would not). */
export const pointsText = (points: number | null) => (points === null ? '—' : (Math.round(points * 10) / 10).toFixed(1));

/** Share of 0-100 or a dash with the reason there is none. */
export const percentText = (value: number | null, digits = 0) => (value === null ? '—' : `${value.toFixed(digits)} %`);

/** "12 Mar 2026" from YYYY-MM-DD, in UTC so the day never shifts. */
export function dayText(ymd: string | null, locale?: string): string {
  if (!ymd) return '—';
  return new Date(`${ymd.slice(0, 10)}T00:00:00Z`).toLocaleDateString(locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The band colour class of a score against the threshold: at or above it green, within 15 amber, else red. */
export function readinessTone(score: number | null, threshold: number): 'ok' | 'warn' | 'bad' | 'neutral' {
  if (score === null) return 'neutral';
  if (score >= threshold) return 'ok';
  return score >= threshold - 15 ? 'warn' : 'bad';
}
