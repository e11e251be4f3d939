import type Database from 'better-sqlite3';
import { stmt } from '../../db/sql';
import { monthOfDate } from '../period';
import type { RollupSource } from '../repo';
import { cellsOf, sameKeys, type AccountKeys, type Cell } from './dimensions';

/**
 * The cohort cells (migration 0013): per cell (the segment level, or a dimension value within a
 * segment, as the rollups' cells) how many counting accounts started in one month and churned in
 * another. Kept by every write to an account (syncAccountKeys moves one count) and by the full
 * rebuild (cellsBuild.ts); read by the dashboard for logo churn, the customer count and the cohort
 * curves (metrics/cohortFigures.ts), which are sums of these counts.
 */

/** churn_month of an account that has not churned: "a customer at month m" is churn_month >= m. */
export const NEVER = 2_147_483_647;

/** An account's start and churn month, as counted. */
export interface Span {
  startMonth: number;
  churnMonth: number;
}

/** [start month, churn month, accounts]: the rows a dashboard sums. */
export type SpanCount = [startMonth: number, churnMonth: number, accounts: number];

/** As the dashboard's accounts read them (metrics/repo.ts): the contract start, or the day the account was created. */
export const SPAN_SQL = `coalesce(contract_start, substr(created_at, 1, 10)) AS start, churned_at AS churnedAt`;

export const spanOf = (start: string, churnedAt: string | null): Span => ({ startMonth: monthOfDate(start), churnMonth: churnedAt === null ? NEVER : monthOfDate(churnedAt) });

const sameSpan = (a: Span | null, b: Span | null) => (a === null || b === null ? a === b : a.startMonth === b.startMonth && a.churnMonth === b.churnMonth);

/** The cell's columns in rollup_cohort_cell: the segment level is dimension '' and value ''. */
export const cohortColumns = (cell: Cell): [dimension: string, value: string, segment: string] =>
  cell.level === 'segment' ? ['', '', cell.segment] : [cell.dimension, cell.value, cell.segment];

function currentSpan(sqlite: Database.Database, accountId: number): Span | null {
  const row = stmt<{ start: string; churnedAt: string | null }>(sqlite, `SELECT ${SPAN_SQL} FROM accounts WHERE id = ? AND archived_at IS NULL`).get(accountId);
  return row ? spanOf(row.start, row.churnedAt) : null;
}

function storedSpan(sqlite: Database.Database, accountId: number): Span | null {
  const row = stmt<{ startMonth: number | null; churnMonth: number | null }>(
    sqlite,
    'SELECT start_month AS startMonth, churn_month AS churnMonth FROM rollup_account_keys WHERE account_id = ?',
  ).get(accountId);
  return row && row.startMonth !== null && row.churnMonth !== null ? { startMonth: row.startMonth, churnMonth: row.churnMonth } : null;
}

function count(sqlite: Database.Database, keys: AccountKeys, span: Span, by: number): void {
  for (const cell of cellsOf(keys)) {
    const key = [...cohortColumns(cell), span.startMonth, span.churnMonth];
    stmt(
      sqlite,
      `INSERT INTO rollup_cohort_cell (dimension, value, segment, start_month, churn_month, accounts) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (dimension, value, segment, start_month, churn_month) DO UPDATE SET accounts = accounts + excluded.accounts`,
    ).run(...key, by);
    if (by < 0)
      stmt(sqlite, 'DELETE FROM rollup_cohort_cell WHERE dimension = ? AND value = ? AND segment = ? AND start_month = ? AND churn_month = ? AND accounts <= 0').run(...key);
  }
}

/** Both spans of an account: as stored beside its keys (read before the keys row is rewritten) and as it is now. */
export const spansOf = (sqlite: Database.Database, accountId: number) => ({ before: storedSpan(sqlite, accountId), after: currentSpan(sqlite, accountId) });

/**
 * Moves the account's one count from its old cell and span to its new ones, and records the span
 * beside its keys (call after the keys row is written: writeKeys replaces it). A no-op when neither changed.
 */
export function moveCohortCount(
  sqlite: Database.Database,
  accountId: number,
  keys: { before: AccountKeys | null; after: AccountKeys | null },
  spans: { before: Span | null; after: Span | null },
): void {
  if (sameKeys(keys.before, keys.after) && sameSpan(spans.before, spans.after)) return;
  if (keys.before && spans.before) count(sqlite, keys.before, spans.before, -1);
  if (keys.after && spans.after) {
    count(sqlite, keys.after, spans.after, 1);
    stmt(sqlite, 'UPDATE rollup_account_keys SET start_month = ?, churn_month = ? WHERE account_id = ?').run(spans.after.startMonth, spans.after.churnMonth, accountId);
  }
}

/**
 * The summed counts of the cells that answer a source (a segment filter, or one dimension with or
 * without segments), or null for a filter on two dimensions at once (the caller walks its accounts).
 */
export function cohortCounts(sqlite: Database.Database, source: RollupSource): SpanCount[] | null {
  if (source.level === 'account') return null;
  const segments = source.segments ?? [];
  const list = (values: readonly string[]) => values.map(() => '?').join(',');
  const inSegments = segments.length > 0 ? ` AND segment IN (${list(segments)})` : '';
  const [where, params] = source.level === 'segment' ? [`dimension = ''`, []] : [`dimension = ? AND value IN (${list(source.values)})`, [source.dimension, ...source.values]];
  return stmt<SpanCount>(sqlite, `SELECT start_month, churn_month, sum(accounts) FROM rollup_cohort_cell WHERE ${where}${inSegments} GROUP BY start_month, churn_month`)
    .raw(true)
    .all(...params, ...segments);
}
