import { isFiniteNumber } from './types';

/**
 * Answers and their distribution on a survey scale: the counts behind every satisfaction metric.
 *
 * A missing answer is missing, never 0 (metrics.md: "A missing answer in an import (empty, `NA`,
 * `n/a`) is missing, never 0"). `Number('')` is 0 in JavaScript, so raw text goes through
 * `parseAnswer` and never through `Number` directly.
 */

/** Raw text that means "no answer" (compared trimmed and case-insensitively). */
export const MISSING_ANSWER_TOKENS: readonly string[] = ['', 'na', 'n/a', 'n.a.', 'null', 'none', '-'];

/** A raw imported answer as a number, or null when it is missing or not a number. */
export function parseAnswer(raw: unknown): number | null {
  if (isFiniteNumber(raw)) return raw;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (MISSING_ANSWER_TOKENS.includes(text.toLowerCase())) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** One answer as the stats layer accepts it: null/undefined/NaN are missing. */
export type Answer = number | null | undefined;

export interface Distribution {
  /** Lowest point of the scale; `counts[k]` counts answers equal to `min + k`. */
  min: number;
  max: number;
  counts: number[];
  /** Answers on the scale (the base of every share). */
  n: number;
  /** Missing answers (null, undefined, NaN), left out of the base. */
  missing: number;
  /** Numbers off the scale or not whole, left out of the base. */
  invalid: number;
}

/** Count answers per scale point; missing and off-scale answers are counted, not used. */
export function distributionOf(answers: readonly Answer[], min: number, max: number): Distribution {
  const counts = new Array<number>(max - min + 1).fill(0);
  let missing = 0;
  let invalid = 0;
  for (const a of answers) {
    if (!isFiniteNumber(a)) {
      missing += 1;
    } else if (!Number.isInteger(a) || a < min || a > max) {
      invalid += 1;
    } else {
      counts[a - min] = (counts[a - min] ?? 0) + 1;
    }
  }
  return { min, max, counts, n: counts.reduce((s, c) => s + c, 0), missing, invalid };
}

/**
 * A distribution from counts per scale point (`counts[k]` = answers equal to `min + k`).
 * Returns null when the counts do not fit the scale or are not whole, non-negative numbers.
 */
export function distributionFromCounts(counts: readonly number[], min: number, max: number): Distribution | null {
  if (counts.length !== max - min + 1) return null;
  if (!counts.every((c) => Number.isInteger(c) && c >= 0)) return null;
  return { min, max, counts: [...counts], n: counts.reduce((s, c) => s + c, 0), missing: 0, invalid: 0 };
}

/** Answers at or between two scale points (inclusive). */
export function countBetween(d: Distribution, from: number, to: number): number {
  let total = 0;
  for (let score = Math.max(from, d.min); score <= Math.min(to, d.max); score += 1) total += d.counts[score - d.min] ?? 0;
  return total;
}

/** Each scale point's share of the base in percent (all null when the base is empty). */
export function sharesOf(d: Distribution): (number | null)[] {
  return d.counts.map((c) => (d.n === 0 ? null : (100 * c) / d.n));
}
