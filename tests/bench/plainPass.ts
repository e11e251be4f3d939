// The reference beside each metrics figure: the same rows, already in typed arrays in memory, and
// one plain pass over them. It is the floor any design that reads raw rows could reach (loading
// them from SQLite, timed separately, costs far more); the rollups are compared with it.
import Database from 'better-sqlite3';
import { slotOf, SKETCH_SLOTS } from '../../electron/core/metrics/sketch';

const month = (column: string) => `(CAST(substr(${column}, 1, 4) AS INTEGER) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER) - 1)`;
const minutes = (from: string, to: string) => `(julianday(${to}) - julianday(${from})) * 1440.0`;
const PRIORITY = `CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END`;
const KIND = `CASE kind WHEN 'nps' THEN 0 WHEN 'csat' THEN 1 WHEN 'nsat' THEN 2 WHEN 'ces' THEN 3 ELSE 4 END`;

export interface RawArrays {
  tickets: { account: Int32Array; month: Int32Array; resolvedMonth: Int32Array; priority: Uint8Array; firstResponse: Float64Array; resolution: Float64Array };
  surveys: { account: Int32Array; month: Int32Array; kind: Uint8Array; score: Int8Array };
  segmentOf: Uint8Array;
  segments: string[];
  /** Each account's region, owner and lifecycle stage, by id (for the account-level filters' pass). */
  accountAttrs: { region: (string | null)[]; owner: (string | null)[]; lifecycleStage: (string | null)[] };
  loadSeconds: number;
}

/** The accounts whose `key` is one of `values`, as a mask by account id (what an account-level filter selects). */
export function accountMask(raw: RawArrays, key: keyof RawArrays['accountAttrs'], values: readonly string[]): Uint8Array {
  const of = raw.accountAttrs[key];
  const mask = new Uint8Array(of.length);
  for (let id = 0; id < of.length; id++) if (of[id] !== null && of[id] !== undefined && values.includes(of[id]!)) mask[id] = 1;
  return mask;
}

/** Every ticket and survey answer of the workspace as typed arrays, in account order. */
export function loadRawArrays(path: string): RawArrays {
  const began = performance.now();
  const sqlite = new Database(path, { readonly: true });
  try {
    const segments = sqlite.prepare('SELECT DISTINCT segment FROM accounts ORDER BY 1').pluck().all() as string[];
    const maxId = sqlite.prepare('SELECT max(id) FROM accounts').pluck().get() as number;
    const segmentOf = new Uint8Array(maxId + 1);
    const accountAttrs: RawArrays['accountAttrs'] = {
      region: new Array(maxId + 1).fill(null),
      owner: new Array(maxId + 1).fill(null),
      lifecycleStage: new Array(maxId + 1).fill(null),
    };
    for (const [id, segment, region, owner, stage] of sqlite.prepare('SELECT id, segment, region, owner, lifecycle_stage FROM accounts').raw(true).iterate() as Iterable<
      [number, string, string | null, string | null, string]
    >) {
      segmentOf[id] = segments.indexOf(segment);
      accountAttrs.region[id] = region;
      accountAttrs.owner[id] = owner;
      accountAttrs.lifecycleStage[id] = stage;
    }
    const nTickets = sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    const t = {
      account: new Int32Array(nTickets),
      month: new Int32Array(nTickets),
      resolvedMonth: new Int32Array(nTickets),
      priority: new Uint8Array(nTickets),
      firstResponse: new Float64Array(nTickets),
      resolution: new Float64Array(nTickets),
    };
    let i = 0;
    const tickets = sqlite.prepare(`SELECT account_id, ${month('opened_at')}, coalesce(${month('resolved_at')}, -1), ${PRIORITY},
      coalesce(${minutes('opened_at', 'first_response_at')}, -1), coalesce(${minutes('opened_at', 'resolved_at')}, -1) FROM tickets ORDER BY account_id`);
    for (const row of tickets.raw(true).iterate() as Iterable<[number, number, number, number, number, number]>) {
      [t.account[i], t.month[i], t.resolvedMonth[i], t.priority[i], t.firstResponse[i], t.resolution[i]] = row;
      i++;
    }
    const nSurveys = sqlite.prepare('SELECT count(*) FROM survey_responses').pluck().get() as number;
    const s = { account: new Int32Array(nSurveys), month: new Int32Array(nSurveys), kind: new Uint8Array(nSurveys), score: new Int8Array(nSurveys) };
    i = 0;
    for (const row of sqlite
      .prepare(`SELECT account_id, ${month('responded_at')}, ${KIND}, coalesce(score, -1) FROM survey_responses ORDER BY account_id`)
      .raw(true)
      .iterate() as Iterable<[number, number, number, number]>) {
      [s.account[i], s.month[i], s.kind[i], s.score[i]] = row;
      i++;
    }
    return { tickets: t, surveys: s, segmentOf, segments, accountAttrs, loadSeconds: (performance.now() - began) / 1000 };
  } finally {
    sqlite.close();
  }
}

/**
 * One pass computing what the dashboard's activity cards need from raw rows: volume, backlog,
 * counts per priority, response and resolution histograms (the sketch's buckets), survey
 * distributions; over [from, to) months and optionally one segment or the accounts of a mask (an
 * account-level filter). Returns a checksum so the work cannot be optimised away.
 */
export function dashboardPass(raw: RawArrays, from: number, to: number, segment?: number, mask?: Uint8Array): number {
  const { tickets: t, surveys: s, segmentOf } = raw;
  const counts = new Float64Array(8);
  const histograms = new Float64Array(2 * SKETCH_SLOTS);
  const distributions = new Float64Array(5 * 11);
  for (let i = 0; i < t.account.length; i++) {
    if (segment !== undefined && segmentOf[t.account[i]!] !== segment) continue;
    if (mask !== undefined && mask[t.account[i]!] !== 1) continue;
    const m = t.month[i]!;
    if (m < to && (t.resolvedMonth[i]! < 0 || t.resolvedMonth[i]! >= to)) counts[0]!++;
    if (m < from || m >= to) continue;
    counts[1]!++;
    counts[2 + t.priority[i]!]!++;
    if (t.firstResponse[i]! >= 0) histograms[slotOf(t.firstResponse[i]!)]!++;
    if (t.resolution[i]! >= 0) histograms[SKETCH_SLOTS + slotOf(t.resolution[i]!)]!++;
  }
  for (let i = 0; i < s.account.length; i++) {
    if (segment !== undefined && segmentOf[s.account[i]!] !== segment) continue;
    if (mask !== undefined && mask[s.account[i]!] !== 1) continue;
    if (s.month[i]! < from || s.month[i]! >= to || s.score[i]! < 0) continue;
    distributions[s.kind[i]! * 11 + s.score[i]!]!++;
  }
  return counts.reduce((a, b) => a + b, 0) + histograms.reduce((a, b) => a + b, 0) + distributions.reduce((a, b) => a + b, 0);
}

/** The same pass over one account's rows (found by binary search in the account-ordered arrays). */
export function accountPass(raw: RawArrays, accountId: number, from: number, to: number): number {
  const first = (array: Int32Array) => {
    let lo = 0;
    let hi = array.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (array[mid]! < accountId) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let sum = 0;
  for (let i = first(raw.tickets.account); i < raw.tickets.account.length && raw.tickets.account[i] === accountId; i++) {
    if (raw.tickets.month[i]! >= from && raw.tickets.month[i]! < to) sum += 1 + slotOf(Math.max(0, raw.tickets.firstResponse[i]!));
  }
  for (let i = first(raw.surveys.account); i < raw.surveys.account.length && raw.surveys.account[i] === accountId; i++) {
    if (raw.surveys.month[i]! >= from && raw.surveys.month[i]! < to) sum += raw.surveys.score[i]!;
  }
  return sum;
}

/** What a rebuild computes, minus SQLite: every row once into per-account-month counters and histograms. */
export function rebuildPass(raw: RawArrays): number {
  const { tickets: t, surveys: s } = raw;
  const months = new Map<number, Float64Array>();
  const row = (account: number, month: number) => {
    const key = account * 4096 + (month % 4096);
    let r = months.get(key);
    if (!r) months.set(key, (r = new Float64Array(24)));
    return r;
  };
  for (let i = 0; i < t.account.length; i++) {
    const r = row(t.account[i]!, t.month[i]!);
    r[0]!++;
    r[1 + t.priority[i]!]!++;
    if (t.firstResponse[i]! >= 0) r[5]! += slotOf(t.firstResponse[i]!);
    if (t.resolution[i]! >= 0) r[6]! += slotOf(t.resolution[i]!);
    if (t.resolvedMonth[i]! >= 0) row(t.account[i]!, t.resolvedMonth[i]!)[7]!++;
  }
  for (let i = 0; i < s.account.length; i++) if (s.score[i]! >= 0) row(s.account[i]!, s.month[i]!)[8 + Math.min(15, s.score[i]!)]!++;
  return months.size;
}
