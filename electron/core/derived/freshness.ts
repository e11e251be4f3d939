import type Database from 'better-sqlite3';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { exclusive } from '../db/exclusive';
import { inTransaction, stmt } from '../db/sql';
import { readSettings } from '../db/settings';
import { modelVersion } from '../health/model';
import { recomputeAllHealth, recomputeAllHealthInSteps } from '../health/service';
import { evaluateAll } from '../ctas/engine';
import { announceOpened } from '../ctas/handlers';
import { rulePassJob } from '../ctas/pass';

// Health moves with time alone (days since the last touchpoint, days to renewal), so a snapshot is
// only good for the day (UTC) it was taken. Every customer's is recomputed on open when any is from
// an earlier day, and once a day while the workspace is open, by a timer the core owns (it runs in
// whatever process or worker hosts the core; no host wiring). The snapshots' `taken_at` records
// when: it is the `asOf` every score is shown with.

const dayStart = (now: Date) => `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;

/** Whether some current customer has no snapshot, or one from a day before `now`'s. */
export function healthIsStale(sqlite: Database.Database, now: Date): boolean {
  return (
    stmt<number>(
      sqlite,
      `SELECT EXISTS (SELECT 1 FROM accounts a LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1
      WHERE a.archived_at IS NULL AND a.churned_at IS NULL AND (h.taken_at IS NULL OR h.taken_at < ?))`,
    )
      .pluck()
      .get(dayStart(now)) === 1
  );
}

/**
 * Current customers whose snapshot a refresh of some accounts (an import's) cannot leave as it is:
 * none, one from a day before `now`'s, or one of another model version. A snapshot taken earlier
 * today under this model stays, as it does here until the next day.
 */
export function customersWithStaleHealth(sqlite: Database.Database, now: Date): number[] {
  return stmt<number>(
    sqlite,
    `SELECT a.id FROM accounts a LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1
    WHERE a.archived_at IS NULL AND a.churned_at IS NULL AND (h.taken_at IS NULL OR h.taken_at < ? OR h.model_version <> ?)`,
  )
    .pluck()
    .all(dayStart(now), modelVersion(readSettings(sqlite)));
}

/** On open: every customer's health recomputed if any is from an earlier day; null when all are today's. */
export function refreshStaleHealth(sqlite: Database.Database, now: Date): { accounts: number } | null {
  if (!healthIsStale(sqlite, now)) return null;
  const health = recomputeAllHealth(sqlite, now);
  // A new day moves the rules' inputs too (renewals come closer, go-lives fall overdue): issue 17.
  inTransaction(sqlite, () => evaluateAll(sqlite, now));
  return health;
}

/** Runs `run` after `delayMs`; returns a cancel. Tests pass their own to fire it with a moved clock instead of waiting. */
export type Schedule = (run: () => Promise<void>, delayMs: number) => () => void;

/** A Node timer that never keeps the process alive (a one-shot command exits as if it were not there). */
export const timerSchedule: Schedule = (run, delayMs) => {
  const timer = setTimeout(() => void run(), delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

/** Milliseconds from `now` to one minute past the next UTC midnight (past any clock jitter at the turn of the day). */
export function untilNextDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 1) - now.getTime();
}

export interface DailyRefresh {
  /** Cancels the timer and waits for a refresh under way. */
  stop(): Promise<void>;
}

/**
 * The daily refresh while open: at each new UTC day every customer's health is recomputed under
 * the connection's lock (in steps, one transaction, like health.recompute) and `health.changed`
 * goes out. It checks staleness when it fires, so a timer that fires early (or late, after the
 * laptop slept) does the right thing; a failure is logged and the next day tries again.
 */
export function startDailyRefresh(ctx: Context, schedule: Schedule = timerSchedule): DailyRefresh {
  let cancel: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const plan = () => {
    if (!stopped) cancel = schedule(tick, untilNextDay(ctx.now()));
  };
  const refresh = async () => {
    try {
      const refreshed = await exclusive(ctx, async (sqlite) => {
        if (!healthIsStale(sqlite, ctx.now())) return null;
        return recomputeAllHealthInSteps(sqlite, ctx.now());
      });
      if (!refreshed) return;
      ctx.log('info', `refreshed the health of ${refreshed.accounts} accounts for the new day`);
      ctx.emit({ name: 'health.changed' });
    } catch (error) {
      ctx.log('warn', 'the daily health refresh failed; the next day tries again', error);
      return;
    }
    // The rule pass as its own job (progress, cancel: ctas/pass.ts), on the new day's health; a user
    // may cancel it, which is not a failure of the refresh.
    try {
      announceOpened(ctx, (await rulePassJob(ctx)).opened);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'CANCELLED') ctx.log('info', 'the daily rule pass was cancelled; the next day runs it again');
      else ctx.log('warn', 'the daily rule pass failed; the next day tries again', error);
    }
  };
  async function tick() {
    cancel = null;
    if (stopped) return;
    running = refresh();
    await running;
    running = null;
    plan();
  }
  plan();
  return {
    async stop() {
      stopped = true;
      cancel?.();
      await running;
    },
  };
}
