import type Database from 'better-sqlite3';
import { pausePoint } from '../db/pausePoint';
import { inTransaction, stmt } from '../db/sql';
import { refreshAccountHealth } from '../health/service';
import { evaluateAccount } from '../ctas/engine';
import { backfillArrHistory } from '../metrics/arrHistory';
import { refreshAccountRollups } from '../metrics/rollups/incremental';
import { keepAccountHistory, keptLayoutIsCurrent } from '../churn/kept';
import { currentClock, rollupsAreCurrent } from '../metrics/rollups/state';
import { clearDerivedStale, derivedStaleReason, refreshDerived } from './refresh';

// After a bulk write (an import) that touched the activity of only some accounts: their rollups
// and health brought up to date with the same per-account code the channels' writes use, instead
// of rebuilding every account. Same contract as refreshDerived: one transaction that also clears
// the stale mark (the same pause points, so a kill anywhere leaves the mark and the next open
// rebuilds). Added for the import (issue 14); the full rebuild stays the fallback.

/** Above this share of the workspace's accounts one streaming rebuild is cheaper than a refresh per account. */
const INCREMENTAL_SHARE = 0.25;

export interface AccountsRefresh {
  /** False when it fell back to the full rebuild. */
  incremental: boolean;
  accounts: number;
  seconds: number;
}

/**
 * `reason`: the stale mark the bulk write committed. When another refresh is owed (a different
 * mark), the rollups are not current, or most accounts were touched, it rebuilds everything.
 */
export function refreshDerivedForAccounts(sqlite: Database.Database, accountIds: ReadonlySet<number>, now: Date, reason: string): AccountsRefresh {
  const began = performance.now();
  const total = stmt<number>(sqlite, 'SELECT count(*) FROM accounts').pluck().get()!;
  if (derivedStaleReason(sqlite) !== reason || !rollupsAreCurrent(sqlite) || accountIds.size > total * INCREMENTAL_SHARE) {
    refreshDerived(sqlite, now);
    return { incremental: false, accounts: total, seconds: (performance.now() - began) / 1000 };
  }
  const ids = [...accountIds].sort((a, b) => a - b);
  inTransaction(sqlite, () => {
    backfillArrHistory(sqlite, now);
    pausePoint('refresh-after-arr');
    const clock = currentClock(sqlite);
    for (const id of ids) refreshAccountRollups(sqlite, id, clock);
    // The churn model's kept history, when kept: the touched accounts' rows (else the next training keeps it, churn/kept.ts).
    if (keptLayoutIsCurrent(sqlite)) for (const id of ids) keepAccountHistory(sqlite, id);
    pausePoint('refresh-after-rollups');
    for (const id of ids) refreshAccountHealth(sqlite, id, now);
    // The rules over the accounts the bulk write touched (an imported detractor answer opens its call to action).
    for (const id of ids) evaluateAccount(sqlite, id, now);
    clearDerivedStale(sqlite);
    pausePoint('refresh-before-commit');
  });
  return { incremental: true, accounts: ids.length, seconds: (performance.now() - began) / 1000 };
}
