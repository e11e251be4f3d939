import type { Context } from '../context';
import { CoreError } from '../errors';

// Long jobs inside the core (a rebuild, a recompute, an archive export, a journey map's cold read):
// they report progress as `jobs.progress` events and stop when cancelled. A job does its work in
// steps and calls `step()` between them: that hands the event loop back, so its progress leaves the
// thread and a cancel (the `jobs.cancel` channel, or the host protocol's `cancel {id}`) can land;
// once cancelled, the next `step()` throws CANCELLED and the job's own try/finally undoes what it
// began (a ROLLBACK, a temporary file removed). The import has its own job table (import.cancel).

/** The event every job's progress goes out as; `job` names its channel, `phase` what it is doing. */
export const JOB_PROGRESS_EVENT = 'jobs.progress';

export interface Job {
  readonly channel: string;
  readonly cancelled: boolean;
  /** Reports how far the job has got (sent at most every 100 ms, and always the last of a phase). */
  progress(done: number, total: number, phase?: string): void;
  /** Throws CANCELLED when the job was stopped: for synchronous callbacks that run after a yield. */
  check(): void;
  /** Hands the event loop back, then throws CANCELLED when the job was stopped meanwhile. */
  step(): Promise<void>;
  /**
   * Tests only: waits here until the job is cancelled (or `stopped()` says it was, by the job's own
   * cancel) when FULCRUM_TEST_HOLD_JOB names its channel (see testHold); else returns at once.
   */
  hold(stopped?: () => boolean): Promise<void>;
}

interface Running {
  channel: string;
  cancelled: boolean;
  /** The last progress reported (throttled or not): a screen that picks the job up starts its bar there. */
  last?: JobProgress;
}

/** Where a running job is: what `jobs.running` says of it. */
export interface JobProgress {
  done: number;
  total: number;
  phase?: string;
}

const running = new WeakMap<Context, Set<Running>>();
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A hold for end-to-end tests: with FULCRUM_TEST_HOLD_JOB=<channel>[,<channel>…] in the core's environment,
 * such a channel's job stops at its first step (after its first progress report) and waits, event loop
 * free, until it is cancelled. A test can then open a screen while the job certainly runs and
 * cancel it there, instead of betting that the job outlasts the page's start. Without the variable
 * it does nothing (as db/pausePoint.ts, the crash tests' stop).
 */
const testHold = (channel: string) => (process.env.FULCRUM_TEST_HOLD_JOB ?? '').split(',').includes(channel);

export const cancelledError = (channel: string, kept: string) => new CoreError('CANCELLED', `${channel} was cancelled; ${kept}`);

/**
 * Runs `work` as a cancellable job of `channel`. `kept` completes "… was cancelled; …" with what the
 * user still has (e.g. 'the previous rollups are kept').
 */
export async function runJob<T>(ctx: Context, channel: string, kept: string, work: (job: Job) => Promise<T>): Promise<T> {
  const jobs = running.get(ctx) ?? new Set<Running>();
  running.set(ctx, jobs);
  const state: Running = { channel, cancelled: false };
  jobs.add(state);
  let sentAt = 0;
  let lastPhase: string | undefined;
  let held = false;
  const job: Job = {
    channel,
    get cancelled() {
      return state.cancelled;
    },
    progress(done, total, phase) {
      state.last = { done, total, ...(phase ? { phase } : {}) };
      const now = performance.now();
      if (phase === lastPhase && done < total && now - sentAt < 100) return;
      sentAt = now;
      lastPhase = phase;
      ctx.emit({ name: JOB_PROGRESS_EVENT, progress: { done, total }, job: channel, ...(phase ? { phase } : {}) });
    },
    check() {
      if (state.cancelled) throw cancelledError(channel, kept);
    },
    async step() {
      await nextTurn();
      await job.hold();
      job.check();
    },
    async hold(stopped) {
      if (held || !testHold(channel)) return;
      held = true;
      while (!state.cancelled && !stopped?.()) await pause(20);
    },
  };
  try {
    return await work(job);
  } finally {
    jobs.delete(state);
  }
}

/** Stops the running jobs of `channel` (every running job without one); how many were asked to stop. */
export function cancelJobs(ctx: Context, channel?: string): number {
  let n = 0;
  for (const state of running.get(ctx) ?? []) {
    if (channel !== undefined && state.channel !== channel) continue;
    if (!state.cancelled) n++;
    state.cancelled = true;
  }
  return n;
}

/** The channels of the jobs running now, once each. */
export const runningJobs = (ctx: Context): string[] => [...new Set([...(running.get(ctx) ?? [])].map((state) => state.channel))];

/** The last progress of each running job that reported one, by channel (the latest job's, for a channel running twice). */
export const runningProgress = (ctx: Context): (JobProgress & { channel: string })[] => [
  ...new Map([...(running.get(ctx) ?? [])].flatMap((state) => (state.last ? [[state.channel, { channel: state.channel, ...state.last }] as const] : []))).values(),
];
