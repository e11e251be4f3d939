import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { monthStart, previousMonths, resolveMonths } from './period';
import { portfolio, type HealthFiguresOf } from './portfolio';

/**
 * The dashboard's first call made by the core itself right after a workspace opens (issue 14):
 * users open the app on the dashboard, and its first `metrics.portfolio` builds the inputs it keeps
 * (the accounts and their index, the ARR history, the current health snapshots, each period's
 * per-account parts: inputs.ts, periodFacts.ts, health/liveSnapshots.ts), which
 * cost 35x a warm call at 100,000 accounts. Built while the window is still loading, the window's
 * first call finds them. The two queries are the dashboard's own first two: the default period (the
 * last twelve months) and the one before it (DashboardScreen's `previous`).
 *
 * Each query is one turn on the connection (exclusive), so a call the window sends meanwhile waits
 * for at most the one under way, never the whole warm-up; a write meanwhile is applied to the kept
 * inputs, or has them read again, as it would have without the warm-up (inputs.ts). The figures
 * are computed and dropped: only the inputs stay.
 */
export async function warmDashboard(ctx: Context, healthFigures: HealthFiguresOf, isOpen: () => boolean): Promise<void> {
  const started = performance.now();
  const now = ctx.now();
  const range = resolveMonths({}, now);
  const previous = previousMonths(range);
  const latest = {};
  // The first query again at the end: what the two built survives young-generation collections,
  // and the scavenge that moves it (about 100 ms at 100,000 accounts) fell on the window's first
  // call; a third, warm call pays it here and leaves mostly garbage behind.
  const queries = [latest, { from: monthStart(previous.from), to: monthStart(previous.to), granularity: 'month' as const }, latest];
  for (const query of queries) {
    // Calls already sent (the window's first ones) go first.
    await nextTurn();
    if (!isOpen()) return;
    await exclusive(ctx, (sqlite) => portfolio(sqlite, query, now, healthFigures));
  }
  ctx.log('info', `built the dashboard's inputs after the open in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
