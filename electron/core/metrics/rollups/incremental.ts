import type Database from 'better-sqlite3';
import { finishBatch, newBatch, type Clock } from './build';
import { applyToCells, syncAccountKeys } from './cells';
import type { RollupRow } from './codec';
import { accountRows, deleteAccountRow, feedRawRows, putAccountRow } from './repo';
import { sameRow, storedRow, type RowChange } from './segments';

/**
 * Brings one account's rollups in line with its raw rows and its keys, inside the caller's
 * transaction (the write that changed them). First its stored rows move to the cells of its
 * current keys (segment, region, owner… : a no-op unless one changed), then it rebuilds the
 * account's months with the same code as the full rebuild (a few hundred rows at most, about a
 * millisecond), writes the months that differ, and moves every cell it counts in by the difference.
 */
export function refreshAccountRollups(sqlite: Database.Database, accountId: number, clock: Clock): void {
  const keys = syncAccountKeys(sqlite, accountId);
  const batch = newBatch(clock);
  feedRawRows(sqlite, accountId, accountId, batch);
  const built = finishBatch(batch).get(accountId) ?? new Map<number, RollupRow>();
  const stored = new Map(accountRows(sqlite, accountId).map((row) => [row.month, row]));
  const ids = new Map<string, number>();

  const changes: RowChange[] = [];
  for (const month of new Set([...stored.keys(), ...built.keys()])) {
    const before = stored.get(month);
    const row = built.get(month);
    const after = row && storedRow(sqlite, month, row, ids);
    if (before && after && sameRow(before, after)) continue;
    if (after) putAccountRow(sqlite, accountId, after);
    else deleteAccountRow(sqlite, accountId, month);
    changes.push({ month, before, after });
  }
  applyToCells(sqlite, keys, changes);
}

/**
 * Moves an account's rows to the cells of its keys as they are now (segment, dimension values;
 * none when archived). Call after any write to the account itself, a new one included (its facet
 * values count from then on). `from` and `to` are not needed any more (the keys its rows are
 * summed under are stored, rollup_account_keys) and kept for callers that pass them.
 */
export function moveAccountRollups(sqlite: Database.Database, accountId: number, _from?: string | null, _to?: string | null): void {
  syncAccountKeys(sqlite, accountId);
}
