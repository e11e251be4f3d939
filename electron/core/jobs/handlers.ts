import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { cancelJobs, runningJobs, runningProgress } from '../lib/jobs';

/** Stopping and listing the long jobs of lib/jobs.ts (the UI's Cancel buttons call jobs.cancel). */
export const jobsHandlers = {
  'jobs.cancel': (input: ParsedInput<'jobs.cancel'>, ctx: Context) => ({ cancelled: cancelJobs(ctx, input.channel) }),
  'jobs.running': (_input: ParsedInput<'jobs.running'>, ctx: Context) => {
    const progress = runningProgress(ctx);
    // Absent while nothing has reported yet: a screen's bar then starts indeterminate.
    return { channels: runningJobs(ctx), ...(progress.length > 0 ? { progress } : {}) };
  },
} satisfies Handlers<ChannelsOf<'jobs'>>;
