import type Database from 'better-sqlite3';
import { accountRows, deleteDimensionRow, deleteSegmentRow, dimensionRow, putDimensionRow, putSegmentRow, segmentRow, type StoredRow } from './repo';
import { addRow, emptySum, storedSum, type RowChange } from './segments';
import { cellKey, cellsOf, currentKeys, sameKeys, storedKeys, writeKeys, type AccountKeys, type Cell } from './dimensions';
import { moveCohortCount, spansOf } from './cohorts';

/**
 * The summed levels (segment, and dimension value within a segment) as cells an account's rows go
 * into, and the move of an account's rows between cells when its keys change (a new segment,
 * region or owner, archived or restored). Each cell is kept as the sum of its accounts' rows: a
 * change is applied as a difference, minus the old row, plus the new one.
 */

function readCell(sqlite: Database.Database, cell: Cell, month: number): StoredRow | undefined {
  return cell.level === 'segment' ? segmentRow(sqlite, cell.segment, month) : dimensionRow(sqlite, cell.dimension, cell.value, cell.segment, month);
}

function writeCell(sqlite: Database.Database, cell: Cell, month: number, row: StoredRow | null): void {
  if (cell.level === 'segment') {
    if (row) putSegmentRow(sqlite, cell.segment, row);
    else deleteSegmentRow(sqlite, cell.segment, month);
  } else if (row) putDimensionRow(sqlite, cell.dimension, cell.value, cell.segment, row);
  else deleteDimensionRow(sqlite, cell.dimension, cell.value, cell.segment, month);
}

/** Applies account-month changes to one cell's rows. */
export function applyToCell(sqlite: Database.Database, cell: Cell, changes: readonly RowChange[]): void {
  for (const { month, before, after } of changes) {
    const sum = emptySum();
    const stored = readCell(sqlite, cell, month);
    if (stored) addRow(sum, stored);
    if (before) addRow(sum, before, -1);
    if (after) addRow(sum, after);
    writeCell(sqlite, cell, month, storedSum(month, sum));
  }
}

/** Applies account-month changes to every cell of the keys. */
export function applyToCells(sqlite: Database.Database, keys: AccountKeys | null, changes: readonly RowChange[]): void {
  if (changes.length === 0) return;
  for (const cell of cellsOf(keys)) applyToCell(sqlite, cell, changes);
}

/**
 * Brings what an account's rows are summed under in line with the account as it is now: its stored
 * rows leave the cells of its old keys and join those of its new ones (only the cells that differ:
 * a new owner moves the owner cells, not the segment's). Returns the keys now in force.
 */
export function syncAccountKeys(sqlite: Database.Database, accountId: number): AccountKeys | null {
  const before = storedKeys(sqlite, accountId);
  const after = currentKeys(sqlite, accountId);
  // Its count in the cohort cells follows its keys and its start and churn months (cohorts.ts).
  const spans = spansOf(sqlite, accountId);
  if (sameKeys(before, after)) {
    moveCohortCount(sqlite, accountId, { before, after }, spans);
    return after;
  }
  const [from, to] = [cellsOf(before), cellsOf(after)];
  const [fromKeys, toKeys] = [new Set(from.map(cellKey)), new Set(to.map(cellKey))];
  const rows = accountRows(sqlite, accountId);
  if (rows.length > 0) {
    const leaving = rows.map((row) => ({ month: row.month, before: row }));
    const joining = rows.map((row) => ({ month: row.month, after: row }));
    for (const cell of from) if (!toKeys.has(cellKey(cell))) applyToCell(sqlite, cell, leaving);
    for (const cell of to) if (!fromKeys.has(cellKey(cell))) applyToCell(sqlite, cell, joining);
  }
  writeKeys(sqlite, accountId, before, after);
  moveCohortCount(sqlite, accountId, { before, after }, spans);
  return after;
}
