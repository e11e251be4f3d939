import type Database from 'better-sqlite3';
import { addMonths } from '../../../shared/dates';

/**
 * The dated history the churn features are computed from, read once per training (a few grouped
 * scans) and then cut at any number of dates in memory. Every row keeps its dates, so a feature
 * "as of" a day can take exactly the rows dated before it (history is append-only in practice, but
 * a row's current state, such as a ticket resolved later, is read through its dates, never as is).
 */

export interface AccountHistory {
  id: number;
  segment: string;
  /** Customer since: the contract start, or the day the account was created. */
  start: string;
  churnedAt: string | null;
  employeeCount: number | null;
  /** [changed_on, arr_minor], in date order. */
  arr: [string, number][];
  /** [responded_at, kind, score], in time order. */
  surveys: [string, string, number][];
  /** [opened_at, first_response_at, resolved_at, priority, csat]. */
  tickets: [string, string | null, string | null, string, number | null][];
  /** [occurred_at, sentiment]. */
  touchpoints: [string, number | null][];
  /** [started_at, planned_go_live, actual_go_live]. */
  deployments: [string | null, string | null, string | null][];
}

/** Runs `SELECT account_id, … FROM … WHERE <where> [AND account_id = ?] [<order>]` and files each row under its account. */
function grouped<Row extends unknown[]>(
  sqlite: Database.Database,
  query: { select: string; where: string; order?: string },
  only: number | undefined,
  into: Map<number, AccountHistory>,
  pick: (h: AccountHistory) => Row[],
): void {
  const text = `SELECT account_id, ${query.select} WHERE ${query.where}${only === undefined ? '' : ' AND account_id = ?'}${query.order ? ` ORDER BY ${query.order}` : ''}`;
  const rows = sqlite
    .prepare(text)
    .raw(true)
    .iterate(...(only === undefined ? [] : [only])) as Iterable<[number, ...unknown[]]>;
  for (const [accountId, ...rest] of rows) {
    const history = into.get(accountId);
    if (history) pick(history).push(rest as Row);
  }
}

/** Every account that is not archived, with its dated rows (archived rows left out). */
export function loadHistory(sqlite: Database.Database, only?: number): AccountHistory[] {
  const accounts = sqlite
    .prepare<unknown[], { id: number; segment: string; start: string; churnedAt: string | null; employeeCount: number | null }>(
      `SELECT id, segment, coalesce(contract_start, substr(created_at, 1, 10)) AS start, churned_at AS churnedAt, employee_count AS employeeCount
      FROM accounts WHERE archived_at IS NULL AND (? IS NULL OR id = ?) ORDER BY id`,
    )
    .all(only ?? null, only ?? null);
  const byId = new Map(accounts.map((a) => [a.id, { ...a, arr: [], surveys: [], tickets: [], touchpoints: [], deployments: [] }]));
  // One account (churn.features) reads through the account_id indexes; all of them scan each table once.
  grouped(sqlite, { select: 'changed_on, arr_minor FROM arr_changes', where: '1', order: 'account_id, changed_on, id' }, only, byId, (h) => h.arr);
  grouped(
    sqlite,
    { select: 'responded_at, kind, score FROM survey_responses', where: 'archived_at IS NULL AND score IS NOT NULL', order: 'account_id, responded_at' },
    only,
    byId,
    (h) => h.surveys,
  );
  grouped(sqlite, { select: 'opened_at, first_response_at, resolved_at, priority, csat FROM tickets', where: 'archived_at IS NULL' }, only, byId, (h) => h.tickets);
  grouped(sqlite, { select: 'occurred_at, sentiment FROM touchpoints', where: 'archived_at IS NULL' }, only, byId, (h) => h.touchpoints);
  grouped(
    sqlite,
    { select: 'started_at, planned_go_live, actual_go_live FROM deployments', where: "archived_at IS NULL AND status <> 'cancelled'" },
    only,
    byId,
    (h) => h.deployments,
  );
  return [...byId.values()];
}

/** A customer on a day: started before it and not churned before it (metrics' own rule). */
export const isCustomerAt = (a: Pick<AccountHistory, 'start' | 'churnedAt'>, day: string) => a.start < day && (a.churnedAt === null || a.churnedAt >= day);

/** The first contract anniversary on or after the day (yearly terms, as the renewal rate assumes). */
export function nextRenewal(start: string, day: string): string {
  let years = Math.max(1, Math.floor((Date.parse(day) - Date.parse(start)) / (365.25 * 86_400_000)));
  while (addMonths(start, 12 * years) < day) years++;
  while (years > 1 && addMonths(start, 12 * (years - 1)) >= day) years--;
  return addMonths(start, 12 * years);
}

export const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The label as of a day: did the customer churn before its next renewal plus `graceDays` (churn at
 * the renewal or soon after it)? `end` is when the answer is known: a label counts only once `end`
 * has passed.
 */
export function labelAt(a: Pick<AccountHistory, 'start' | 'churnedAt'>, day: string, graceDays: number): { churned: boolean; end: string } {
  const end = addDays(nextRenewal(a.start, day), graceDays + 1);
  return { churned: a.churnedAt !== null && a.churnedAt >= day && a.churnedAt < end, end };
}
