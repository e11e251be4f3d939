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

/** A row of the counting pass: the cell's key, a first-response bucket (null: not answered yet), count, CSAT answers and their sum. */
type CountedRow = [string, number, string, string, string | null, number | null, number, number, number];

const newCell = (c: { segment: string; month: number; channel: string; priority: string; topic: string | null }): TicketCell => ({
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
});

/** Adds one row of the counting pass to its cell in `cells` (by cellKey). */
function addCounted(cells: Map<string, TicketCell>, r: readonly [...CountedRow]): void {
  const key = [r[0], r[1], r[2], r[3], r[4] ?? ''].map(String).join('|');
  let cell = cells.get(key);
  if (!cell) cells.set(key, (cell = newCell({ segment: r[0], month: r[1], channel: r[2], priority: r[3], topic: r[4] })));
  cell.count += r[6];
  cell.csatN += r[7];
  cell.csatSum += r[8];
  if (r[5] === null) return;
  cell.firstResponse.keys.push(Math.min(r[5], TIME_BUCKETS - 1));
  cell.firstResponse.counts.push(r[6]);
}

const GROUP = `a.segment, ${monthSql('t.opened_at')}, t.channel, t.priority, t.topic`;
const COUNTED = `CASE WHEN t.first_response_at IS NULL THEN NULL ELSE ${bucketSql('t.opened_at', 't.first_response_at')} END AS bucket,
      count(*), count(t.csat), coalesce(sum(t.csat), 0)`;

export function loadTicketCells(sqlite: Database.Database, accountId?: number): TicketCell[] {
  const cells = new Map<string, TicketCell>();
  const base = `FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE t.archived_at IS NULL AND a.archived_at IS NULL${accountId ? ' AND t.account_id = ?' : ''}`;
  const args = accountId ? [accountId] : [];
  // One pass gives the counts and the first-response times (a null bucket: not answered yet);
  // resolution times come from a second pass, only when a card needs them (addResolutionTimes).
  // Each is a scan of the tickets: the cold cost of the inputs.
  const counted = stmt<CountedRow>(sqlite, `SELECT ${GROUP}, ${COUNTED} ${base} GROUP BY ${GROUP}, bucket`)
    .raw()
    .all(...args);
  for (const r of counted) addCounted(cells, r);
  return [...cells.values()];
}

// The same two passes for a few accounts at once (the dashboard's at-risk list): one indexed read
// of all their tickets, grouped by account too, instead of one read per account. The ids go in as
// one JSON array so that every list size shares one prepared statement.
const OF_ACCOUNTS = `FROM tickets t JOIN accounts a ON a.id = t.account_id
    WHERE t.account_id IN (SELECT value FROM json_each(?)) AND t.archived_at IS NULL AND a.archived_at IS NULL`;

/** Each listed account's cells, as loadTicketCells(sqlite, id) gives them, read in one pass: account id → cells. */
export function loadTicketCellsOfAccounts(sqlite: Database.Database, accountIds: readonly number[]): Map<number, TicketCell[]> {
  const byAccount = new Map(accountIds.map((id) => [id, new Map<string, TicketCell>()]));
  if (accountIds.length === 0) return new Map();
  const rows = stmt<[number, ...CountedRow]>(sqlite, `SELECT t.account_id, ${GROUP}, ${COUNTED} ${OF_ACCOUNTS} GROUP BY t.account_id, ${GROUP}, bucket`)
    .raw()
    .all(JSON.stringify(accountIds));
  for (const [accountId, ...r] of rows) addCounted(byAccount.get(accountId)!, r);
  return new Map([...byAccount].map(([id, cells]) => [id, [...cells.values()]]));
}

/** Fills the resolution times of loadTicketCellsOfAccounts' cells in place, in one pass for all of them. */
export function addResolutionTimesOfAccounts(sqlite: Database.Database, cellsOf: ReadonlyMap<number, readonly TicketCell[]>): void {
  if (cellsOf.size === 0) return;
  const byKey = new Map([...cellsOf].flatMap(([id, cells]) => cells.map((cell) => [`${id}|${cellKey(cell)}`, cell] as const)));
  const rows = stmt<[number, string, number, string, string, string | null, number, number]>(
    sqlite,
    `SELECT t.account_id, ${GROUP}, ${bucketSql('t.opened_at', 't.resolved_at')} AS bucket, count(*) ${OF_ACCOUNTS} AND t.resolved_at IS NOT NULL
      GROUP BY t.account_id, ${GROUP}, bucket`,
  )
    .raw()
    .all(JSON.stringify([...cellsOf.keys()]));
  for (const r of rows) {
    const times = byKey.get(`${r[0]}|${r[1]}|${r[2]}|${r[3]}|${r[4]}|${r[5] ?? ''}`)?.resolution;
    times?.keys.push(Math.min(r[6], TIME_BUCKETS - 1));
    times?.counts.push(r[7]);
  }
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
    cell = newCell(c);
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
