import type Database from 'better-sqlite3';
import type { RollupRowRaw } from '../repo';
import { emptySketch, mergeSketch, type DenseSketch } from '../sketch';
import { addSeriesTo, countOf, emptyTimes, foldRow, seriesOf } from './codec';
import { COUNTERS, L, SERIES } from './layout';
import { topicNames } from './repo';

/** Counters, sketches (when decoded) and topic counts by id of one month, or of several merged. */
export interface Acc {
  counts: Float64Array;
  times: Float64Array;
  topics: Map<number, number>;
}

export interface RollupView {
  months: Map<number, Acc>;
  /** Volume and first-response sketch per segment over [from, to). */
  segments: Map<string, { volume: number; firstResponse: DenseSketch }>;
}

const FIRST_RESPONSE_SERIES = [0, 1, 2, 3].map(SERIES.firstResponse);
export const emptyAcc = (): Acc => ({ counts: new Float64Array(COUNTERS), times: emptyTimes(), topics: new Map() });

/**
 * Folds rollup rows into one accumulator per month. Every month before the period end is read
 * because the backlog at a month's end is the running sum of opened − resolved; sketches and topics
 * are decoded only from `detailFrom` on (the months any figure looks at).
 */
export function foldRollups(rows: Iterable<RollupRowRaw>, range: { from: number; to: number }, detailFrom: number): RollupView {
  const months = new Map<number, Acc>();
  const segments: RollupView['segments'] = new Map();
  for (const [segment, month, data] of rows) {
    let acc = months.get(month);
    if (!acc) {
      const detailed = month >= detailFrom;
      months.set(month, (acc = { counts: new Float64Array(COUNTERS), times: detailed ? emptyTimes() : new Float64Array(0), topics: new Map() }));
    }
    if (month < detailFrom) {
      foldRow(data, { counts: acc.counts });
      continue;
    }
    foldRow(data, acc);
    if (month < range.from) continue;
    let s = segments.get(segment);
    if (!s) segments.set(segment, (s = { volume: 0, firstResponse: emptySketch() }));
    s.volume += countOf(data, L.opened.start);
    addSeriesTo(s.firstResponse, data, FIRST_RESPONSE_SERIES);
  }
  return { months, segments };
}

/** What the dashboard reads from a filter's rollup rows: its period and the previous one merged, and the backlog at the period end. */
export interface PeriodView {
  current: Acc;
  before: Acc;
  /** Tickets open at the period end: opened − resolved over every month before it (the rows are all before it). */
  backlog: number;
  segments: RollupView['segments'];
}

/**
 * foldRollups, then mergeMonths of the period and of the previous one, and backlogAt the period
 * end, in one pass that adds each row straight into its period's sums (issue 14): a sketch per
 * month (67 KB each, 24 of them for a year against the year before) was allocated, filled and
 * merged again on every dashboard call, which cost more than the plain pass over the raw rows for
 * a small filter ("my accounts"). The sums are of the same integers, so the figures are the same.
 */
export function foldPeriods(rows: Iterable<RollupRowRaw>, range: { from: number; to: number }, previous: { from: number; to: number }): PeriodView {
  const current = emptyAcc();
  const before = emptyAcc();
  const backlogCounts = new Float64Array(COUNTERS);
  const segments: RollupView['segments'] = new Map();
  for (const [segment, month, data] of rows) {
    if (month >= range.from && month < range.to) {
      foldRow(data, current);
      let s = segments.get(segment);
      if (!s) segments.set(segment, (s = { volume: 0, firstResponse: emptySketch() }));
      s.volume += countOf(data, L.opened.start);
      addSeriesTo(s.firstResponse, data, FIRST_RESPONSE_SERIES);
    } else if (month >= previous.from && month < previous.to) foldRow(data, before);
    else foldRow(data, { counts: backlogCounts });
  }
  for (const acc of [current, before]) for (let k = 0; k < COUNTERS; k++) backlogCounts[k]! += acc.counts[k]!;
  return { current, before, backlog: backlogCounts[L.opened.start]! - backlogCounts[L.resolved.start]!, segments };
}

/** The months [from, to) merged. */
export function mergeMonths(view: RollupView, from: number, to: number): Acc {
  const out = emptyAcc();
  for (const [month, acc] of view.months) {
    if (month < from || month >= to) continue;
    for (let k = 0; k < COUNTERS; k++) out.counts[k]! += acc.counts[k]!;
    if (acc.times.length > 0) mergeSketch(out.times, acc.times);
    for (const [id, n] of acc.topics) out.topics.set(id, (out.topics.get(id) ?? 0) + n);
  }
  return out;
}

/** Tickets open at the start of `month` (opened before it, not resolved before it). */
export function backlogAt(view: RollupView, month: number): number {
  let open = 0;
  for (const [m, acc] of view.months) if (m < month) open += acc.counts[L.opened.start]! - acc.counts[L.resolved.start]!;
  return open;
}

/** The sketch of a kind of time over the given priorities (all by default). */
export function timesSketch(acc: Acc, kind: 'firstResponse' | 'resolution', priorities: readonly number[] = [0, 1, 2, 3]): DenseSketch {
  const sketch = emptySketch();
  for (const p of priorities) mergeSketch(sketch, seriesOf(acc.times, SERIES[kind](p)));
  return sketch;
}

/** Topic counts by name. */
export function topicsByName(sqlite: Database.Database, acc: Acc): Map<string, number> {
  const names = topicNames(sqlite);
  const out = new Map<string, number>();
  for (const [id, n] of acc.topics) if (n > 0) out.set(names.get(id) ?? `topic ${id}`, n);
  return out;
}
