import type Database from 'better-sqlite3';
import { ownerKeys, type Identity } from '../../../shared/contract/identity';
import { CoreError } from '../errors';

/** The dashboard's account filters (contract `accountScope`: metrics.portfolio's names). */
export interface AccountScope {
  segment?: string[];
  industry?: string[];
  region?: string[];
  owner?: string[];
  lifecycleStage?: string[];
  mine?: boolean;
}

const FIELDS = [
  ['segment', 'segment'],
  ['industry', 'industry'],
  ['region', 'region'],
  ['owner', 'owner'],
  ['lifecycleStage', 'lifecycle_stage'],
] as const;

/**
 * The ids of the accounts the filters keep, by their attributes today (as the dashboard's other
 * cards and the at-risk list filter), or null when no filter is set. "My accounts" is the owners
 * written as my name or e-mail (accounts' own rule); without an identity it is an error that says so.
 */
export function scopedAccountIds(sqlite: Database.Database, scope: AccountScope, identity: Identity | null): Set<number> | null {
  const where: string[] = [];
  const params: string[] = [];
  const within = (column: string, values: readonly string[]) => {
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  for (const [field, column] of FIELDS) {
    const values = scope[field];
    if (values?.length) within(column, values);
  }
  if (scope.mine) {
    if (!identity) throw new CoreError('BAD_INPUT', 'mine: say who you are first (Settings › Who am I), so Fulcrum knows which accounts are yours');
    within('lower(trim(owner))', ownerKeys(identity));
  }
  if (where.length === 0) return null;
  const ids = sqlite
    .prepare(`SELECT id FROM accounts WHERE archived_at IS NULL AND ${where.join(' AND ')}`)
    .pluck()
    .all(...params) as number[];
  return new Set(ids);
}
