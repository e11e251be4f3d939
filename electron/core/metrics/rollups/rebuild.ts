import type Database from 'better-sqlite3';
import { finishBatch, newBatch, recycleChunks, type Clock } from './build';
import { addDecoded, createDecoded, createScratch, decodeRow, encodeRow } from './codec';
import { addToCells, finishCellsInSteps, startCells } from './cellsBuild';
import { clearRollups, feedRawRows, putSegmentRow } from './repo';
import { emptySum, storedSum, topicsById, type RowSum } from './segments';
import { inTransaction, stmt } from '../../db/sql';

export interface RebuildSummary {
  accounts: number;
  accountMonths: number;
  segmentMonths: number;
  seconds: number;
}

export interface RebuildOptions {
  clock: Clock;
  /** Accounts per batch, fixed; by default each batch is sized to about BATCH_ROWS raw rows. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
  /** Cell-months the account pass sums at most (cellsBuild.ts); a test makes it small to take the other path. */
  cellMonths?: number;
}

/**
 * Raw rows (tickets, answers, touchpoints) a batch of accounts aims at. A batch's rows are held until
 * written, and V8 moves what outlives two young-generation collections to the old generation, which
 * it lets grow for a long while before collecting it: batches of 250 demo accounts (25,000 tickets)
 * outlived them, and the rollups alone peaked at 464-491 MB with 27 MB live after a full GC; batches
 * of about 3,000 rows (25 demo accounts) die young: 331-333 MB, at the same speed. Accounts differ a
 * lot in rows, so the next batch's account count follows the last one's rows.
 */
const BATCH_ROWS = 3_000;

/**
 * Rebuilds every rollup from the raw rows, in one transaction: after bulk writes (the demo
 * generator, an import), after a change of the business-hours clock, or when the layout changed.
 * Accounts are streamed in id ranges through the (account_id, time) indexes, so memory stays flat;
 * each account row is added, as it is written, to its segment's sum and its dimension cells' sums
 * (segments × months, cells × months: cellsBuild.ts), which are written at the end.
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
  let size = options.batch ?? 25;
  {
    clearRollups(sqlite);
    const accounts = sqlite
      .prepare<unknown[], [number, string, number]>("SELECT id, coalesce(segment, '') AS segment, archived_at IS NULL AS active FROM accounts ORDER BY id")
      .raw(true)
      .all();
    const segmentOf = new Map(accounts.filter(([, , active]) => active === 1).map(([id, segment]) => [id, segment]));
    // The accounts' keys, the facet and cohort counts, and the cells their rows are summed under, first (cellsBuild.ts).
    const cells = startCells(sqlite, options.cellMonths);
    const sums = new Map<string, Map<number, RowSum>>();
    const ids = new Map<string, number>();
    const scratch = createScratch();
    const decoded = createDecoded();
    const insert = stmt(sqlite, 'INSERT INTO rollup_account_month (account_id, month, data) VALUES (?, ?, ?)');
    let accountMonths = 0;

    const pool: Float64Array[] = [];
    for (let i = 0; i < accounts.length;) {
      const end = Math.min(i + size, accounts.length);
      const batch = newBatch(options.clock, pool);
      const rows = feedRawRows(sqlite, accounts[i]![0], accounts[end - 1]![0], batch);
      if (options.batch === undefined) size = Math.max(1, Math.min(1_000, Math.round((size * BATCH_ROWS) / Math.max(rows, 1))));
      const built = finishBatch(batch);
      // Inserted in primary-key order, rows append to the table's b-tree instead of splitting pages.
      for (const accountId of [...built.keys()].sort((a, b) => a - b)) {
        const months = built.get(accountId)!;
        const segment = segmentOf.get(accountId);
        let segmentSums = segment === undefined ? undefined : sums.get(segment);
        if (segment !== undefined && !segmentSums) sums.set(segment, (segmentSums = new Map<number, RowSum>()));
        for (const month of [...months.keys()].sort((a, b) => a - b)) {
          const row = months.get(month)!;
          const data = encodeRow(row.counts, { keys: row.times }, topicsById(sqlite, row, ids), scratch);
          insert.run(accountId, month, data);
          accountMonths++;
          // Decoded once (its non-zero records) and added to its cells and its segment's sum: what they would read back from the stored row.
          decodeRow(data, decoded);
          addToCells(cells, accountId, month, decoded);
          if (!segmentSums) continue;
          let sum = segmentSums.get(month);
          if (!sum) segmentSums.set(month, (sum = emptySum()));
          addDecoded(decoded, sum);
        }
      }
      recycleChunks(batch);
      options.onProgress?.(end, accounts.length);
      i = end;
      yield;
    }

    let segmentMonths = 0;
    for (const [segment, months] of sums) {
      for (const [month, sum] of months) {
        const stored = storedSum(month, sum, scratch);
        if (stored) putSegmentRow(sqlite, segment, stored);
        segmentMonths++;
      }
    }
    // The dimension level: the cells summed in the pass, and any it had to give up (cellsBuild.ts).
    yield* finishCellsInSteps(sqlite, cells);
    return { accounts: accounts.length, accountMonths, segmentMonths, seconds: (performance.now() - began) / 1000 };
  }
}
