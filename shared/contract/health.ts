import { z } from 'zod';
import { id } from './common';

// The health domain: each account's health score, its parts and their reasons (electron/core/health/).
// The portfolio's health bands and at-risk list are part of metrics.portfolio (./metrics.ts).

export const healthBand = z.enum(['red', 'amber', 'green', 'insufficient']);

export const healthComponent = z.object({
  id: z.enum(['satisfaction', 'support', 'adoption', 'engagement', 'renewal']),
  label: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  /** Points this component adds to the score (weight × score ÷ weights with data). */
  contribution: z.number().nullable(),
  /** Why it scored so, naming the threshold that moved it: "last touchpoint 95 days ago (> 60)". */
  reason: z.string(),
  /**
   * What cost it points, as sentences a CSM reads aloud ("No touchpoint in the last 95 days"), the
   * same the at-risk list shows; empty at full marks. Absent for a snapshot stored before its findings.
   */
  sentences: z.array(z.string()).optional(),
});

export const healthExplanation = z.object({
  accountId: id,
  score: z.number().nullable(),
  band: healthBand,
  coveragePct: z.number(),
  reason: z.string().optional(),
  modelVersion: z.string(),
  /** When this score was computed: the snapshot's time (the same as asOf). */
  computedAt: z.string(),
  /**
   * ISO date-time of the health snapshot this score is (the dashboard and the account page read the
   * same one, so they never show two scores for an account); "as of" wherever a score is shown.
   */
  asOf: z.string(),
  components: z.array(healthComponent),
  previous: z.object({ score: z.number().nullable(), takenAt: z.string(), modelVersion: z.string().optional() }).nullable(),
});
export type HealthExplanation = z.infer<typeof healthExplanation>;

export const healthContract = {
  'health.explain': { input: z.strictObject({ id }), output: healthExplanation },
  /** Recomputes every account's health snapshot (after a settings change); progress arrives as `health.progress` events. */
  'health.recompute': { input: z.strictObject({}), output: z.object({ accounts: z.number().int(), modelVersion: z.string() }) },
} as const;
