import type Database from 'better-sqlite3';
import { finishBatch, newBatch, type Clock } from './build';
import { createScratch } from './codec';
import { rebuildCellsInSteps } from './cellsBuild';
import { clearRollups, feedRawRows, putSegmentRow } from './repo';
import { addRow, emptySum, storedRow, storedSum, type RowSum } from './segments';
import { inTransaction, stmt } from '../../db/sql';

export interface RebuildSummary {
  accounts: number;
  accountMonths: number;
  segmentMonths: number;
  seconds: number;
}

export interface RebuildOptions {
  clock: Clock;
  /** Accounts per batch: bounds memory (their rows are held until written). */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Rebuilds every rollup from the raw rows, in one transaction: after bulk writes (the demo
 * generator, an import), after a change of the business-hours clock, or when the layout changed.
 * Accounts are streamed in id ranges through the (account_id, time) indexes, so memory stays flat;
 * the segment level is summed in memory (segments × months) and written at the end.
 */
export function rebuildRollups(sqlite: Database.Database, options: RebuildOptions): RebuildSummary {
  return inTransaction(sqlite, () => {
    const steps = rebuildRollupsInSteps(sqlite, options);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  });
}

/**
 * The rebuild as steps: it yields after each batch of accounts, so a caller that owns the
 * transaction can hand the event loop back between them (progress goes out, a cancel lands) and
 * roll back if it stops (derived/refresh.ts's job). Must run inside a transaction it does not end.
 */
export function* rebuildRollupsInSteps(sqlite: Database.Database, options: RebuildOptions): Generator<void, RebuildSummary> {
  const began = performance.now();
  const size = options.batch ?? 250;
  {
    clearRollups(sqlite);
    const accounts = sqlite
      .prepare<unknown[], [number, string, number]>("SELECT id, coalesce(segment, '') AS segment, archived_at IS NULL AS active FROM accounts ORDER BY id")
      .raw(true)
      .all();
    const segmentOf = new Map(accounts.filter(([, , active]) => active === 1).map(([id, segment]) => [id, segment]));
    const sums = new Map<string, Map<number, RowSum>>();
    const ids = new Map<string, number>();
    const scratch = createScratch();
    const insert = stmt(sqlite, 'INSERT INTO rollup_account_month (account_id, month, data) VALUES (?, ?, ?)');
    let accountMonths = 0;

    for (let i = 0; i < accounts.length; i += size) {
      const batch = newBatch(options.clock);
      feedRawRows(sqlite, accounts[i]![0], accounts[Math.min(i + size, accounts.length) - 1]![0], batch);
      const built = finishBatch(batch);
      // Inserted in primary-key order, rows append to the table's b-tree instead of splitting pages.
      for (const accountId of [...built.keys()].sort((a, b) => a - b)) {
        const months = built.get(accountId)!;
        const segment = segmentOf.get(accountId);
        let segmentSums = segment === undefined ? undefined : sums.get(segment);
        if (segment !== undefined && !segmentSums) sums.set(segment, (segmentSums = new Map<number, RowSum>()));
        for (const month of [...months.keys()].sort((a, b) => a - b)) {
          const stored = storedRow(sqlite, month, months.get(month)!, ids, scratch);
          insert.run(accountId, stored.month, stored.data);
          accountMonths++;
          if (!segmentSums) continue;
          let sum = segmentSums.get(month);
          if (!sum) segmentSums.set(month, (sum = emptySum()));
          addRow(sum, stored);
        }
      }
      options.onProgress?.(Math.min(i + size, accounts.length), accounts.length);
      yield;
    }

    let segmentMonths = 0;
    for (const [segment, months] of sums) {
      for (const [month, sum] of months) {
        const stored = storedSum(month, sum);
        if (stored) putSegmentRow(sqlite, segment, stored);
        segmentMonths++;
      }
    }
    // The dimension level, the accounts' keys and the facet counts, from the rows just written (cellsBuild.ts).
    yield* rebuildCellsInSteps(sqlite);
    return { accounts: accounts.length, accountMonths, segmentMonths, seconds: (performance.now() - began) / 1000 };
  }
}
