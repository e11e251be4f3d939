import type Database from 'better-sqlite3';

/**
 * Typed-array ingest of a dated table, one pass: rows are read once, their times parsed to epoch
 * milliseconds (NaN for null), filed by account with a counting sort, and each account's rows
 * ordered by their first column. At 20,000 accounts the history is millions of rows: as JS arrays
 * of strings it was hundreds of megabytes and the collector's work dominated training; as columns
 * of numbers it is a few flat buffers and every feature is a loop over a subarray.
 */

/** The decimal number in s[from, from + length), or -1 when a character is not a digit. */
function digits(s: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Epoch ms of an ISO date or UTC timestamp (fast path for the two forms the core writes), NaN for null. */
export function timeOf(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const s = value;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y >= 0 && m >= 1 && d >= 1) return Date.UTC(y, m - 1, d);
  }
  if ((s.length === 24 || s.length === 20) && s.charCodeAt(10) === 84 && s.charCodeAt(s.length - 1) === 90 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = digits(s, 17, 2);
    const ms = s.length === 24 ? digits(s, 20, 3) : 0;
    if (y >= 0 && m >= 1 && d >= 1 && h >= 0 && mi >= 0 && sec >= 0 && ms >= 0) return Date.UTC(y, m - 1, d, h, mi, sec, ms);
  }
  return Date.parse(s);
}

/**
 * How a column's values become numbers: ISO times to epoch ms, numbers as they are (NaN for null),
 * `epoch` a time SQLite already turned into Unix seconds (`unixepoch(column, 'subsec')`, exact to the
 * millisecond, NaN for null), or a code.
 */
export type Convert = 'time' | 'number' | 'epoch' | ((v: unknown) => number);

/** A table's columns for all accounts, with `offsets[i]..offsets[i + 1]` the rows of the i-th account. */
export interface Columns {
  offsets: Int32Array;
  columns: Float64Array[];
}

/** Gathers rows (first value account_id, then one value per `convert`) of the accounts in `index`; `finish` files them by account. */
function collector(index: ReadonlyMap<number, number>, convert: readonly Convert[]) {
  const width = convert.length;
  let capacity = 1024;
  let owner = new Int32Array(capacity);
  let raw = new Float64Array(capacity * width);
  let n = 0;
  const add = (row: unknown[]) => {
    const at = index.get(row[0] as number);
    if (at === undefined) return;
    if (n === capacity) {
      capacity *= 2;
      const o = new Int32Array(capacity);
      o.set(owner);
      owner = o;
      const r = new Float64Array(capacity * width);
      r.set(raw);
      raw = r;
    }
    owner[n] = at;
    for (let c = 0; c < width; c++) {
      const v = row[c + 1];
      const how = convert[c]!;
      // The common conversions inline: a call through the array per value was a third of the read.
      raw[n * width + c] =
        how === 'epoch'
          ? typeof v === 'number'
            ? Math.round(v * 1000)
            : NaN
          : how === 'time'
            ? timeOf(v)
            : how === 'number'
              ? typeof v === 'number'
                ? v
                : v === null
                  ? NaN
                  : Number(v)
              : how(v);
    }
    n++;
  };
  const finish = (): Columns => {
    // Counting sort by account (stable: each account's rows keep the order read).
    const offsets = new Int32Array(index.size + 1);
    for (let i = 0; i < n; i++) offsets[owner[i]! + 1]! += 1;
    for (let a = 0; a < index.size; a++) offsets[a + 1]! += offsets[a]!;
    const next = offsets.slice(0, index.size);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[next[owner[i]!]!++] = i;
    // Within an account, by column 0 (insertion sort: an account's rows are few and mostly in order already).
    for (let a = 0; a < index.size; a++) {
      for (let i = offsets[a]! + 1; i < offsets[a + 1]!; i++) {
        const row = order[i]!;
        const key = raw[row * width]!;
        let j = i - 1;
        while (j >= offsets[a]! && raw[order[j]! * width]! > key) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = row;
      }
    }
    const columns = Array.from({ length: width }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const from = order[i]! * width;
      for (let c = 0; c < width; c++) columns[c]![i] = raw[from + c]!;
    }
    return { offsets, columns };
  };
  return { add, finish };
}

/**
 * Runs `sql` (first column account_id, then `convert.length` columns), keeps rows of accounts in
 * `index` (account id → position), converts each value to a number, and orders each account's rows by
 * column 0 (then as read: the query's own order breaks ties).
 */
export function ingest(sqlite: Database.Database, sql: string, params: unknown[], index: ReadonlyMap<number, number>, convert: readonly Convert[]): Columns {
  const rows = collector(index, convert);
  for (const row of sqlite
    .prepare(sql)
    .raw(true)
    .iterate(...params) as Iterable<unknown[]>)
    rows.add(row);
  return rows.finish();
}

/** Rowids per slice of a whole-table read: about a fifth of a second of work, where a job can report and stop. */
export const SLICE = 65_536;

/** A table read whole in rowid order: `select` is what follows `SELECT account_id,`, `where` its filter. */
export interface TableRead {
  table: string;
  select: string;
  where: string;
  convert: Convert[];
}

/** The table's rowid span, [first, last + 1) (empty: [0, 0)): the slices' bounds and the progress total. */
export function rowidSpan(sqlite: Database.Database, table: string): [number, number] {
  // Two subqueries: SQLite answers a lone min() or max() of the rowid from the b-tree's ends, not both in one.
  const [first, last] = sqlite.prepare(`SELECT (SELECT min(rowid) FROM ${table}), (SELECT max(rowid) FROM ${table})`).raw(true).get() as [number | null, number | null];
  return first === null || last === null ? [0, 0] : [first, last + 1];
}

/**
 * The same result as `ingest` over the whole table in rowid order (a plain scan's order), read in
 * slices of SLICE rowids with `.all()`: one native call per slice instead of one per row (the per-row
 * crossing was most of the read at 2 M tickets), and between slices the caller can report progress
 * and stop. Yields the rowids covered so far.
 */
export function* ingestInSlices(sqlite: Database.Database, read: TableRead, index: ReadonlyMap<number, number>, size = SLICE): Generator<number, Columns> {
  const rows = collector(index, read.convert);
  const [first, end] = rowidSpan(sqlite, read.table);
  const slice = sqlite.prepare(`SELECT account_id, ${read.select} FROM ${read.table} WHERE rowid >= ? AND rowid < ? AND (${read.where}) ORDER BY rowid`).raw(true);
  for (let from = first; from < end; from += size) {
    for (const row of slice.all(from, Math.min(end, from + size)) as unknown[][]) rows.add(row);
    yield Math.min(end, from + size) - first;
  }
  return rows.finish();
}

/** Column views of one account's rows. */
export const rowsOf = (table: Columns, at: number): Float64Array[] => table.columns.map((c) => c.subarray(table.offsets[at], table.offsets[at + 1]));
