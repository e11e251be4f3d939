import type Database from 'better-sqlite3';
import { finishBatch, newBatch, type Clock } from './build';
import type { RollupRow } from './codec';
import { accountRows, deleteAccountRow, feedRawRows, putAccountRow, segmentOfAccount } from './repo';
import { applyToSegment, sameRow, storedRow, type RowChange } from './segments';

/**
 * Brings one account's rollups in line with its raw rows, inside the caller's transaction (the
 * write that changed them). It rebuilds the account's months with the same code as the full
 * rebuild (a few hundred rows at most, about a millisecond), writes the months that differ, and
 * moves the segment level by the difference.
 */
export function refreshAccountRollups(sqlite: Database.Database, accountId: number, clock: Clock): void {
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
  const segment = segmentOfAccount(sqlite, accountId);
  if (segment !== null && changes.length > 0) applyToSegment(sqlite, segment, changes);
}

/**
 * Moves an account's rows between segments: from `from` (null: it did not count, e.g. archived)
 * to `to` (null: it stops counting). Called when a write changes the segment or archives it.
 */
export function moveAccountRollups(sqlite: Database.Database, accountId: number, from: string | null, to: string | null): void {
  if (from === to) return;
  const rows = accountRows(sqlite, accountId);
  if (from !== null)
    applyToSegment(
      sqlite,
      from,
      rows.map((row) => ({ month: row.month, before: row })),
    );
  if (to !== null)
    applyToSegment(
      sqlite,
      to,
      rows.map((row) => ({ month: row.month, after: row })),
    );
}
