import type Database from 'better-sqlite3';
import { addMonths } from '../../../shared/dates';
import { ingest, rowsOf, type Convert } from './columns';

/**
 * The dated history the churn features are computed from, read once (one pass per table into typed
 * arrays, columns.ts) and then cut at any number of dates in memory. Every row keeps its dates as
 * epoch milliseconds (NaN when missing), so a feature "as of" a day can take exactly the rows dated
 * before it (a row's current state, such as a ticket resolved later, is read through its dates).
 */

/** Survey kinds as numbers in the typed history. */
export const KIND = { nps: 0, csat: 1, ces: 2, repurchase: 3, nsat: 4 } as const;
const kindCode = (v: unknown) => (typeof v === 'string' && v in KIND ? KIND[v as keyof typeof KIND] : -1);

export interface AccountHistory {
  id: number;
  segment: string;
  /** Customer since: the contract start, or the day the account was created. */
  start: string;
  churnedAt: string | null;
  employeeCount: number | null;
  /** ARR changes in date order (ties in the order written). */
  arr: { on: Float64Array; value: Float64Array };
  /** Answers with a score, in time order; kind as KIND. */
  surveys: { at: Float64Array; kind: Float64Array; score: Float64Array };
  /** urgent: 1 for high or urgent priority. */
  tickets: { opened: Float64Array; firstResponse: Float64Array; resolved: Float64Array; urgent: Float64Array; csat: Float64Array };
  touchpoints: { at: Float64Array; sentiment: Float64Array };
  deployments: { started: Float64Array; planned: Float64Array; actual: Float64Array };
}

const urgentCode = (v: unknown) => (v === 'high' || v === 'urgent' ? 1 : 0);

/** Every account that is not archived, with its dated rows (archived rows left out). */
export function loadHistory(sqlite: Database.Database, only?: number): AccountHistory[] {
  const accounts = sqlite
    .prepare<unknown[], { id: number; segment: string; start: string; churnedAt: string | null; employeeCount: number | null }>(
      `SELECT id, segment, coalesce(contract_start, substr(created_at, 1, 10)) AS start, churned_at AS churnedAt, employee_count AS employeeCount
      FROM accounts WHERE archived_at IS NULL AND (? IS NULL OR id = ?) ORDER BY id`,
    )
    .all(only ?? null, only ?? null);
  const index = new Map(accounts.map((a, i) => [a.id, i]));
  // One account (churn.features) reads through the account_id indexes; all of them scan each table once.
  const where = (w: string) => `${w}${only === undefined ? '' : ' AND account_id = ?'}`;
  const params = only === undefined ? [] : [only];
  const read = (sql: string, convert: Convert[]) => ingest(sqlite, sql, params, index, convert);
  const arr = read(`SELECT account_id, changed_on, arr_minor FROM arr_changes WHERE ${where('1')} ORDER BY id`, ['time', 'number']);
  const surveys = read(`SELECT account_id, responded_at, kind, score FROM survey_responses WHERE ${where('archived_at IS NULL AND score IS NOT NULL')}`, [
    'time',
    kindCode,
    'number',
  ]);
  const tickets = read(`SELECT account_id, opened_at, first_response_at, resolved_at, priority, csat FROM tickets WHERE ${where('archived_at IS NULL')}`, [
    'time',
    'time',
    'time',
    urgentCode,
    'number',
  ]);
  const touchpoints = read(`SELECT account_id, occurred_at, sentiment FROM touchpoints WHERE ${where('archived_at IS NULL')}`, ['time', 'number']);
  const deployments = read(`SELECT account_id, started_at, planned_go_live, actual_go_live FROM deployments WHERE ${where("archived_at IS NULL AND status <> 'cancelled'")}`, [
    'time',
    'time',
    'time',
  ]);
  return accounts.map((a, i) => {
    const [on, value] = rowsOf(arr, i) as [Float64Array, Float64Array];
    const [at, kind, score] = rowsOf(surveys, i) as [Float64Array, Float64Array, Float64Array];
    const [opened, firstResponse, resolved, urgent, csat] = rowsOf(tickets, i) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const [touchAt, sentiment] = rowsOf(touchpoints, i) as [Float64Array, Float64Array];
    const [started, planned, actual] = rowsOf(deployments, i) as [Float64Array, Float64Array, Float64Array];
    return {
      ...a,
      arr: { on, value },
      surveys: { at, kind, score },
      tickets: { opened, firstResponse, resolved, urgent, csat },
      touchpoints: { at: touchAt, sentiment },
      deployments: { started, planned, actual },
    };
  });
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
