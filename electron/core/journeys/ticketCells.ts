import type Database from 'better-sqlite3';
import { monthSql, stmt } from '../db/sql';

// The journey map's ticket input: tickets grouped into cells (segment, month, channel, priority,
// topic) with bucketed response and resolution times, read in one scan (loadTicketCells), and one
// ticket's share of its cell (ticketContribution) for keeping the cells in step with a write
// (liveTickets.ts). Both go through the same SQL expressions, so a cell kept in step equals a reread.

/** Ticket times are kept as log-scale buckets: key k holds minutes ≈ 2^(k/8) − 1 (±4.5 %). */
export const TIME_BUCKETS_PER_DOUBLING = 8;
export const minutesOfBucket = (key: number) => 2 ** (key / TIME_BUCKETS_PER_DOUBLING) - 1;
/** Enough buckets for 2^24 minutes (32 years); longer times land in the last. */
export const TIME_BUCKETS = 24 * TIME_BUCKETS_PER_DOUBLING + 1;

/** A sparse histogram of bucketed times: parallel lists of bucket keys and counts. */
export interface SparseTimes {
  keys: number[];
  counts: number[];
}
export const bucketSql = (from: string, to: string) => `CAST(round(log2(1 + max(0, (julianday(${to}) - julianday(${from})) * 1440)) * ${TIME_BUCKETS_PER_DOUBLING}) AS INTEGER)`;

/** Tickets of one segment, month, channel, priority and topic. */
export interface TicketCell {
  segment: string;
  month: number;
  channel: string;
  priority: string;
  topic: string | null;
  /** The topic in lower case, as rules compare it. */
  topicKey: string;
  count: number;
  csatN: number;
  csatSum: number;
  firstResponse: SparseTimes;
  resolution: SparseTimes;
}

export function loadTicketCells(sqlite: Database.Database, accountId?: number): TicketCell[] {
  const cells = new Map<string, TicketCell>();
  const group = `a.segment, ${monthSql('t.opened_at')}, t.channel, t.priority, t.topic`;
  const base = `FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE t.archived_at IS NULL AND a.archived_at IS NULL${accountId ? ' AND t.account_id = ?' : ''}`;
  const args = accountId ? [accountId] : [];
  const keyOf = (r: readonly unknown[]) => [r[0], r[1], r[2], r[3], r[4] ?? ''].map(String).join('|');
  // One pass gives the counts and the first-response times (a null bucket: not answered yet);
  // resolution times come from a second pass, only when a card needs them (addResolutionTimes).
  // Each is a scan of the tickets: the cold cost of the inputs.
  const counted = stmt<[string, number, string, string, string | null, number | null, number, number, number]>(
    sqlite,
    `SELECT ${group}, CASE WHEN t.first_response_at IS NULL THEN NULL ELSE ${bucketSql('t.opened_at', 't.first_response_at')} END AS bucket,
      count(*), count(t.csat), coalesce(sum(t.csat), 0) ${base} GROUP BY ${group}, bucket`,
  )
    .raw()
    .all(...args);
  for (const r of counted) {
    const key = keyOf(r);
    let cell = cells.get(key);
    if (!cell) {
      cells.set(
        key,
        (cell = {
          segment: r[0],
          month: r[1],
          channel: r[2],
          priority: r[3],
          topic: r[4],
          topicKey: (r[4] ?? '').toLowerCase(),
          count: 0,
          csatN: 0,
          csatSum: 0,
          firstResponse: { keys: [], counts: [] },
          resolution: { keys: [], counts: [] },
        }),
      );
    }
    cell.count += r[6];
    cell.csatN += r[7];
    cell.csatSum += r[8];
    if (r[5] === null) continue;
    cell.firstResponse.keys.push(Math.min(r[5], TIME_BUCKETS - 1));
    cell.firstResponse.counts.push(r[6]);
  }
  return [...cells.values()];
}

/** Fills the cells' resolution times in place: a second scan of the tickets. */
export function addResolutionTimes(sqlite: Database.Database, cells: readonly TicketCell[], accountId?: number): void {
  const byKey = new Map(cells.map((cell) => [`${cell.segment}|${cell.month}|${cell.channel}|${cell.priority}|${cell.topic ?? ''}`, cell]));
  const group = `a.segment, ${monthSql('t.opened_at')}, t.channel, t.priority, t.topic`;
  const rows = stmt<[string, number, string, string, string | null, number, number]>(
    sqlite,
    `SELECT ${group}, ${bucketSql('t.opened_at', 't.resolved_at')} AS bucket, count(*)
      FROM tickets t JOIN accounts a ON a.id = t.account_id
      WHERE t.archived_at IS NULL AND a.archived_at IS NULL AND t.resolved_at IS NOT NULL${accountId ? ' AND t.account_id = ?' : ''}
      GROUP BY ${group}, bucket`,
  )
    .raw()
    .all(...(accountId ? [accountId] : []));
  for (const r of rows) {
    const times = byKey.get(`${r[0]}|${r[1]}|${r[2]}|${r[3]}|${r[4] ?? ''}`)?.resolution;
    times?.keys.push(Math.min(r[5], TIME_BUCKETS - 1));
    times?.counts.push(r[6]);
  }
}

/** One ticket's share of its cell: the cell's key, its CSAT answer and its time buckets (null: none). */
export interface TicketContribution {
  segment: string;
  month: number;
  channel: string;
  priority: string;
  topic: string | null;
  csat: number | null;
  firstResponse: number | null;
  resolution: number | null;
}

/** The ticket fields a cell reads, as the tickets contract names them. */
export interface TicketFields {
  accountId: number;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  channel: string;
  priority: string;
  topic: string | null;
  csat: number | null;
  archivedAt: string | null;
}

/**
 * What one ticket (as it is, or as it was before a write) adds to the cells, by the same SQL the
 * scan groups with; null when it counts in none (archived, or its account is).
 */
export function ticketContribution(sqlite: Database.Database, ticket: TicketFields): TicketContribution | null {
  const bucket = (to: string) => `CASE WHEN ${to} IS NULL THEN NULL ELSE min(${bucketSql('t.opened_at', to)}, ${TIME_BUCKETS - 1}) END`;
  const row = stmt<TicketContribution>(
    sqlite,
    `WITH t (account_id, opened_at, first_response_at, resolved_at, channel, priority, topic, csat, archived_at) AS (VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))
    SELECT a.segment, ${monthSql('t.opened_at')} AS month, t.channel, t.priority, t.topic, t.csat,
      ${bucket('t.first_response_at')} AS firstResponse, ${bucket('t.resolved_at')} AS resolution
    FROM t JOIN accounts a ON a.id = t.account_id WHERE t.archived_at IS NULL AND a.archived_at IS NULL`,
  ).get(ticket.accountId, ticket.openedAt, ticket.firstResponseAt, ticket.resolvedAt, ticket.channel, ticket.priority, ticket.topic, ticket.csat, ticket.archivedAt);
  return row ?? null;
}

export const cellKey = (c: { segment: string; month: number; channel: string; priority: string; topic: string | null }) =>
  `${c.segment}|${c.month}|${c.channel}|${c.priority}|${c.topic ?? ''}`;

function addTo(times: SparseTimes, key: number, sign: number): void {
  const i = times.keys.indexOf(key);
  if (i < 0) {
    times.keys.push(key);
    times.counts.push(sign);
  } else if ((times.counts[i]! += sign) === 0) {
    times.keys.splice(i, 1);
    times.counts.splice(i, 1);
  }
}

/**
 * Adds (sign 1) or takes away (−1) one ticket's share, creating its cell when new. `resolution`
 * says whether the cells hold resolution times yet (they are read only when a card needs them).
 */
export function applyContribution(cells: TicketCell[], byKey: Map<string, TicketCell>, c: TicketContribution, sign: 1 | -1, resolution: boolean): void {
  const key = cellKey(c);
  let cell = byKey.get(key);
  if (!cell) {
    cell = {
      segment: c.segment,
      month: c.month,
      channel: c.channel,
      priority: c.priority,
      topic: c.topic,
      topicKey: (c.topic ?? '').toLowerCase(),
      count: 0,
      csatN: 0,
      csatSum: 0,
      firstResponse: { keys: [], counts: [] },
      resolution: { keys: [], counts: [] },
    };
    byKey.set(key, cell);
    cells.push(cell);
  }
  cell.count += sign;
  if (c.csat !== null) {
    cell.csatN += sign;
    cell.csatSum += sign * c.csat;
  }
  if (c.firstResponse !== null) addTo(cell.firstResponse, c.firstResponse, sign);
  if (resolution && c.resolution !== null) addTo(cell.resolution, c.resolution, sign);
}
