import type Database from 'better-sqlite3';
import { emptyTimes, encodeRow, foldRow, type RollupRow, type Scratch } from './codec';
import { COUNTERS } from './layout';
import { topicIds, type StoredRow } from './repo';

/**
 * Stored forms of rows, and sums of them: the segment and dimension levels are sums of their
 * accounts' rows (archived accounts left out), kept by cells.ts.
 */

/**
 * A built row in its stored form; topic texts become ids (added to the dictionary as needed).
 * With a scratch, `data` is a view into it, valid until the scratch's next use.
 */
export function storedRow(sqlite: Database.Database, month: number, row: RollupRow, ids: Map<string, number>, scratch?: Scratch): StoredRow {
  return { month, data: encodeRow(row.counts, { keys: row.times }, topicsById(sqlite, row, ids), scratch) };
}

/** A built row's topic counts by id, in the row's order (texts not seen before are added to the dictionary). */
export function topicsById(sqlite: Database.Database, row: RollupRow, ids: Map<string, number>): Map<number, number> {
  topicIds(sqlite, row.topics.keys(), ids);
  const byId = new Map<number, number>();
  for (const [topic, n] of row.topics) byId.set(ids.get(topic)!, n);
  return byId;
}

export const sameRow = (a: StoredRow, b: StoredRow) => a.data.equals(b.data);

/** A sum of stored rows, being accumulated (segment level). */
export interface RowSum {
  counts: Float64Array;
  times: Float64Array;
  topics: Map<number, number>;
}

export const emptySum = (): RowSum => ({ counts: new Float64Array(COUNTERS), times: emptyTimes(), topics: new Map() });

export function addRow(sum: RowSum, row: StoredRow, sign = 1): void {
  foldRow(row.data, sum, sign);
}

/**
 * The sum's stored form, or null when nothing is left (a month with no data has no row, as after a
 * rebuild). With a scratch, `data` is a view into it, valid until the scratch's next use.
 */
export function storedSum(month: number, sum: RowSum, scratch?: Scratch): StoredRow | null {
  if (sum.counts.every((c) => c === 0)) return null;
  return { month, data: encodeRow(sum.counts, { dense: sum.times }, sum.topics, scratch) };
}

export interface RowChange {
  month: number;
  before?: StoredRow;
  after?: StoredRow;
}
