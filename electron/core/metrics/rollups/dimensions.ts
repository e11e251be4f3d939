import type Database from 'better-sqlite3';
import { stmt } from '../../db/sql';

/**
 * The account-level dimensions a dashboard filter may name, each summed per value, segment and
 * month in rollup_dimension_month (migration 0007), and what an account is summed under (its keys).
 * Keys are the filter's names (MetricsFilter), so a filter maps onto the level without translation.
 */
export const DIMENSIONS = ['industry', 'region', 'owner', 'lifecycleStage'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a counting (not archived) account's rows are summed under. Null values are summed under nothing. */
export interface AccountKeys {
  segment: string;
  industry: string | null;
  region: string | null;
  owner: string | null;
  lifecycleStage: string | null;
}

/** One sum an account's rows go into: the segment level, or one dimension value within a segment. */
export type Cell = { level: 'segment'; segment: string } | { level: 'dimension'; dimension: Dimension; value: string; segment: string };

export const cellKey = (cell: Cell) => (cell.level === 'segment' ? `s\u0000${cell.segment}` : `d\u0000${cell.dimension}\u0000${cell.value}\u0000${cell.segment}`);

/** The cells an account with these keys counts in. */
export function cellsOf(keys: AccountKeys | null): Cell[] {
  if (!keys) return [];
  const cells: Cell[] = [{ level: 'segment', segment: keys.segment }];
  for (const dimension of DIMENSIONS) {
    const value = keys[dimension];
    if (value !== null) cells.push({ level: 'dimension', dimension, value, segment: keys.segment });
  }
  return cells;
}

/** The facet lists kept in rollup_facets: the accounts table's filters (and the lifecycle stage). */
export const FACETS = ['segment', ...DIMENSIONS] as const;
export type Facet = (typeof FACETS)[number];

// An account without a segment is summed under NO_SEGMENT ('', shared/contract/accounts.ts): the key columns are NOT NULL.
const KEYS = `coalesce(segment, '') AS segment, industry, region, owner, lifecycle_stage AS lifecycleStage`;

/** The account's keys now, or null when it does not count (archived, or gone). */
export function currentKeys(sqlite: Database.Database, accountId: number): AccountKeys | null {
  return stmt<AccountKeys>(sqlite, `SELECT ${KEYS} FROM accounts WHERE id = ? AND archived_at IS NULL`).get(accountId) ?? null;
}

/** The keys its rows are summed under in the rollups, or null when they are summed under none. */
export function storedKeys(sqlite: Database.Database, accountId: number): AccountKeys | null {
  return stmt<AccountKeys>(sqlite, `SELECT ${KEYS} FROM rollup_account_keys WHERE account_id = ?`).get(accountId) ?? null;
}

export function sameKeys(a: AccountKeys | null, b: AccountKeys | null): boolean {
  if (a === null || b === null) return a === b;
  return FACETS.every((key) => a[key] === b[key]);
}

/** Records (or, with null, forgets) what the account's rows are summed under, and moves the facet counts with it. */
export function writeKeys(sqlite: Database.Database, accountId: number, before: AccountKeys | null, after: AccountKeys | null): void {
  if (after) {
    stmt(sqlite, 'INSERT OR REPLACE INTO rollup_account_keys (account_id, segment, industry, region, owner, lifecycle_stage) VALUES (?, ?, ?, ?, ?, ?)').run(
      accountId,
      after.segment,
      after.industry,
      after.region,
      after.owner,
      after.lifecycleStage,
    );
  } else {
    stmt(sqlite, 'DELETE FROM rollup_account_keys WHERE account_id = ?').run(accountId);
  }
  for (const facet of FACETS) {
    if (before?.[facet] === after?.[facet]) continue;
    if (before && before[facet] !== null) countFacet(sqlite, facet, before[facet], -1);
    if (after && after[facet] !== null) countFacet(sqlite, facet, after[facet], 1);
  }
}

/** Adds `by` accounts to a facet value; a value no account has any more leaves the list. */
export function countFacet(sqlite: Database.Database, facet: Facet, value: string, by: number): void {
  stmt(
    sqlite,
    `INSERT INTO rollup_facets (dimension, value, accounts) VALUES (?, ?, ?)
    ON CONFLICT (dimension, value) DO UPDATE SET accounts = accounts + excluded.accounts`,
  ).run(facet, value, by);
  stmt(sqlite, 'DELETE FROM rollup_facets WHERE dimension = ? AND value = ? AND accounts <= 0').run(facet, value);
}

/** A facet's values in order (the accounts table's filter lists). */
export const facetValues = (sqlite: Database.Database, facet: Facet): string[] =>
  stmt<string>(sqlite, 'SELECT value FROM rollup_facets WHERE dimension = ? AND accounts > 0 ORDER BY value').pluck().all(facet);
