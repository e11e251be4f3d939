import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { DIMENSIONS, type Dimension } from './rollups/dimensions';

// The SQL of the metrics services: accounts and ARR history (exact, small tables), and the
// rollups for a filter (the big tables are never read raw on the dashboard's path).

export interface MetricsFilter {
  segment?: string[];
  industry?: string[];
  region?: string[];
  owner?: string[];
  lifecycleStage?: string[];
}

export interface AccountFacts {
  id: number;
  name: string;
  segment: string;
  industry: string | null;
  region: string | null;
  owner: string | null;
  lifecycleStage: string;
  /** Customer since: the contract start, or the day the account was created. */
  start: string;
  churnedAt: string | null;
  arrMinor: number;
  currency: string;
  grossMarginPct: number | null;
  renewalDate: string | null;
}

// No segment reads as NO_SEGMENT (''), the key the rollups and filters use for it (shared/contract/accounts.ts).
const ACCOUNT_FACTS = `SELECT id, name, coalesce(segment, '') AS segment, industry, region, owner, lifecycle_stage AS lifecycleStage,
    coalesce(contract_start, substr(created_at, 1, 10)) AS start, churned_at AS churnedAt, arr_minor AS arrMinor,
    currency, gross_margin_pct AS grossMarginPct, renewal_date AS renewalDate
  FROM accounts`;

/** Every account that is not archived (20,000 rows is a few milliseconds; filters run in JS on them). */
export const loadAccounts = (sqlite: Database.Database) => stmt<AccountFacts>(sqlite, `${ACCOUNT_FACTS} WHERE archived_at IS NULL`).all();

export const loadAccount = (sqlite: Database.Database, id: number) => stmt<AccountFacts>(sqlite, `${ACCOUNT_FACTS} WHERE id = ?`).get(id);

/** One account as loadAccounts reads it, or undefined when it is archived (or gone). */
export const loadCurrentAccount = (sqlite: Database.Database, id: number) => stmt<AccountFacts>(sqlite, `${ACCOUNT_FACTS} WHERE id = ? AND archived_at IS NULL`).get(id);

const FILTER_COLUMNS: Record<keyof MetricsFilter, keyof AccountFacts> = {
  segment: 'segment',
  industry: 'industry',
  region: 'region',
  owner: 'owner',
  lifecycleStage: 'lifecycleStage',
};

export function matches(account: AccountFacts, filter: MetricsFilter): boolean {
  for (const [key, values] of Object.entries(filter) as [keyof MetricsFilter, string[] | undefined][]) {
    if (values && values.length > 0 && !values.includes(account[FILTER_COLUMNS[key]] as string)) return false;
  }
  return true;
}

/** The ARR history in (account, date) order: [account_id, changed_on, arr_minor]. */
export const loadArrChanges = (sqlite: Database.Database) =>
  stmt<[number, string, number]>(sqlite, 'SELECT account_id, changed_on, arr_minor FROM arr_changes ORDER BY account_id, changed_on, id').raw(true).all();

/** One account's ARR history, as loadArrChanges orders it. */
export const loadArrChangesOf = (sqlite: Database.Database, accountId: number) =>
  stmt<[number, string, number]>(sqlite, 'SELECT account_id, changed_on, arr_minor FROM arr_changes WHERE account_id = ? ORDER BY changed_on, id').raw(true).all(accountId);

export type RollupSource =
  { level: 'segment'; segments?: string[] } | { level: 'dimension'; dimension: Dimension; values: string[]; segments?: string[] } | { level: 'account'; filter: MetricsFilter };

/**
 * The smallest level that answers the filter: none or segments only read the segment level; one
 * account-level dimension (region, owner — "my accounts" —, lifecycle stage or industry), with or
 * without segments, reads the dimension level (values × segments × months rows); only a filter on
 * two of those dimensions at once reads the matching accounts' rows.
 */
export function sourceFor(filter: MetricsFilter): RollupSource {
  const named = DIMENSIONS.filter((key) => (filter[key]?.length ?? 0) > 0);
  if (named.length === 0) return { level: 'segment', segments: filter.segment };
  if (named.length === 1) return { level: 'dimension', dimension: named[0]!, values: filter[named[0]!]!, segments: filter.segment };
  return { level: 'account', filter };
}

function accountWhere(filter: MetricsFilter): { sql: string; params: string[] } {
  const parts = ['a.archived_at IS NULL'];
  const params: string[] = [];
  for (const [key, column] of [
    ['segment', 'segment'],
    ['industry', 'industry'],
    ['region', 'region'],
    ['owner', 'owner'],
    ['lifecycleStage', 'lifecycle_stage'],
  ] as const) {
    const values = filter[key];
    if (!values || values.length === 0) continue;
    const ref = column === 'segment' ? `coalesce(a.segment, '')` : `a.${column}`;
    parts.push(`${ref} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  }
  return { sql: parts.join(' AND '), params };
}

export type RollupRowRaw = [segment: string, month: number, data: Buffer];

/** Every rollup row of the source before `toMonth`. */
export function rollupRows(sqlite: Database.Database, source: RollupSource, toMonth: number): Iterable<RollupRowRaw> {
  const list = (values: readonly string[]) => values.map(() => '?').join(',');
  if (source.level === 'segment') {
    const segments = source.segments ?? [];
    const where = segments.length > 0 ? ` AND segment IN (${list(segments)})` : '';
    return stmt<RollupRowRaw>(sqlite, `SELECT segment, month, data FROM rollup_segment_month WHERE month < ?${where}`)
      .raw(true)
      .iterate(toMonth, ...segments);
  }
  if (source.level === 'dimension') {
    const segments = source.segments ?? [];
    const where = segments.length > 0 ? ` AND segment IN (${list(segments)})` : '';
    return stmt<RollupRowRaw>(sqlite, `SELECT segment, month, data FROM rollup_dimension_month WHERE dimension = ? AND value IN (${list(source.values)})${where} AND month < ?`)
      .raw(true)
      .iterate(source.dimension, ...source.values, ...segments, toMonth);
  }
  const { sql, params } = accountWhere(source.filter);
  return stmt<RollupRowRaw>(
    sqlite,
    `SELECT a.segment, r.month, r.data FROM accounts a JOIN rollup_account_month r ON r.account_id = a.id
    WHERE ${sql} AND r.month < ?`,
  )
    .raw(true)
    .iterate(...params, toMonth);
}

/** One account's rollup rows in [fromMonth, toMonth), and all before for its backlog. */
export const accountRollupRows = (sqlite: Database.Database, accountId: number, toMonth: number) =>
  stmt<RollupRowRaw>(sqlite, "SELECT '', month, data FROM rollup_account_month WHERE account_id = ? AND month < ?").raw(true).all(accountId, toMonth);

/** An account's survey answers in a window, newest first (the account page's history). */
export const surveyHistory = (sqlite: Database.Database, accountId: number, from: string, to: string, limit: number) =>
  stmt<{ respondedAt: string; kind: string; score: number | null }>(
    sqlite,
    `SELECT responded_at AS respondedAt, kind, score FROM survey_responses
    WHERE account_id = ? AND responded_at >= ? AND responded_at < ? AND archived_at IS NULL ORDER BY responded_at DESC LIMIT ?`,
  ).all(accountId, from, to, limit);
