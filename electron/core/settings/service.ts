import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../../shared/contract/settings';
import type { Context } from '../context';
import { modelVersion } from '../health/model';
import { recomputeAllHealthInSteps } from '../health/service';
import { clearDerivedStale, markDerivedStale } from '../derived/refresh';
import { inTransaction } from '../db/sql';
import { rebuildWithSettings } from '../metrics/rollups/state';
import { exclusive } from '../db/exclusive';
import { readSettings, writeSetting } from '../db/settings';

export const getSettings = (ctx: Context) =>
  exclusive(ctx, (sqlite) => readSettings(sqlite, (group) => ctx.log('warn', `stored setting '${group}' is invalid; using the default`)));

/**
 * Stores the groups given (each replaced whole) and brings derived data in line: a new business-hours
 * clock changes what the response-time sketches hold, so the rollups are rebuilt (seconds on a large
 * workspace); a new health model (weights, bands, floor, the SLA it scores against, the clock)
 * recomputes every account's health snapshot. Progress arrives as `metrics.progress` and
 * `health.progress` events.
 */
export async function updateSettings(ctx: Context, patch: Partial<Settings>): Promise<Settings> {
  const { next, rebuild, recompute } = await exclusive(ctx, (sqlite) => {
    const before = readSettings(sqlite);
    const next: Settings = { ...before, ...patch };
    const rebuild = !isDeepStrictEqual(before.businessHours, next.businessHours);
    const recompute = modelVersion(before) !== modelVersion(next);
    inTransaction(sqlite, () => {
      for (const [key, value] of Object.entries(patch) as [string, unknown][]) if (value !== undefined) writeSetting(sqlite, key, value, ctx.now());
      // The re-derivation below runs in later transactions: a crash before it ends is repaired at the next open.
      if (rebuild || recompute) markDerivedStale(sqlite, 'settings changed', ctx.now());
    });
    return { next, rebuild, recompute };
  });
  ctx.emit({ name: 'settings.changed' });
  if (rebuild) {
    await exclusive(ctx, (sqlite) => rebuildWithSettings(sqlite, ctx.now(), (done, total) => ctx.emit({ name: 'metrics.progress', progress: { done, total } })));
  }
  if (recompute || rebuild) {
    await exclusive(ctx, (sqlite) => recomputeAllHealthInSteps(sqlite, ctx.now(), (done, total) => ctx.emit({ name: 'health.progress', progress: { done, total } })));
    await exclusive(ctx, clearDerivedStale);
    ctx.emit({ name: 'health.changed' });
  }
  return next;
}
