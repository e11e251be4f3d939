// The account's health explanation in words: the band, the trend against the previous snapshot
// and each component's part in the score.

import type { HealthExplanation } from '../../../../shared/contract/health';
import { formatDate, formatNumber } from '../../../../shared/format/format';
import { formatPercentValue } from '../../../../shared/format/metric';

export const BAND_NAMES = { red: 'Red', amber: 'Amber', green: 'Green', insufficient: 'Insufficient data' } as const;

export interface HealthTrend {
  text: string;
  tone: 'ok' | 'bad' | 'neutral';
}

/** "▲ 4 since Mar 1, 2026 (was 58)", or why there is no trend. */
export function healthTrend(health: Pick<HealthExplanation, 'score' | 'previous'>, locale?: string): HealthTrend {
  const previous = health.previous;
  if (!previous) return { text: 'No earlier snapshot to compare with', tone: 'neutral' };
  const since = formatDate(previous.takenAt.slice(0, 10), locale);
  if (previous.score === null) return { text: `No score on ${since} to compare with`, tone: 'neutral' };
  if (health.score === null) return { text: `Was ${formatNumber(Math.round(previous.score), locale)} on ${since}`, tone: 'neutral' };
  const delta = Math.round(health.score) - Math.round(previous.score);
  const was = formatNumber(Math.round(previous.score), locale);
  if (delta === 0) return { text: `Unchanged since ${since} (${was})`, tone: 'neutral' };
  return { text: `${delta > 0 ? '▲' : '▼'} ${formatNumber(Math.abs(delta), locale)} since ${since} (was ${was})`, tone: delta > 0 ? 'ok' : 'bad' };
}

export interface ComponentRow {
  id: string;
  label: string;
  /** The weight as set, and its share of all weight: "30 (30%)". */
  weight: string;
  score: string;
  /** 0-100 for the score bar, null without data. */
  scoreValue: number | null;
  /** "+18.2" points of the score, or "not counted" without data. */
  contribution: string;
  reason: string;
  /** What cost it points, in the at-risk list's sentences (the core's); empty at full marks or for an old snapshot. */
  sentences: string[];
  counted: boolean;
}

export function componentRows(health: Pick<HealthExplanation, 'components'>, locale?: string): ComponentRow[] {
  const total = health.components.reduce((sum, c) => sum + c.weight, 0);
  return health.components.map((c) => ({
    id: c.id,
    label: c.label,
    weight: total > 0 ? `${formatNumber(c.weight, locale)} (${formatPercentValue((c.weight / total) * 100, locale, 0)})` : formatNumber(c.weight, locale),
    score: c.score === null ? 'No data' : formatNumber(Math.round(c.score), locale),
    scoreValue: c.score,
    contribution: c.contribution === null ? 'not counted' : `+${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(c.contribution)}`,
    reason: c.reason,
    sentences: c.sentences ?? [],
    counted: c.score !== null && c.weight > 0,
  }));
}

/** The band a component score would fall in, to colour its bar like the total. */
export function scoreBand(score: number, thresholds: { redBelow: number; amberBelow: number }): 'red' | 'amber' | 'green' {
  return score < thresholds.redBelow ? 'red' : score < thresholds.amberBelow ? 'amber' : 'green';
}
