// How a latent health (0-1) turns into answers on each survey scale. Pure functions of the
// random stream, so the calibration (NPS around +30, CSAT around 80 %) can be tested directly.

import { clamp, type Rng } from './random';
import { COMMENTS, type Tone } from './vocab/feedback';

const scale = (value: number, min: number, max: number) => clamp(Math.round(value), min, max);

/** NPS and "would buy again", 0-10. */
export const npsScore = (rng: Rng, health: number) => scale(rng.normal(3.3 + 7.6 * health, 1.5), 0, 10);
export const repurchaseScore = (rng: Rng, health: number) => scale(rng.normal(3.9 + 7.4 * health, 1.6), 0, 10);

/**
 * CSAT 1-5. `speed` is how a ticket went against its priority's norm: negative when it took
 * longer than usual (log of the ratio), so a slow fix costs a point even at a healthy account.
 */
export const csatScore = (rng: Rng, health: number, speed = 0) => scale(rng.normal(2.7 + 3 * health + clamp(speed, -1.5, 0.6) * 0.45, 0.85), 1, 5);

/** NSAT 1-4, where 1 is very satisfied and 4 very dissatisfied. */
export const nsatScore = (rng: Rng, health: number) => scale(rng.normal(3.55 - 3.1 * health, 0.65), 1, 4);

/** Customer effort 1-7, where 7 is the most effort. */
export const cesScore = (rng: Rng, health: number) => scale(rng.normal(5.4 - 4.6 * health, 1.1), 1, 7);

/** Touchpoint sentiment -2..2. */
export const sentimentScore = (rng: Rng, health: number) => scale(rng.normal(-1.3 + 3.3 * health, 0.8), -2, 2);

/** The tone of a comment from the answer it came with. */
export function toneOf(kind: string, score: number): Tone {
  switch (kind) {
    case 'nps':
    case 'repurchase':
      return score >= 9 ? 'positive' : score >= 7 ? 'neutral' : 'negative';
    case 'csat':
      return score >= 4 ? 'positive' : score === 3 ? 'neutral' : 'negative';
    case 'nsat':
      return score === 1 ? 'positive' : score === 2 ? 'neutral' : 'negative';
    default: // ces: effort
      return score <= 2 ? 'positive' : score <= 4 ? 'neutral' : 'negative';
  }
}

/** About a third of answers come with a comment, unhappy ones a little more often. */
export function commentFor(rng: Rng, kind: string, score: number): string | null {
  const tone = toneOf(kind, score);
  return rng.chance(tone === 'negative' ? 0.45 : 0.3) ? rng.pick(COMMENTS[tone]) : null;
}
