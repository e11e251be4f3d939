import type Database from 'better-sqlite3';
import { pausePoint } from '../db/pausePoint';
import { inTransaction, stmt } from '../db/sql';
import { refreshHealthOf } from '../health/service';
import { evaluateAccount, evaluateAll } from '../ctas/engine';
import { backfillArrHistory } from '../metrics/arrHistory';
import { syncAccountKeys } from '../metrics/rollups/cells';
import { addInsertedRows, ADDITIVE_TABLES, refreshAccountRollups } from '../metrics/rollups/incremental';
import { forgetKeptHistory, keepAccountHistory, keptLayoutIsCurrent } from '../churn/kept';
import { currentClock, rollupsAreCurrent } from '../metrics/rollups/state';
import { clearDerivedStale, derivedStaleReason, refreshDerived } from './refresh';

// After a bulk write (an import) that touched the activity of only some accounts: their rollups
// and health brought up to date with the same per-account code the channels' writes use, instead
// of rebuilding every account. Same contract as refreshDerived: one transaction that also clears
// the stale mark (the same pause points, so a kill anywhere leaves the mark and the next open
// rebuilds). Added for the import (issue 14); the full rebuild stays the fallback.
//
// Rows the write INSERTED into an additive table (tickets, touchpoints) are added to the rollups
// on their own (incremental.ts's addInsertedRows), whatever the number of accounts: an import of
// 100,000 tickets over every account of a 20,000-account workspace took the full rebuild (two
// million tickets read again, 120 s of a 151 s import, session 7). Only the accounts of UPDATED
// rows, and every account of a survey import, are refreshed from all their rows.

/** Above this share of the workspace's accounts to refresh from all their rows, one streaming rebuild is cheaper. */
const INCREMENTAL_SHARE = 0.25;
/**
 * From this share of the accounts touched, health and the rules read every customer's inputs with
 * grouped queries (as the full refresh does: health/inputs.ts, ctas/inputs.ts), the rules run as one
 * pass over every customer, and the churn model's kept history is dropped (as the full refresh
 * drops it) rather than rewritten account by account.
 */
const BULK_SHARE = 0.1;

/** -KiB: as the import's own (import/service.ts), 256 MB, allocated only as pages are read. */
const REFRESH_CACHE_KIB = -262_144;

/** Tables whose rows feed health and the rules but not the rollups. */
const NOT_IN_ROLLUPS: ReadonlySet<string> = new Set(['deployments']);

export interface AccountsRefresh {
  /** False when it fell back to the full rebuild. */
  incremental: boolean;
  accounts: number;
  seconds: number;
  /** Rows added to the rollups on their own (the write's inserted rows), when it did. */
  rowsAdded?: number;
}

/** What the bulk write wrote (import/writer.ts's ActivityWritten): its inserted rows are added on their own. */
export interface WrittenRows {
  table: string;
  insertedAfterId: number;
  updatedAccounts: ReadonlySet<number>;
}

/**
 * `reason`: the stale mark the bulk write committed. When another refresh is owed (a different
 * mark), the rollups are not current, or most accounts must be refreshed from all their rows, it
 * rebuilds everything. Without `written` every touched account is refreshed from all its rows.
 */
export function refreshDerivedForAccounts(sqlite: Database.Database, accountIds: ReadonlySet<number>, now: Date, reason: string, written?: WrittenRows): AccountsRefresh {
  const began = performance.now();
  const total = stmt<number>(sqlite, 'SELECT count(*) FROM accounts').pluck().get()!;
  const additive = written !== undefined && ADDITIVE_TABLES.has(written.table);
  const fromAllRows: ReadonlySet<number> = additive ? written.updatedAccounts : written && NOT_IN_ROLLUPS.has(written.table) ? new Set() : accountIds;
  if (derivedStaleReason(sqlite) !== reason || !rollupsAreCurrent(sqlite) || fromAllRows.size > total * INCREMENTAL_SHARE) {
    refreshDerived(sqlite, now);
    return { incremental: false, accounts: total, seconds: (performance.now() - began) / 1000 };
  }
  const ids = [...accountIds].sort((a, b) => a - b);
  const bulk = ids.length >= total * BULK_SHARE;
  // The refresh reads and rewrites rows all over a large file (account-months, keys, snapshots): a
  // page cache as large as the import's, or each lookup of 100,000 accounts goes to the disk.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  if (bulk) sqlite.pragma(`cache_size = ${REFRESH_CACHE_KIB}`);
  try {
    const rowsAdded = inTransaction(sqlite, () => refreshInPlace(sqlite, { ids, bulk, fromAllRows, added: additive ? written : undefined }, now));
    return { incremental: true, accounts: ids.length, seconds: (performance.now() - began) / 1000, ...(rowsAdded !== undefined ? { rowsAdded } : {}) };
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

interface Refresh {
  /** The touched accounts, in id order. */
  ids: number[];
  bulk: boolean;
  /** Accounts refreshed from all their rows. */
  fromAllRows: ReadonlySet<number>;
  /** The write whose inserted rows are added on their own, if any. */
  added?: WrittenRows;
}

/** The incremental refresh inside the caller's transaction; returns the rows added on their own, if any. */
function refreshInPlace(sqlite: Database.Database, { ids, bulk, fromAllRows, added }: Refresh, now: Date): number | undefined {
  backfillArrHistory(sqlite, now);
  pausePoint('refresh-after-arr');
  const clock = currentClock(sqlite);
  // Keys first (an account the import created has none yet): the added rows are summed under them.
  for (const id of ids) syncAccountKeys(sqlite, id);
  const rowsAdded = added && addInsertedRows(sqlite, added.table, added.insertedAfterId, fromAllRows, clock).rows;
  for (const id of [...fromAllRows].sort((a, b) => a - b)) refreshAccountRollups(sqlite, id, clock);
  // The churn model's kept history: the touched accounts' rows, or dropped as the full refresh drops it (churn/kept.ts).
  if (keptLayoutIsCurrent(sqlite)) {
    if (bulk) forgetKeptHistory(sqlite);
    else for (const id of ids) keepAccountHistory(sqlite, id);
  }
  pausePoint('refresh-after-rollups');
  refreshHealthOf(sqlite, ids, now, bulk);
  // The rules over the accounts the bulk write touched (an imported detractor answer opens its call to action).
  if (bulk) evaluateAll(sqlite, now);
  else for (const id of ids) evaluateAccount(sqlite, id, now);
  clearDerivedStale(sqlite);
  pausePoint('refresh-before-commit');
  return rowsAdded;
}
