import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { cancelJobs, runningJobs } from '../lib/jobs';

/** Stopping and listing the long jobs of lib/jobs.ts (the UI's Cancel buttons call jobs.cancel). */
export const jobsHandlers = {
  'jobs.cancel': (input: ParsedInput<'jobs.cancel'>, ctx: Context) => ({ cancelled: cancelJobs(ctx, input.channel) }),
  'jobs.running': (_input: ParsedInput<'jobs.running'>, ctx: Context) => ({ channels: runningJobs(ctx) }),
} satisfies Handlers<ChannelsOf<'jobs'>>;
