import type Database from 'better-sqlite3';
import { backfillArrHistory } from '../metrics/arrHistory';
import { pausePoint } from '../db/pausePoint';
import { recomputeAllHealth, recomputeAllHealthInSteps } from '../health/service';
import { refreshStaleHealth } from './freshness';
import { evaluateAll } from '../ctas/engine';
import { inTransaction, stmt } from '../db/sql';
import { rebuildWithSettings, rebuildWithSettingsInSteps, rollupsAreCurrent } from '../metrics/rollups/state';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { keptHistoryAfterRefresh } from '../churn/kept';
import { runJob, type Job } from '../lib/jobs';

export interface DerivedSummary {
  arrBackfilled: number;
  accountMonths: number;
  healthSnapshots: number;
  seconds: number;
}

// The stale mark. A bulk write (an import, a settings change that re-derives everything) commits
// its rows first and refreshes derived data after, in a second transaction. A crash in between
// would leave the dashboard wrong for good, so the bulk write records this mark IN ITS OWN
// TRANSACTION; the refresh deletes it in the transaction that writes the refreshed data; opening a
// workspace that still carries it rebuilds. It is a row of the settings table (key `derivedStale`),
// so no schema change: present only while a refresh is owed.

const STALE_KEY = 'derivedStale';

/** Records, inside the caller's transaction, that derived data must be rebuilt (and why). */
export function markDerivedStale(sqlite: Database.Database, reason: string, now: Date): void {
  stmt(
    sqlite,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(STALE_KEY, JSON.stringify({ reason }), now.toISOString());
}

/** Removes the mark (call inside the transaction that wrote the refreshed data). */
export function clearDerivedStale(sqlite: Database.Database): void {
  stmt(sqlite, 'DELETE FROM settings WHERE key = ?').run(STALE_KEY);
}

/** Why derived data is owed a rebuild, or null when it is not. */
export function derivedStaleReason(sqlite: Database.Database): string | null {
  const row = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').get(STALE_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const { reason } = JSON.parse(row.value) as { reason?: unknown };
    return typeof reason === 'string' ? reason : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Everything derived from the raw rows, rebuilt: ARR history for accounts that have none, every
 * rollup, and every customer's health snapshot, in ONE transaction that also clears the stale
 * mark: a crash anywhere in it leaves the mark, and the next open rebuilds. Call it after writing
 * rows in bulk outside the channels (the demo generator, an import); writes through the channels
 * keep all of it current.
 */
export function refreshDerived(sqlite: Database.Database, now: Date, onProgress?: (done: number, total: number) => void): DerivedSummary {
  const began = performance.now();
  return inTransaction(sqlite, () => {
    const arrBackfilled = backfillArrHistory(sqlite, now);
    pausePoint('refresh-after-arr');
    const rollups = rebuildWithSettings(sqlite, now, onProgress);
    // The churn model's kept history is dropped after a bulk write (the next training reads the rows and keeps them), else kept (churn/kept.ts).
    keptHistoryAfterRefresh(sqlite);
    pausePoint('refresh-after-rollups');
    const health = recomputeAllHealth(sqlite, now);
    // Bulk-written rows (an import's answers, the demo) can fire the rules too (issue 17).
    evaluateAll(sqlite, now);
    clearDerivedStale(sqlite);
    pausePoint('refresh-before-commit');
    return { arrBackfilled, accountMonths: rollups.accountMonths, healthSnapshots: health.accounts, seconds: (performance.now() - began) / 1000 };
  });
}

/**
 * refreshDerived as a cancellable job (the metrics.rebuild channel): the same writes in the same ONE
 * transaction, but in steps (after the ARR backfill, after each batch of accounts' rollups, every
 * few hundred health snapshots) that hand the event loop back, so `jobs.progress` events leave
 * while it runs and a cancel lands. Cancelled (or failed) it rolls back: the previous rollups,
 * health snapshots and stale mark stay exactly as they were. The caller holds the connection
 * (exclusive), so no other channel's statement runs inside this transaction between the steps.
 */
export async function refreshDerivedInSteps(sqlite: Database.Database, now: Date, job: Job): Promise<DerivedSummary> {
  const began = performance.now();
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    job.progress(0, 1, 'arr');
    const arrBackfilled = backfillArrHistory(sqlite, now);
    await job.step();
    const steps = rebuildWithSettingsInSteps(sqlite, now, (done, total) => job.progress(done, total, 'rollups'));
    let next = steps.next();
    while (!next.done) {
      await job.step();
      next = steps.next();
    }
    // The churn model's kept history is dropped after a bulk write (the next training reads the rows and keeps them), else kept (churn/kept.ts).
    keptHistoryAfterRefresh(sqlite);
    // Health's own steps yield before each progress report, so a cancel is seen at the next one.
    const health = await recomputeAllHealthInSteps(sqlite, now, (done, total) => {
      job.check();
      job.progress(done, total, 'health');
    });
    job.check();
    clearDerivedStale(sqlite);
    sqlite.exec('COMMIT');
    return { arrBackfilled, accountMonths: next.value.accountMonths, healthSnapshots: health.accounts, seconds: (performance.now() - began) / 1000 };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

/** The metrics.rebuild channel's job: refreshDerivedInSteps on the core's connection. */
export function rebuildDerivedJob(ctx: Context): Promise<DerivedSummary> {
  return runJob(ctx, 'metrics.rebuild', 'the previous rollups and health scores are kept', async (job) => {
    // exclusive holds the connection until the steps' promise settles (the transaction spans their turns).
    const summary = await exclusive(ctx, (sqlite) => refreshDerivedInSteps(sqlite, ctx.now(), job));
    return summary;
  });
}

/**
 * On opening a workspace: rebuild when its rollups are missing, of an older layout or of another
 * clock, or when a bulk write's refresh never finished (the stale mark); otherwise recompute the
 * health snapshots if any is from an earlier day (time alone moves them: freshness.ts).
 */
export function ensureDerived(sqlite: Database.Database, now: Date): DerivedSummary | null {
  if (!rollupsAreCurrent(sqlite) || derivedStaleReason(sqlite) !== null) return refreshDerived(sqlite, now);
  const began = performance.now();
  const health = refreshStaleHealth(sqlite, now);
  return health && { arrBackfilled: 0, accountMonths: 0, healthSnapshots: health.accounts, seconds: (performance.now() - began) / 1000 };
}
