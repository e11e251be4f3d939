import type Database from 'better-sqlite3';
import { SKETCH_SLOTS } from '../sketch';
import { addDecoded, createDecoded, createScratch, decodeRow, encodeRow, type DecodedRow } from './codec';
import { cohortColumns, SPAN_SQL, spanOf } from './cohorts';
import { cellsOf as cellsOfKeys, DIMENSIONS, FACETS, type AccountKeys } from './dimensions';
import { COUNTERS, SERIES_COUNT } from './layout';
import { stmt } from '../../db/sql';

/**
 * The full rebuild's part for the dimension level (migration 0007): what every counting account is
 * summed under (rollup_account_keys), the facet counts, the cohort cells, and each (dimension,
 * value, segment, month) cell.
 *
 * The cells are summed DURING the account pass (rebuild.ts): each account row just written is added
 * to its account's cells (`addToCells`) instead of the stored rows being read back and decoded after,
 * in groups of cells with a dense 34 KB sketch each (two passes over 224,000 rows at 20,000 accounts,
 * and 50-100 MB of sketches). The adds themselves, random slots in 2,160 cell-month sketches, miss
 * the caches and cost about what the second pass did (2.5-3 s under the profiler): the gain is memory.
 *
 * Memory is bounded: a cell-month's sum holds sketch counts (a dense accumulator is 34 KB as uint32;
 * the pass keeps each series over the slots it has seen, about a quarter of that), and a workspace
 * may have hundreds of owners, so the pass sums at most PASS_CELL_MONTHS cell-months; past that it
 * gives up the cells numbered highest (they are freed) and those are summed after the pass from the
 * stored rows, in groups of at most CELL_MONTHS cell-months, one streaming pass over the account
 * rows per group (the demo's 20,000 or 100,000 accounts need none).
 */

const CELL_MONTHS = 1536;
/** Cell-months the account pass sums at most (about 40 MB at the demo's density); the demo's 90 cells over 24 months are 2,160. */
const PASS_CELL_MONTHS = 4096;
/** Slots a series' range grows by, at least, beyond the slot that made it grow. */
const RANGE_PAD = 48;
/** A cell-month's key in the sums: cell · KEY_MONTHS + month. */
const KEY_MONTHS = 1 << 20;
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

const newSum = (): CellSum => ({ counts: new Float64Array(COUNTERS), times: new Uint32Array(SERIES_COUNT * SKETCH_SLOTS), topics: new Map() });

/** A cell-month summed by the pass: its sketch counts per series over [from[series], from[series] + length). */
interface PassSum {
  counts: Float64Array;
  from: Int32Array;
  slots: (Uint32Array | null)[];
  topics: Map<number, number>;
}

const newPassSum = (): PassSum => ({
  counts: new Float64Array(COUNTERS),
  from: new Int32Array(SERIES_COUNT),
  slots: new Array<Uint32Array | null>(SERIES_COUNT).fill(null),
  topics: new Map(),
});

/** Counts n values at a sketch key (series · SKETCH_SLOTS + slot), widening the series' range to hold it. */
function addTime(sum: PassSum, key: number, n: number): void {
  const series = Math.floor(key / SKETCH_SLOTS);
  const slot = key - series * SKETCH_SLOTS;
  let slots = sum.slots[series];
  let from = sum.from[series]!;
  if (!slots || slot < from || slot >= from + slots.length) {
    // Widened by at least half its length on the side that missed: a few copies per series, not one per new slot (each costs microseconds).
    const pad = Math.max(RANGE_PAD, slots ? slots.length >> 1 : 0);
    const lo = Math.max(0, slots && slot >= from ? from : slot - pad);
    const hi = Math.min(SKETCH_SLOTS, slots && slot < from + slots.length ? from + slots.length : slot + 1 + pad);
    const wider = new Uint32Array(hi - lo);
    if (slots) wider.set(slots, from - lo);
    sum.slots[series] = slots = wider;
    sum.from[series] = from = lo;
  }
  slots[slot - from]! += n;
}

/** A pass sum as a cell sum, its sketches spread into `dense` (zeroed by the caller). */
function densePassSum(sum: PassSum, dense: Uint32Array): CellSum {
  sum.slots.forEach((slots, series) => slots && dense.set(slots, series * SKETCH_SLOTS + sum.from[series]!));
  return { counts: sum.counts, times: dense, topics: sum.topics };
}

/** The cells being summed by the account pass: start it with `startCells`, add rows with `addToCells`, end it with `finishCellsInSteps`. */
export interface CellPass {
  cells: Cell[];
  /** Each counting account's cells (indexes into `cells`, one per dimension, −1 for none). */
  cellsOf: Map<number, Int32Array>;
  sums: Map<number, PassSum>;
  /** Cells from this index on are not summed by the pass (over budget): finishCellsInSteps sums them from the stored rows. */
  cutoff: number;
  /** Cell-months it sums at most. */
  budget: number;
}

/**
 * Writes every counting account's keys, the facet counts and the cohort cells (call with those
 * tables and rollup_dimension_month empty, inside the rebuild's transaction), and numbers the cells.
 */
export function startCells(sqlite: Database.Database, budget = PASS_CELL_MONTHS): CellPass {
  const cells: Cell[] = [];
  const cellsOf = writeKeysAndFacets(sqlite, cells);
  return { cells, cellsOf, sums: new Map(), cutoff: cells.length, budget };
}

/** Gives up the highest-numbered half of the cells still summed by the pass (and frees their sums). */
function shrink(pass: CellPass): void {
  pass.cutoff = Math.floor(pass.cutoff / 2);
  for (const key of pass.sums.keys()) if (Math.floor(key / KEY_MONTHS) >= pass.cutoff) pass.sums.delete(key);
}

/**
 * Adds an account's row, as just written and decoded (codec.ts decodeRow), to the account's cells:
 * the sums the stored rows would give (addDecoded), the sketches kept over the slots seen. An
 * account that does not count (archived) has no cells.
 */
export function addToCells(pass: CellPass, accountId: number, month: number, row: DecodedRow): void {
  const own = pass.cellsOf.get(accountId);
  if (!own) return;
  const { index, value } = row;
  for (let d = 0; d < own.length; d++) {
    const cell = own[d]!;
    if (cell < 0 || cell >= pass.cutoff) continue;
    const key = cell * KEY_MONTHS + month;
    let sum = pass.sums.get(key);
    if (!sum) {
      if (pass.sums.size >= pass.budget) {
        shrink(pass);
        if (cell >= pass.cutoff) continue;
      }
      pass.sums.set(key, (sum = newPassSum()));
    }
    let k = 0;
    for (const end = row.counts; k < end; k++) sum.counts[index[k]!]! += value[k]!;
    for (const end = row.counts + row.times; k < end; k++) addTime(sum, index[k]!, value[k]!);
    for (const end = row.counts + row.times + row.topics; k < end; k++) sum.topics.set(index[k]!, (sum.topics.get(index[k]!) ?? 0) + value[k]!);
  }
}

/** Writes summed cell-months (keys as in CellPass.sums); returns the rows written. */
function writeSums<S>(sqlite: Database.Database, cells: Cell[], sums: Map<number, S>, cellSum: (sum: S) => CellSum): number {
  const put = stmt(sqlite, 'INSERT INTO rollup_dimension_month (dimension, value, segment, month, data) VALUES (?, ?, ?, ?, ?)');
  // One buffer to encode into (bound at once): a fresh one per cell-month is 60 KB (its bound with a dense sketch), 2,000 of them before a GC.
  const scratch = createScratch();
  const cellOf = (key: number) => cells[Math.floor(key / KEY_MONTHS)]!;
  // Written in key order: sorted, the b-tree appends.
  const ordered = [...sums.keys()].sort((a, b) => {
    const [x, y] = [cellOf(a), cellOf(b)];
    return x.dimension.localeCompare(y.dimension) || x.value.localeCompare(y.value) || x.segment.localeCompare(y.segment) || (a % KEY_MONTHS) - (b % KEY_MONTHS);
  });
  let written = 0;
  for (const key of ordered) {
    const sum = cellSum(sums.get(key)!);
    // As storedSum (segments.ts): a month whose counters are all 0 has no row.
    if (sum.counts.every((c) => c === 0)) continue;
    const cell = cellOf(key);
    put.run(cell.dimension, cell.value, cell.segment, key % KEY_MONTHS, encodeRow(sum.counts, { dense: sum.times }, sum.topics, scratch));
    written++;
  }
  return written;
}

/**
 * Sums the cells in [first, last] over the stored rows of the counting accounts (`ids`, ascending)
 * and writes them; yields between ranges of accounts (never with a statement open).
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
        const key = cell * KEY_MONTHS + month;
        let sum = sums.get(key);
        if (!sum) sums.set(key, (sum = newSum()));
        if (!read) {
          decodeRow(data, decoded);
          read = true;
        }
        addDecoded(decoded, sum);
      }
    }
  }
  return writeSums(sqlite, cells, sums, (sum) => sum);
}

/**
 * Ends the account pass: writes the cells it summed, then sums the cells it gave up (if any) from
 * the stored account rows, group by group (call after the account and segment levels are written).
 * Yields between steps; returns the dimension-month rows written.
 */
export function* finishCellsInSteps(sqlite: Database.Database, pass: CellPass): Generator<void, number> {
  const { cells, cellsOf } = pass;
  const dense = new Uint32Array(SERIES_COUNT * SKETCH_SLOTS);
  let written = writeSums(sqlite, cells, pass.sums, (sum) => densePassSum(sum, dense.fill(0)));
  pass.sums.clear();
  if (pass.cutoff >= cells.length) return written;
  // The segment level's months (a small table, written just before): a month outside them has only
  // rows whose counters are all 0, which add nothing to any cell.
  const [minMonth, maxMonth] = stmt<[number | null, number | null]>(sqlite, 'SELECT min(month), max(month) FROM rollup_segment_month').raw(true).get()!;
  if (minMonth === null || maxMonth === null) return written;
  const span = maxMonth - minMonth + 1;
  const ids = [...cellsOf.keys()];
  const perGroup = Math.max(1, Math.floor(CELL_MONTHS / span));
  for (let first = pass.cutoff; first < cells.length; first += perGroup) {
    yield;
    written += yield* sumGroup(sqlite, cells, cellsOf, ids, first, Math.min(first + perGroup, cells.length) - 1, minMonth, span);
  }
  return written;
}
