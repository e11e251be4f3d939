import { z } from 'zod';

// Long jobs (electron/core/lib/jobs.ts): their progress arrives as `jobs.progress` events naming the
// job's channel; `jobs.cancel` stops the running jobs of a channel. A cancelled call answers
// CANCELLED and leaves nothing half-written. The import has its own cancel too (import.cancel, by job
// id); as a job here it is listed and cancelled like the others and answers `cancelled: true`.

/** The channels whose calls run as cancellable jobs. */
export const JOB_CHANNELS = [
  'metrics.rebuild',
  'health.recompute',
  'export.archive',
  'journeys.measure',
  'export.table',
  'import.commit',
  'ctas.evaluate',
  // Issue 16: training reads the whole history, and so does the satisfaction section's first open.
  'churn.train',
  'churn.satisfactionRevenue',
  // Twenty fits on every account: seconds on a large file, so a bar and Cancel too.
  'churn.crossValidate',
  // Issue 19: a manual team sync (push batches, pull pages, rebuild), cancelled between batches.
  'team.sync',
] as const;
export type JobChannel = (typeof JOB_CHANNELS)[number];

export const jobsContract = {
  'jobs.cancel': {
    input: z.strictObject({ channel: z.enum(JOB_CHANNELS, { message: `channel must be one of the long jobs: ${JOB_CHANNELS.join(', ')}` }) }),
    /** How many running jobs were asked to stop (0: none was running, it had already finished). */
    output: z.object({ cancelled: z.number().int() }),
  },
  'jobs.running': {
    input: z.strictObject({}),
    output: z.object({
      channels: z.array(z.string()),
      /** Where each running job that has reported is: a screen picking it up starts its bar there, not at the next report. */
      progress: z.array(z.object({ channel: z.string(), done: z.number(), total: z.number(), phase: z.string().optional() })).optional(),
    }),
  },
} as const;
