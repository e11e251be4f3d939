import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';

/**
 * An account's ARR history (arr_changes), appended by every account write that changes its ARR
 * or churn, in the write's transaction. Each row is the level from `changed_on` on; a change made
 * through the app is dated on the day it was made (ctx.now), the start on the contract start.
 */

type Kind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

interface AccountArr {
  id: number;
  arrMinor: number;
  churnedAt: string | null;
  contractStart: string | null;
}

const append = (sqlite: Database.Database, accountId: number, on: string, arr: number, kind: Kind, now: Date) =>
  stmt(sqlite, 'INSERT INTO arr_changes (account_id, changed_on, arr_minor, kind, created_at) VALUES (?, ?, ?, ?, ?)').run(accountId, on, arr, kind, now.toISOString());

const latest = (sqlite: Database.Database, accountId: number) =>
  stmt(sqlite, 'SELECT id, arr_minor AS arr, kind FROM arr_changes WHERE account_id = ? ORDER BY changed_on DESC, id DESC LIMIT 1').get(accountId) as
    { id: number; arr: number; kind: Kind } | undefined;

/** Records what an account write did to its ARR: `before` is null for a new account. */
export function recordArrChange(sqlite: Database.Database, before: AccountArr | null, after: AccountArr, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  if (!before) {
    if (after.arrMinor > 0) append(sqlite, after.id, after.contractStart ?? today, after.arrMinor, 'new', now);
    if (after.arrMinor > 0 && after.churnedAt) append(sqlite, after.id, after.churnedAt, 0, 'churn', now);
    return;
  }
  if (!before.churnedAt && after.churnedAt) {
    append(sqlite, after.id, after.churnedAt, 0, 'churn', now);
    return;
  }
  if (before.churnedAt && after.churnedAt) {
    // A corrected churn date moves the churn, it does not churn twice.
    if (before.churnedAt !== after.churnedAt) {
      stmt(
        sqlite,
        `UPDATE arr_changes SET changed_on = ? WHERE id = (
        SELECT id FROM arr_changes WHERE account_id = ? AND kind = 'churn' ORDER BY changed_on DESC, id DESC LIMIT 1)`,
      ).run(after.churnedAt, after.id);
    }
    return;
  }
  const last = latest(sqlite, after.id);
  const level = last?.arr ?? 0;
  if (before.churnedAt && !after.churnedAt) {
    if (after.arrMinor > 0) append(sqlite, after.id, today, after.arrMinor, 'reactivation', now);
    return;
  }
  if (after.arrMinor === level) return;
  let kind: Kind;
  if (after.arrMinor === 0) kind = 'churn';
  else if (level === 0) kind = last ? 'reactivation' : 'new';
  else kind = after.arrMinor > level ? 'expansion' : 'contraction';
  append(sqlite, after.id, kind === 'new' ? (after.contractStart ?? today) : today, after.arrMinor, kind, now);
}

/**
 * Gives every account without any ARR history the one its row implies (start ARR at the contract
 * start, churn at the churn date), as migration 0002 did for the accounts it found: for accounts
 * written in bulk (the demo generator, an import) without going through the accounts channels.
 */
export function backfillArrHistory(sqlite: Database.Database, now: Date): number {
  const missing = `arr_minor > 0 AND NOT EXISTS (SELECT 1 FROM arr_changes c WHERE c.account_id = accounts.id)`;
  // One statement: SQLite reads the whole SELECT (which reads arr_changes) before it inserts.
  const result = sqlite
    .prepare(
      `INSERT INTO arr_changes (account_id, changed_on, arr_minor, kind, created_at)
        SELECT id, coalesce(contract_start, substr(created_at, 1, 10)), arr_minor, 'new', @now FROM accounts WHERE ${missing}
        UNION ALL
        SELECT id, churned_at, 0, 'churn', @now FROM accounts WHERE churned_at IS NOT NULL AND ${missing}`,
    )
    .run({ now: now.toISOString() });
  return result.changes;
}
