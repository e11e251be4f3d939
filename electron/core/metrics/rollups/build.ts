import { ADVOCATE_SEGMENTS, advocateSegmentOf } from '../advocates';
import { monthOfMs } from '../period';
import { slotOf, SKETCH_SLOTS } from '../sketch';
import type { RollupRow } from './codec';
import { channelIndex, COUNTERS, L, priorityIndex, SERIES } from './layout';

/**
 * Turns raw rows into account-month rollup rows. The one place that decides what a rollup holds:
 * the full rebuild and the update after each write both run it, so they cannot disagree. Rows are
 * fed one at a time (the rebuild streams millions of them), as arrays in the column order of the
 * SELECTs in repo.ts (see the types below).
 */

/** account_id, priority, channel, topic, csat, opened ms, first response ms, resolved ms */
export type TicketRaw = [number, string, string, string | null, number | null, number, number | null, number | null];
/** account_id, month, kind, score, non_answer, contact_id */
export type SurveyRaw = [number, number, string, number | null, string | null, number | null];
/** account_id, month */
export type TouchpointRaw = [number, number];

/** Minutes between two instants (ms): wall-clock, or working time under business hours. */
export type Clock = (fromMs: number, toMs: number) => number;
export const wallClock: Clock = (from, to) => (to - from) / 60_000;

export type AccountMonths = Map<number, Map<number, RollupRow>>;

interface Pair {
  accountId: number;
  month: number;
  nps?: number;
  buyAgain?: number;
}

export interface Batch {
  clock: Clock;
  rows: AccountMonths;
  /** Advocate pairs by account, month and contact. */
  pairs: Map<string, Pair>;
  /**
   * Rows' counters are views into shared chunks: a Float64Array per row would be a separate
   * malloc each (200,000 in a rebuild), and the allocator keeps what it is given back.
   */
  chunk: Float64Array;
  used: number;
  /** The chunks this batch took, and where it takes them from: a pool the next batch can reuse (recycleChunks). */
  chunks: Float64Array[];
  pool: Float64Array[];
  /** The row rowOf returned last: a ticket's month is most often the previous one's (rows come in time order). */
  lastAccount: number;
  lastMonth: number;
  lastRow: RollupRow | null;
}

const CHUNK_ROWS = 1024;
export const newBatch = (clock: Clock, pool: Float64Array[] = []): Batch => ({
  clock,
  rows: new Map(),
  pairs: new Map(),
  chunk: new Float64Array(0),
  used: 0,
  chunks: [],
  pool,
  lastAccount: -1,
  lastMonth: -1,
  lastRow: null,
});

/**
 * Gives the batch's chunks back to its pool, zeroed, for the next batch (call once its rows are
 * written and no longer used): the full rebuild's 80 batches would otherwise allocate and drop 120 MB
 * of chunks, which the allocator keeps.
 */
export function recycleChunks(batch: Batch): void {
  for (const chunk of batch.chunks) batch.pool.push(chunk.fill(0));
  batch.chunks = [];
  batch.chunk = new Float64Array(0);
  batch.lastRow = null;
  batch.lastAccount = -1;
}

function rowOf(batch: Batch, accountId: number, month: number): RollupRow {
  if (accountId === batch.lastAccount && month === batch.lastMonth) return batch.lastRow!;
  let months = batch.rows.get(accountId);
  if (!months) batch.rows.set(accountId, (months = new Map<number, RollupRow>()));
  let row = months.get(month);
  if (!row) {
    if (batch.used + COUNTERS > batch.chunk.length) {
      batch.chunk = batch.pool.pop() ?? new Float64Array(CHUNK_ROWS * COUNTERS);
      batch.chunks.push(batch.chunk);
      batch.used = 0;
    }
    row = { counts: batch.chunk.subarray(batch.used, batch.used + COUNTERS), times: [], topics: new Map() };
    batch.used += COUNTERS;
    months.set(month, row);
  }
  batch.lastAccount = accountId;
  batch.lastMonth = month;
  batch.lastRow = row;
  return row;
}

export function addTicket(batch: Batch, t: TicketRaw): void {
  const [accountId, priority, channel, topic, csat, openedMs, firstResponseMs, resolvedMs] = t;
  const row = rowOf(batch, accountId, monthOfMs(openedMs));
  const c = row.counts;
  const p = priorityIndex(priority);
  const ch = channelIndex(channel);
  c[L.opened.start]! += 1;
  if (p >= 0) c[L.byPriority.start + p]! += 1;
  if (ch >= 0) {
    c[L.byChannel.start + ch]! += 1;
    if (csat !== null) {
      c[L.channelCsatN.start + ch]! += 1;
      if (csat >= 4) c[L.channelCsatSatisfied.start + ch]! += 1;
    }
  }
  if (topic !== null && topic !== '') row.topics.set(topic, (row.topics.get(topic) ?? 0) + 1);
  if (p >= 0 && firstResponseMs !== null) row.times.push(SERIES.firstResponse(p) * SKETCH_SLOTS + slotOf(batch.clock(openedMs, firstResponseMs)));
  if (p >= 0 && resolvedMs !== null) row.times.push(SERIES.resolution(p) * SKETCH_SLOTS + slotOf(batch.clock(openedMs, resolvedMs)));
  if (resolvedMs !== null) rowOf(batch, accountId, monthOfMs(resolvedMs)).counts[L.resolved.start]! += 1;
}

const NSAT_NON_ANSWER: Record<string, number> = { dont_know: 4, not_applicable: 5 };

/**
 * A survey answer. Advocate pairs: a contact's last "would recommend" (NPS) and last "would buy
 * again" answer in the same month form one pair; relationship surveys ask both in one wave, so a
 * month holds a wave (a documented approximation of "the same survey"). Answers must arrive in
 * time order for "last" to hold (repo.ts sorts them).
 */
export function addSurvey(batch: Batch, [accountId, month, kind, score, nonAnswer, contactId]: SurveyRaw): void {
  const c = rowOf(batch, accountId, month).counts;
  if (kind === 'nps' && score !== null) c[L.nps.start + score]! += 1;
  else if (kind === 'csat' && score !== null) c[L.csat.start + score - 1]! += 1;
  else if (kind === 'ces' && score !== null) c[L.ces.start + score - 1]! += 1;
  else if (kind === 'nsat') {
    const slot = score !== null ? score - 1 : NSAT_NON_ANSWER[nonAnswer ?? ''];
    if (slot !== undefined) c[L.nsat.start + slot]! += 1;
  }
  if ((kind === 'nps' || kind === 'repurchase') && score !== null && contactId !== null) {
    const key = `${accountId}:${month}:${contactId}`;
    let pair = batch.pairs.get(key);
    if (!pair) batch.pairs.set(key, (pair = { accountId, month }));
    if (kind === 'nps') pair.nps = score;
    else pair.buyAgain = score;
  }
}

export function addTouchpoint(batch: Batch, [accountId, month]: TouchpointRaw): void {
  rowOf(batch, accountId, month).counts[L.touchpoints.start]! += 1;
}

/** The batch's rows, with its advocate pairs counted. */
export function finishBatch(batch: Batch): AccountMonths {
  for (const pair of batch.pairs.values()) {
    const segment = advocateSegmentOf({ recommend: pair.nps, buyAgain: pair.buyAgain });
    if (segment) rowOf(batch, pair.accountId, pair.month).counts[L.advocates.start + ADVOCATE_SEGMENTS.indexOf(segment)]! += 1;
  }
  batch.pairs.clear();
  return batch.rows;
}
