import type Database from 'better-sqlite3';
import { backfillArrHistory } from '../accounts/arrHistory';
import { recomputeAllHealth } from '../health/service';
import { rebuildWithSettings, rollupsAreCurrent } from './rollups/state';

export interface DerivedSummary {
  arrBackfilled: number;
  accountMonths: number;
  healthSnapshots: number;
  seconds: number;
}

/**
 * Everything derived from the raw rows, rebuilt: ARR history for accounts that have none, every
 * rollup, and every customer's health snapshot. Call it after writing rows in bulk outside the
 * channels (the demo generator, an import); writes through the channels keep all of it current.
 */
export function refreshDerived(sqlite: Database.Database, now: Date, onProgress?: (done: number, total: number) => void): DerivedSummary {
  const began = performance.now();
  const arrBackfilled = backfillArrHistory(sqlite, now);
  const rollups = rebuildWithSettings(sqlite, now, onProgress);
  const health = recomputeAllHealth(sqlite, now);
  return { arrBackfilled, accountMonths: rollups.accountMonths, healthSnapshots: health.accounts, seconds: (performance.now() - began) / 1000 };
}

/** On opening a workspace: rebuild when its rollups are missing, of an older layout, or of another clock. */
export function ensureDerived(sqlite: Database.Database, now: Date): DerivedSummary | null {
  return rollupsAreCurrent(sqlite) ? null : refreshDerived(sqlite, now);
}
