import type Database from 'better-sqlite3';
import { SKETCH_SLOTS } from '../sketch';
import { addDecoded, createDecoded, decodeRow, encodeRow } from './codec';
import { cohortColumns, SPAN_SQL, spanOf } from './cohorts';
import { cellsOf as cellsOfKeys, DIMENSIONS, FACETS, type AccountKeys } from './dimensions';
import { COUNTERS, SERIES_COUNT } from './layout';
import { stmt } from '../../db/sql';

/**
 * The full rebuild's part for the dimension level (migration 0007), run after the account and
 * segment levels are written (rebuild.ts): what every counting account is summed under
 * (rollup_account_keys), the facet counts, and each (dimension, value, segment, month) cell summed
 * from the stored account rows, which are a tenth of the raw rows and already bucketed.
 *
 * Memory is bounded: a cell-month's sum holds a dense sketch accumulator (34 KB as uint32), and a
 * workspace may have hundreds of owners, so cells are summed in groups of at most CELL_MONTHS
 * cell-months, one streaming pass over the account rows per group (the demo's 20,000 or 100,000
 * accounts need one pass).
 */

const CELL_MONTHS = 1536;
/** Accounts whose rows are folded between two yields (a caller may hand the event loop back there). */
const ACCOUNTS_PER_STEP = 5_000;

interface CellSum {
  counts: Float64Array;
  times: Uint32Array;
  topics: Map<number, number>;
}

interface Cell {
  dimension: string;
  value: string;
  segment: string;
}

type KeyRow = [
  id: number,
  segment: string,
  industry: string | null,
  region: string | null,
  owner: string | null,
  lifecycleStage: string | null,
  start: string,
  churnedAt: string | null,
];

/**
 * Writes every counting account's keys (with its start and churn month) and the facet counts, and
 * sums the cohort cells (cohorts.ts); returns each account's cells (indexes into `cells`, one per dimension, −1 for none).
 */
function writeKeysAndFacets(sqlite: Database.Database, cells: Cell[]): Map<number, Int32Array> {
  const insert = stmt(
    sqlite,
    'INSERT INTO rollup_account_keys (account_id, segment, industry, region, owner, lifecycle_stage, start_month, churn_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const facets = new Map<string, Map<string, number>>(FACETS.map((facet) => [facet, new Map<string, number>()]));
  const cellIndex = new Map<string, number>();
  const cellsOf = new Map<number, Int32Array>();
  const cohorts = new Map<string, number>();
  const keyRows = stmt<KeyRow>(
    sqlite,
    `SELECT id, coalesce(segment, '') AS segment, industry, region, owner, lifecycle_stage, ${SPAN_SQL} FROM accounts WHERE archived_at IS NULL ORDER BY id`,
  )
    .raw(true)
    .all();
  for (const row of keyRows) {
    const [id, segment, industry, region, owner, lifecycleStage, start, churnedAt] = row;
    const { startMonth, churnMonth } = spanOf(start, churnedAt);
    insert.run(id, segment, industry, region, owner, lifecycleStage, startMonth, churnMonth);
    const keys: AccountKeys = { segment, industry, region, owner, lifecycleStage };
    for (const cell of cellsOfKeys(keys)) {
      const key = [...cohortColumns(cell), startMonth, churnMonth].join('\u0000');
      cohorts.set(key, (cohorts.get(key) ?? 0) + 1);
    }
    for (const facet of FACETS) {
      const value = keys[facet];
      if (value !== null) facets.get(facet)!.set(value, (facets.get(facet)!.get(value) ?? 0) + 1);
    }
    const own = new Int32Array(DIMENSIONS.length).fill(-1);
    DIMENSIONS.forEach((dimension, d) => {
      const value = keys[dimension];
      if (value === null) return;
      const key = `${dimension}\u0000${value}\u0000${segment}`;
      let index = cellIndex.get(key);
      if (index === undefined) cellIndex.set(key, (index = cells.push({ dimension, value, segment }) - 1));
      own[d] = index;
    });
    cellsOf.set(id, own);
  }
  const count = stmt(sqlite, 'INSERT INTO rollup_facets (dimension, value, accounts) VALUES (?, ?, ?)');
  for (const [facet, values] of facets) for (const [value, n] of values) count.run(facet, value, n);
  const cohort = stmt(sqlite, 'INSERT INTO rollup_cohort_cell (dimension, value, segment, start_month, churn_month, accounts) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [key, n] of cohorts) {
    const [dimension, value, segment, startMonth, churnMonth] = key.split('\u0000');
    cohort.run(dimension, value, segment, Number(startMonth), Number(churnMonth), n);
  }
  return cellsOf;
}

/**
 * Sums the cells in [first, last] over the rows of the counting accounts (`ids`, ascending) and
 * writes them; yields between ranges of accounts (never with a statement open).
 */
function* sumGroup(
  sqlite: Database.Database,
  cells: Cell[],
  cellsOf: Map<number, Int32Array>,
  ids: number[],
  first: number,
  last: number,
  minMonth: number,
  span: number,
): Generator<void, number> {
  const sums = new Map<number, CellSum>();
  const rows = stmt<[number, number, Buffer]>(sqlite, 'SELECT account_id, month, data FROM rollup_account_month WHERE account_id BETWEEN ? AND ?').raw(true);
  const decoded = createDecoded();
  for (let i = 0; i < ids.length; i += ACCOUNTS_PER_STEP) {
    if (i > 0) yield;
    for (const [accountId, month, data] of rows.iterate(ids[i]!, ids[Math.min(i + ACCOUNTS_PER_STEP, ids.length) - 1]!)) {
      const own = cellsOf.get(accountId);
      if (!own || month < minMonth || month >= minMonth + span) continue;
      let read = false;
      for (const cell of own) {
        if (cell < first || cell > last) continue;
        const key = (cell - first) * span + (month - minMonth);
        let sum = sums.get(key);
        if (!sum) sums.set(key, (sum = { counts: new Float64Array(COUNTERS), times: new Uint32Array(SERIES_COUNT * SKETCH_SLOTS), topics: new Map() }));
        if (!read) {
          decodeRow(data, decoded);
          read = true;
        }
        addDecoded(decoded, sum);
      }
    }
  }
  const put = stmt(sqlite, 'INSERT INTO rollup_dimension_month (dimension, value, segment, month, data) VALUES (?, ?, ?, ?, ?)');
  // Written in key order (the cells were numbered in account order): sorted, the b-tree appends.
  const ordered = [...sums.keys()].sort((a, b) => {
    const [x, y] = [cells[first + Math.floor(a / span)]!, cells[first + Math.floor(b / span)]!];
    return x.dimension.localeCompare(y.dimension) || x.value.localeCompare(y.value) || x.segment.localeCompare(y.segment) || (a % span) - (b % span);
  });
  let written = 0;
  for (const key of ordered) {
    const sum = sums.get(key)!;
    // As storedSum (segments.ts): a month whose counters are all 0 has no row.
    if (sum.counts.every((c) => c === 0)) continue;
    const cell = cells[first + Math.floor(key / span)]!;
    put.run(cell.dimension, cell.value, cell.segment, minMonth + (key % span), encodeRow(sum.counts, { dense: sum.times }, sum.topics));
    written++;
  }
  return written;
}

/**
 * Rebuilds rollup_account_keys, rollup_facets and rollup_dimension_month from the accounts and the
 * stored account rows (call with those three tables empty, inside the rebuild's transaction).
 * Yields between steps; returns the dimension-month rows written.
 */
export function* rebuildCellsInSteps(sqlite: Database.Database): Generator<void, number> {
  const cells: Cell[] = [];
  const cellsOf = writeKeysAndFacets(sqlite, cells);
  // The segment level's months (a small table, written just before): a month outside them has only
  // rows whose counters are all 0, which add nothing to any cell.
  const [minMonth, maxMonth] = stmt<[number | null, number | null]>(sqlite, 'SELECT min(month), max(month) FROM rollup_segment_month').raw(true).get()!;
  if (minMonth === null || maxMonth === null || cells.length === 0) return 0;
  const span = maxMonth - minMonth + 1;
  const ids = [...cellsOf.keys()];
  const perGroup = Math.max(1, Math.floor(CELL_MONTHS / span));
  let written = 0;
  for (let first = 0; first < cells.length; first += perGroup) {
    yield;
    written += yield* sumGroup(sqlite, cells, cellsOf, ids, first, Math.min(first + perGroup, cells.length) - 1, minMonth, span);
  }
  return written;
}

/** rebuildCellsInSteps run to its end. */
export function rebuildCells(sqlite: Database.Database): number {
  const steps = rebuildCellsInSteps(sqlite);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
