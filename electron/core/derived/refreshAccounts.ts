import type Database from 'better-sqlite3';
import { pausePoint } from '../db/pausePoint';
import { inTransaction, stmt } from '../db/sql';
import { recomputeAllHealth, refreshHealthOf } from '../health/service';
import { lookback } from '../health/inputs';
import { evaluateAccount, evaluateAll } from '../ctas/engine';
import { allRuleInputs } from '../ctas/inputs';
import { backfillArrHistory } from '../metrics/arrHistory';
import { syncAccountKeys } from '../metrics/rollups/cells';
import { addInsertedRows, ADDITIVE_TABLES, refreshAccountRollups } from '../metrics/rollups/incremental';
import { forgetKeptHistory, keepAccountHistory, keptLayoutIsCurrent } from '../churn/kept';
import { currentClock, rollupsAreCurrent } from '../metrics/rollups/state';
import { resolveScope } from '../journeys/scope';
import { monthLabel } from '../metrics/period';
import { customersWithStaleHealth } from './freshness';
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
//
// Health and the rules then run only for the accounts whose inputs the write moved (session 10):
// an import of a help desk's history touches every account, but an old solved ticket moves no
// account's health. Any customer's snapshot from an earlier day makes it refresh everyone, as opening does.

/** Above this share of the workspace's accounts to refresh from all their rows, one streaming rebuild is cheaper. */
const INCREMENTAL_SHARE = 0.25;
/**
 * From this share of the accounts touched, the rules run as the full pass does (ctas/inputs.ts's
 * grouped reads) over the accounts whose inputs moved, and the churn model's kept history is dropped
 * (as the full refresh drops it) rather than rewritten account by account.
 */
const BULK_SHARE = 0.1;
/**
 * From this share of the accounts whose health moved, health reads every customer's inputs with
 * grouped queries (health/inputs.ts) and saves theirs; below it, each account's by its indexes. At
 * 18,119 customers (2026-12-07, load 5-7) 3,624 accounts took 1.4-1.9 s one by one against 2.0-4.6 s
 * grouped, 9,060 took 2.8-4.7 s against 1.9-3.4 s.
 */
const HEALTH_GROUPED_SHARE = 0.3;

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
  /** Accounts whose health snapshot it wrote (those whose inputs the write moved; every customer's after a day's turn), when incremental. */
  health?: number;
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
    const { rowsAdded, health } = inTransaction(sqlite, () => refreshInPlace(sqlite, { ids, bulk, total, fromAllRows, added: additive ? written : undefined }, now));
    return { incremental: true, accounts: ids.length, health, seconds: (performance.now() - began) / 1000, ...(rowsAdded !== undefined ? { rowsAdded } : {}) };
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

interface Refresh {
  /** The touched accounts, in id order. */
  ids: number[];
  bulk: boolean;
  /** Accounts in the workspace. */
  total: number;
  /** Accounts refreshed from all their rows. */
  fromAllRows: ReadonlySet<number>;
  /** The write whose inserted rows are added on their own, if any. */
  added?: WrittenRows;
}

/** The incremental refresh inside the caller's transaction: the rows added on their own (if any) and the accounts whose health it refreshed. */
function refreshInPlace(sqlite: Database.Database, { ids, bulk, total, fromAllRows, added }: Refresh, now: Date): { rowsAdded?: number; health: number } {
  backfillArrHistory(sqlite, now);
  pausePoint('refresh-after-arr');
  const clock = currentClock(sqlite);
  // Keys first (an account the import created has none yet): the added rows are summed under them.
  for (const id of ids) syncAccountKeys(sqlite, id);
  // The months health reads of the rollups: only accounts with added rows there moved in them.
  const rows = added && addInsertedRows(sqlite, added.table, added.insertedAfterId, fromAllRows, clock, lookback(now));
  for (const id of [...fromAllRows].sort((a, b) => a - b)) refreshAccountRollups(sqlite, id, clock);
  // The churn model's kept history: the touched accounts' rows, or dropped as the full refresh drops it (churn/kept.ts).
  if (keptLayoutIsCurrent(sqlite)) {
    if (bulk) forgetKeptHistory(sqlite);
    else for (const id of ids) keepAccountHistory(sqlite, id);
  }
  pausePoint('refresh-after-rollups');
  const moved = added && rows ? movedByInsertedRows(sqlite, added, rows.inWindow, fromAllRows, now) : undefined;
  const health = refreshHealthAndRules(sqlite, { ids, bulk, total, moved }, now);
  clearDerivedStale(sqlite);
  pausePoint('refresh-before-commit');
  return { ...(rows ? { rowsAdded: rows.rows } : {}), health };
}

/**
 * The accounts whose health inputs (health/inputs.ts) an additive write can have moved: those
 * refreshed from all their rows, those with an inserted row in the look-back months of the rollups
 * (`inWindow`), an inserted ticket still open (the backlog), or an inserted touchpoint later than
 * their last one (engagement; the rules' quiet renewals read the same). An old, solved ticket of a
 * help desk's history moves none of them: 80,000 of the benchmark's 100,000 rows.
 */
function movedByInsertedRows(sqlite: Database.Database, written: WrittenRows, inWindow: ReadonlySet<number>, fromAllRows: ReadonlySet<number>, now: Date): Moved {
  const moved = new Set([...fromAllRows, ...inWindow]);
  const after = written.insertedAfterId;
  // NOT INDEXED: the inserted rows by their ids, not a scan of an index over the whole table (SQLite picks one for DISTINCT).
  const more =
    written.table === 'tickets'
      ? stmt<number>(sqlite, 'SELECT DISTINCT account_id FROM tickets NOT INDEXED WHERE id > ? AND resolved_at IS NULL AND archived_at IS NULL').pluck().all(after)
      : stmt<number>(
          sqlite,
          `SELECT DISTINCT n.account_id FROM touchpoints n NOT INDEXED WHERE n.id > ? AND n.archived_at IS NULL AND n.occurred_at >
            coalesce((SELECT max(o.occurred_at) FROM touchpoints o WHERE o.account_id = n.account_id AND o.id <= ? AND o.archived_at IS NULL), '')`,
        )
          .pluck()
          .all(after, after);
  for (const id of more) moved.add(id);
  // A ticket counts in a journey card by the month it was opened, in the measured period only
  // (journeys/measure.ts): one opened before it moves no moment of truth. Touchpoints also time the
  // stages from any month: every account with one may have moved.
  const journeys =
    written.table === 'tickets'
      ? new Set(
          stmt<number>(sqlite, 'SELECT DISTINCT account_id FROM tickets NOT INDEXED WHERE id > ? AND substr(opened_at, 1, 7) >= ?')
            .pluck()
            .all(after, monthLabel(resolveScope({}, now).measure.fromMonth)),
        )
      : undefined;
  return { health: moved, journeys };
}

interface Moved {
  /** Accounts whose health inputs moved. */
  health: ReadonlySet<number>;
  /** Accounts whose journeys' moments of truth may have moved; undefined: every touched account's. */
  journeys?: ReadonlySet<number>;
}

interface HealthAndRules {
  /** The touched accounts, in id order. */
  ids: number[];
  bulk: boolean;
  total: number;
  /** What an additive write moved; without it, every touched account. */
  moved?: Moved;
}

/**
 * Health and the rules for the accounts whose inputs the write moved; returns how many snapshots it
 * wrote. Every other customer's snapshot, taken earlier today under this model, is what a full
 * refresh now would write (health/inputs.ts reads only rows and settings; the day, not the time, is
 * what freshness.ts holds a snapshot good for). If one is from an earlier day (or missing, or of
 * another model), everyone is refreshed as on opening (freshness.ts): the day moved every account.
 */
function refreshHealthAndRules(sqlite: Database.Database, { ids, bulk, total, moved }: HealthAndRules, now: Date): number {
  const touched = new Set(ids);
  const stale = customersWithStaleHealth(sqlite, now);
  if (stale.some((id) => !touched.has(id))) {
    const everyone = recomputeAllHealth(sqlite, now).accounts;
    evaluateAll(sqlite, now);
    return everyone;
  }
  const healthOf = moved ? [...new Set([...moved.health, ...stale])].sort((a, b) => a - b) : ids;
  refreshHealthOf(sqlite, healthOf, now, healthOf.length >= total * HEALTH_GROUPED_SHARE);
  // The rules over the accounts the bulk write touched (an imported detractor answer opens its call to action).
  if (!bulk) {
    for (const id of ids) evaluateAccount(sqlite, id, now);
    return healthOf.length;
  }
  // The full pass's rules (ctas/inputs.ts) over the accounts whose inputs moved: their health, and
  // the red ones' moments of truth (the only accounts whose journeys the pass measures).
  const rulesOf = moved ? new Set([...healthOf, ...redAmong(sqlite, moved.journeys ?? touched)]) : touched;
  evaluateAll(sqlite, now, allRuleInputs(sqlite, now, rulesOf));
  return healthOf.length;
}

const redAmong = (sqlite: Database.Database, accounts: ReadonlySet<number>) =>
  stmt<number>(sqlite, `SELECT account_id FROM health_snapshots WHERE current = 1 AND band = 'red'`)
    .pluck()
    .all()
    .filter((id) => accounts.has(id));
