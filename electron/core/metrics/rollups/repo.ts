import type Database from 'better-sqlite3';
import { addSurvey, addTicket, addTouchpoint, type Batch, type SurveyRaw, type TicketRaw, type TouchpointRaw } from './build';
import { monthSql, msSql, stmt } from '../../db/sql';

// The raw rows a rollup is built from (archived rows left out), and the rollup tables themselves.

// Months of tickets are computed from their ms in JS (cheaper than SQLite's substr/CAST per row).
const TICKETS = `SELECT account_id, priority, channel, topic, csat, ${msSql('opened_at')}, ${msSql('first_response_at')}, ${msSql('resolved_at')}
  FROM tickets WHERE account_id BETWEEN ? AND ? AND archived_at IS NULL ORDER BY account_id, opened_at`;
const SURVEYS = `SELECT account_id, ${monthSql('responded_at')}, kind, score, non_answer, contact_id
  FROM survey_responses WHERE account_id BETWEEN ? AND ? AND archived_at IS NULL ORDER BY account_id, responded_at, id`;
const TOUCHPOINTS = `SELECT account_id, ${monthSql('occurred_at')}
  FROM touchpoints WHERE account_id BETWEEN ? AND ? AND archived_at IS NULL ORDER BY account_id, occurred_at`;

/**
 * Feeds the raw rows of the accounts with ids in [firstId, lastId] to a batch, streaming each
 * table in turn through its (account_id, time) index: no row array is ever held. Returns the rows read.
 */
export function feedRawRows(sqlite: Database.Database, firstId: number, lastId: number, batch: Batch): number {
  let rows = 0;
  for (const row of stmt(sqlite, TICKETS).raw(true).iterate(firstId, lastId)) {
    addTicket(batch, row as TicketRaw);
    rows++;
  }
  for (const row of stmt(sqlite, SURVEYS).raw(true).iterate(firstId, lastId)) {
    addSurvey(batch, row as SurveyRaw);
    rows++;
  }
  for (const row of stmt(sqlite, TOUCHPOINTS).raw(true).iterate(firstId, lastId)) {
    addTouchpoint(batch, row as TouchpointRaw);
    rows++;
  }
  return rows;
}

/** A rollup row as stored: its month and its BLOB (see codec.ts). */
export interface StoredRow {
  month: number;
  data: Buffer;
}

export const accountRows = (sqlite: Database.Database, accountId: number) =>
  stmt<StoredRow>(sqlite, 'SELECT month, data FROM rollup_account_month WHERE account_id = ? ORDER BY month').all(accountId);

export function putAccountRow(sqlite: Database.Database, accountId: number, row: StoredRow): void {
  stmt(sqlite, 'INSERT OR REPLACE INTO rollup_account_month (account_id, month, data) VALUES (?, ?, ?)').run(accountId, row.month, row.data);
}
export const deleteAccountRow = (sqlite: Database.Database, accountId: number, month: number) =>
  stmt(sqlite, 'DELETE FROM rollup_account_month WHERE account_id = ? AND month = ?').run(accountId, month);

export const segmentRow = (sqlite: Database.Database, segment: string, month: number) =>
  stmt<StoredRow>(sqlite, 'SELECT month, data FROM rollup_segment_month WHERE segment = ? AND month = ?').get(segment, month);

export function putSegmentRow(sqlite: Database.Database, segment: string, row: StoredRow): void {
  stmt(sqlite, 'INSERT OR REPLACE INTO rollup_segment_month (segment, month, data) VALUES (?, ?, ?)').run(segment, row.month, row.data);
}
export const deleteSegmentRow = (sqlite: Database.Database, segment: string, month: number) =>
  stmt(sqlite, 'DELETE FROM rollup_segment_month WHERE segment = ? AND month = ?').run(segment, month);

export const dimensionRow = (sqlite: Database.Database, dimension: string, value: string, segment: string, month: number) =>
  stmt<StoredRow>(sqlite, 'SELECT month, data FROM rollup_dimension_month WHERE dimension = ? AND value = ? AND segment = ? AND month = ?').get(dimension, value, segment, month);

export function putDimensionRow(sqlite: Database.Database, dimension: string, value: string, segment: string, row: StoredRow): void {
  stmt(sqlite, 'INSERT OR REPLACE INTO rollup_dimension_month (dimension, value, segment, month, data) VALUES (?, ?, ?, ?, ?)').run(dimension, value, segment, row.month, row.data);
}
export const deleteDimensionRow = (sqlite: Database.Database, dimension: string, value: string, segment: string, month: number) =>
  stmt(sqlite, 'DELETE FROM rollup_dimension_month WHERE dimension = ? AND value = ? AND segment = ? AND month = ?').run(dimension, value, segment, month);

/** Empties every rollup table (a rebuild refills them): the levels, what accounts are summed under, the facet counts. */
export function clearRollups(sqlite: Database.Database): void {
  for (const table of ['rollup_account_month', 'rollup_segment_month', 'rollup_dimension_month', 'rollup_account_keys', 'rollup_facets', 'rollup_cohort_cell']) {
    sqlite.exec(`DELETE FROM ${table}`);
  }
}

/** Topic text → id, adding the topics not seen before (ids are never reused or renumbered). */
export function topicIds(sqlite: Database.Database, topics: Iterable<string>, known: Map<string, number>): Map<string, number> {
  for (const topic of topics) {
    if (known.has(topic)) continue;
    stmt(sqlite, 'INSERT OR IGNORE INTO rollup_topics (topic) VALUES (?)').run(topic);
    // Inserted just above when missing: the row is there.
    known.set(topic, stmt<number>(sqlite, 'SELECT id FROM rollup_topics WHERE topic = ?').pluck().get(topic)!);
  }
  return known;
}

/** Every topic by id (for reading). */
export const topicNames = (sqlite: Database.Database) => new Map(stmt<[number, string]>(sqlite, 'SELECT id, topic FROM rollup_topics').raw(true).all());
