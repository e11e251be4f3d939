import { describe, expect, it } from 'vitest';
import { SKETCH_SLOTS } from '../sketch';
import { addDecoded, countOf, createDecoded, createScratch, decodeRow, emptyTimes, encodeRow, foldRow } from './codec';
import { COUNTERS, L, SERIES } from './layout';

const counts = () => {
  const c = new Float64Array(COUNTERS);
  c[L.opened.start] = 12;
  c[L.nps.start + 10] = 3;
  c[COUNTERS - 1] = 4_000_000_000;
  return c;
};

describe('rollup row BLOBs', () => {
  it('round-trip counters, sketch keys (repeated, unsorted) and topics', () => {
    const keys = [SERIES.resolution(3) * SKETCH_SLOTS + 700, SERIES.firstResponse(0) * SKETCH_SLOTS + 5, SERIES.firstResponse(0) * SKETCH_SLOTS + 5];
    const data = encodeRow(
      counts(),
      { keys },
      new Map([
        [7, 2],
        [3, 1],
        [9, 0],
      ]),
    );
    // 8-byte header, three counters of 5 bytes, two distinct sketch buckets of 7, two topics of 8.
    expect(data.length).toBe(8 + 3 * 5 + 2 * 7 + 2 * 8);
    const back = { counts: new Float64Array(COUNTERS), times: emptyTimes(), topics: new Map<number, number>() };
    foldRow(data, back);
    expect(back.counts).toEqual(counts());
    expect(back.times[SERIES.firstResponse(0) * SKETCH_SLOTS + 5]).toBe(2);
    expect(back.times[SERIES.resolution(3) * SKETCH_SLOTS + 700]).toBe(1);
    expect(back.times.reduce((a, b) => a + b, 0)).toBe(3);
    expect([...back.topics]).toEqual([
      [3, 1],
      [7, 2],
    ]);
    expect(countOf(data, L.opened.start)).toBe(12);
    expect(countOf(data, L.csat.start)).toBe(0);
  });

  it('a dense accumulator encodes to the same bytes as its keys; folding with sign −1 undoes a row', () => {
    const dense = emptyTimes();
    dense[5] = 2;
    dense[SERIES.resolution(1) * SKETCH_SLOTS + 9] = 1;
    const fromDense = encodeRow(counts(), { dense }, new Map());
    const fromKeys = encodeRow(counts(), { keys: [SERIES.resolution(1) * SKETCH_SLOTS + 9, 5, 5] }, new Map());
    expect(fromDense.equals(fromKeys)).toBe(true);
    const sum = { counts: new Float64Array(COUNTERS), times: emptyTimes(), topics: new Map<number, number>() };
    foldRow(fromKeys, sum);
    foldRow(fromKeys, sum, -1);
    expect(sum.counts.every((c) => c === 0)).toBe(true);
    expect(sum.times.every((c) => c === 0)).toBe(true);
  });

  it('a row decoded once and added adds what folding its BLOB adds, into either kind of sketch accumulator', () => {
    const data = encodeRow(counts(), { keys: [SERIES.resolution(2) * SKETCH_SLOTS + 40, 7, 7] }, new Map([[5, 3]]));
    const folded = { counts: new Float64Array(COUNTERS), times: emptyTimes(), topics: new Map<number, number>() };
    foldRow(data, folded);
    foldRow(data, folded);
    const added = { counts: new Float64Array(COUNTERS), times: new Uint32Array(emptyTimes().length), topics: new Map<number, number>() };
    // A scratch too small for the row grows.
    const decoded = { ...createDecoded(), index: new Uint32Array(1), value: new Float64Array(1) };
    decodeRow(data, decoded);
    addDecoded(decoded, added);
    addDecoded(decoded, added);
    expect(added.counts).toEqual(folded.counts);
    expect(Array.from(added.times)).toEqual(Array.from(folded.times));
    expect(added.topics).toEqual(folded.topics);
    expect(added.topics.get(5)).toBe(6);
  });

  it('with a scratch, returns a view into it and grows it when a row needs more room', () => {
    const scratch = { buffer: Buffer.alloc(16) };
    const view = encodeRow(counts(), { keys: [1, 2, 3] }, new Map(), scratch);
    expect(view.buffer).toBe(scratch.buffer.buffer);
    expect(scratch.buffer.length).toBeGreaterThan(16);
    expect(createScratch().buffer.length).toBe(1 << 16);
  });
});
