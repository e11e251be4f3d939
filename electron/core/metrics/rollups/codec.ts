import { SKETCH_SLOTS } from '../sketch';
import { COUNTERS, SERIES_COUNT } from './layout';

/**
 * The BLOB of a rollup row: an 8-byte header (lengths of the first two parts, u32 each), then
 * three sparse parts (most counters of an account-month are 0):
 * - counts: 5-byte records (counter u8, value u32), by counter;
 * - times: 7-byte records (series u8, sketch slot u16, count u32), sorted;
 * - topics: 8-byte records (topic id u32, tickets u32), by id.
 * An account-month with a dozen tickets stores about 150 bytes. Little-endian throughout.
 */

const COUNT_RECORD = 5;
const TIME_RECORD = 7;
const TOPIC_RECORD = 8;

/**
 * A reusable buffer to encode rows into: a rebuild writes 200,000 rows, and a fresh Buffer for each
 * (glibc keeps the freed ones) cost more memory than everything else it holds.
 */
export interface Scratch {
  buffer: Buffer;
}
export const createScratch = (): Scratch => ({ buffer: Buffer.allocUnsafe(1 << 16) });

/**
 * Encodes a row: counters, its times as sketch keys (one per value, any order; sorted here) or as
 * a dense accumulator, and topic counts by id. With a scratch the result is a view into it, valid
 * until the scratch's next use (bind or fold it at once); without, a Buffer of its own.
 */
export function encodeRow(counts: ArrayLike<number>, times: { keys: number[] } | { dense: Float64Array | Uint32Array }, topics: Map<number, number>, scratch?: Scratch): Buffer {
  const timeCount = 'keys' in times ? times.keys.length : SERIES_COUNT * SKETCH_SLOTS;
  const bound = 8 + COUNTERS * COUNT_RECORD + Math.min(timeCount, SERIES_COUNT * SKETCH_SLOTS) * TIME_RECORD + topics.size * TOPIC_RECORD;
  let out = scratch?.buffer ?? Buffer.allocUnsafe(bound);
  if (out.length < bound) out = scratch!.buffer = Buffer.allocUnsafe(bound * 2);
  let at = 8;
  for (let i = 0; i < COUNTERS; i++) {
    if (!counts[i]) continue;
    out[at] = i;
    out.writeUInt32LE(counts[i]!, at + 1);
    at += COUNT_RECORD;
  }
  out.writeUInt32LE(at - 8, 0);
  const timesStart = at;
  const record = (key: number, count: number) => {
    out[at] = Math.floor(key / SKETCH_SLOTS);
    out.writeUInt16LE(key % SKETCH_SLOTS, at + 1);
    out.writeUInt32LE(count, at + 3);
    at += TIME_RECORD;
  };
  if ('keys' in times) {
    const keys = times.keys.sort((a, b) => a - b);
    for (let i = 0; i < keys.length;) {
      let j = i + 1;
      while (j < keys.length && keys[j] === keys[i]) j++;
      record(keys[i]!, j - i);
      i = j;
    }
  } else {
    for (let k = 0; k < times.dense.length; k++) if (times.dense[k]! > 0) record(k, times.dense[k]!);
  }
  out.writeUInt32LE(at - timesStart, 4);
  for (const id of [...topics.keys()].sort((a, b) => a - b)) {
    const n = topics.get(id)!;
    if (!(n > 0)) continue;
    out.writeUInt32LE(id, at);
    out.writeUInt32LE(n, at + 4);
    at += TOPIC_RECORD;
  }
  return scratch ? out.subarray(0, at) : Buffer.from(out.subarray(0, at));
}

/** One row being built: counters, sketch keys (series · SKETCH_SLOTS + slot, one per value), topic counts. */
export interface RollupRow {
  counts: Float64Array;
  times: number[];
  topics: Map<string, number>;
}

/** A dense accumulator for all series: SERIES_COUNT sketches side by side. */
export const emptyTimes = () => new Float64Array(SERIES_COUNT * SKETCH_SLOTS);

/** One counter of a row's BLOB. */
export function countOf(data: Buffer, counter: number): number {
  const end = 8 + data.readUInt32LE(0);
  for (let at = 8; at + COUNT_RECORD <= end; at += COUNT_RECORD) if (data[at] === counter) return data.readUInt32LE(at + 1);
  return 0;
}

/** sketch += the time records of a row's BLOB whose series is in `series` (several series merged into one sketch). */
export function addSeriesTo(sketch: Float64Array, data: Buffer, series: readonly number[]): void {
  const countsEnd = 8 + data.readUInt32LE(0);
  const timesEnd = countsEnd + data.readUInt32LE(4);
  for (let at = countsEnd; at + TIME_RECORD <= timesEnd; at += TIME_RECORD) {
    if (series.includes(data[at]!)) sketch[data.readUInt16LE(at + 1)]! += data.readUInt32LE(at + 3);
  }
}

/** One series of a dense accumulator, as a sketch (a view, not a copy). */
export const seriesOf = (dense: Float64Array, series: number) => dense.subarray(series * SKETCH_SLOTS, (series + 1) * SKETCH_SLOTS);

/**
 * Adds a row's BLOB to the accumulators given (× sign), reading the parts in place: no views are
 * made, which matters when a filter folds 100,000 rows.
 */
export function foldRow(data: Buffer, into: { counts?: Float64Array; times?: Float64Array | Uint32Array; topics?: Map<number, number> }, sign = 1): void {
  const countsEnd = 8 + data.readUInt32LE(0);
  const timesEnd = countsEnd + data.readUInt32LE(4);
  const { counts, times, topics } = into;
  if (counts) for (let at = 8; at + COUNT_RECORD <= countsEnd; at += COUNT_RECORD) counts[data[at]!]! += sign * data.readUInt32LE(at + 1);
  if (times) {
    for (let at = countsEnd; at + TIME_RECORD <= timesEnd; at += TIME_RECORD) {
      times[data[at]! * SKETCH_SLOTS + data.readUInt16LE(at + 1)]! += sign * data.readUInt32LE(at + 3);
    }
  }
  if (topics) {
    for (let at = timesEnd; at + TOPIC_RECORD <= data.length; at += TOPIC_RECORD) {
      const id = data.readUInt32LE(at);
      topics.set(id, (topics.get(id) ?? 0) + sign * data.readUInt32LE(at + 4));
    }
  }
}

/**
 * A row's BLOB decoded once into flat (index, value) pairs, to be added to several sums (the full
 * rebuild adds each account row to up to four dimension cells: one decode instead of four).
 * Indexes: counter; series · SKETCH_SLOTS + slot; topic id. Reused between rows.
 */
export interface DecodedRow {
  index: Uint32Array;
  value: Float64Array;
  counts: number;
  times: number;
  topics: number;
}
export const createDecoded = (): DecodedRow => ({ index: new Uint32Array(4096), value: new Float64Array(4096), counts: 0, times: 0, topics: 0 });

export function decodeRow(data: Buffer, out: DecodedRow): DecodedRow {
  const countsEnd = 8 + data.readUInt32LE(0);
  const timesEnd = countsEnd + data.readUInt32LE(4);
  const records = (countsEnd - 8) / COUNT_RECORD + (timesEnd - countsEnd) / TIME_RECORD + (data.length - timesEnd) / TOPIC_RECORD;
  if (out.index.length < records) {
    out.index = new Uint32Array(records * 2);
    out.value = new Float64Array(records * 2);
  }
  let k = 0;
  for (let at = 8; at + COUNT_RECORD <= countsEnd; at += COUNT_RECORD, k++) {
    out.index[k] = data[at]!;
    out.value[k] = data.readUInt32LE(at + 1);
  }
  out.counts = k;
  for (let at = countsEnd; at + TIME_RECORD <= timesEnd; at += TIME_RECORD, k++) {
    out.index[k] = data[at]! * SKETCH_SLOTS + data.readUInt16LE(at + 1);
    out.value[k] = data.readUInt32LE(at + 3);
  }
  out.times = k - out.counts;
  for (let at = timesEnd; at + TOPIC_RECORD <= data.length; at += TOPIC_RECORD, k++) {
    out.index[k] = data.readUInt32LE(at);
    out.value[k] = data.readUInt32LE(at + 4);
  }
  out.topics = k - out.counts - out.times;
  return out;
}

/** Adds a decoded row to a sum, as foldRow would add its BLOB. */
export function addDecoded(row: DecodedRow, into: { counts: Float64Array; times: Float64Array | Uint32Array; topics: Map<number, number> }): void {
  const { index, value } = row;
  let k = 0;
  for (const end = row.counts; k < end; k++) into.counts[index[k]!]! += value[k]!;
  for (const end = row.counts + row.times; k < end; k++) into.times[index[k]!]! += value[k]!;
  for (const end = row.counts + row.times + row.topics; k < end; k++) into.topics.set(index[k]!, (into.topics.get(index[k]!) ?? 0) + value[k]!);
}
