import type Database from 'better-sqlite3';
import { addMonths } from '../../../shared/dates';
import { ingest, ingestInSlices, rowidSpan, rowsOf, SLICE, type Columns, type TableRead } from './columns';

/**
 * The dated history the churn features are computed from, read once (one pass per table into typed
 * arrays, columns.ts) and then cut at any number of dates in memory. Every row keeps its dates as
 * epoch milliseconds (NaN when missing), so a feature "as of" a day can take exactly the rows dated
 * before it (a row's current state, such as a ticket resolved later, is read through its dates).
 */

/** Survey kinds as numbers in the typed history. */
export const KIND = { nps: 0, csat: 1, ces: 2, repurchase: 3, nsat: 4 } as const;
const KIND_SQL = `CASE kind ${Object.entries(KIND)
  .map(([kind, code]) => `WHEN '${kind}' THEN ${code}`)
  .join(' ')} ELSE -1 END`;

export interface AccountHistory {
  id: number;
  /** null: unknown (migration 0010); the model reads it as missing (design.ts). */
  segment: string | null;
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

// Times leave SQLite as Unix seconds (`unixepoch(…, 'subsec')`: the stored ISO dates and UTC instants,
// parsed in C, exact to the millisecond) and codes as numbers, so no string crosses into JS.
const at = (column: string) => `unixepoch(${column}, 'subsec')`;
const READS = {
  arr: { table: 'arr_changes', select: `${at('changed_on')}, arr_minor`, where: '1', convert: ['epoch', 'number'] },
  surveys: {
    table: 'survey_responses',
    select: `${at('responded_at')}, ${KIND_SQL}, score`,
    where: 'archived_at IS NULL AND score IS NOT NULL',
    convert: ['epoch', 'number', 'number'],
  },
  tickets: {
    table: 'tickets',
    select: `${at('opened_at')}, ${at('first_response_at')}, ${at('resolved_at')}, priority IN ('high', 'urgent'), csat`,
    where: 'archived_at IS NULL',
    convert: ['epoch', 'epoch', 'epoch', 'number', 'number'],
  },
  touchpoints: { table: 'touchpoints', select: `${at('occurred_at')}, sentiment`, where: 'archived_at IS NULL', convert: ['epoch', 'number'] },
  deployments: {
    table: 'deployments',
    select: `${at('started_at')}, ${at('planned_go_live')}, ${at('actual_go_live')}`,
    where: "archived_at IS NULL AND status <> 'cancelled'",
    convert: ['epoch', 'epoch', 'epoch'],
  },
} as const satisfies Record<string, TableRead>;
type Read = keyof typeof READS;

/** An account's own fields, read live (the kept history, kept.ts, holds only the dated columns). */
export interface AccountRow {
  id: number;
  segment: string | null;
  start: string;
  churnedAt: string | null;
  employeeCount: number | null;
}

export function accountRows(sqlite: Database.Database, only?: number): AccountRow[] {
  return sqlite
    .prepare<unknown[], AccountRow>(
      `SELECT id, segment, coalesce(contract_start, substr(created_at, 1, 10)) AS start, churned_at AS churnedAt, employee_count AS employeeCount
      FROM accounts WHERE archived_at IS NULL AND (? IS NULL OR id = ?) ORDER BY id`,
    )
    .all(only ?? null, only ?? null);
}

function assemble(accounts: readonly AccountRow[], read: Record<Read, Columns>): AccountHistory[] {
  return accounts.map((a, i) => {
    const [on, value] = rowsOf(read.arr, i) as [Float64Array, Float64Array];
    const [at, kind, score] = rowsOf(read.surveys, i) as [Float64Array, Float64Array, Float64Array];
    const [opened, firstResponse, resolved, urgent, csat] = rowsOf(read.tickets, i) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const [touchAt, sentiment] = rowsOf(read.touchpoints, i) as [Float64Array, Float64Array];
    const [started, planned, actual] = rowsOf(read.deployments, i) as [Float64Array, Float64Array, Float64Array];
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

/** How far a whole read has got: rowids covered over every table's rowid span. */
export interface ReadProgress {
  done: number;
  total: number;
}

/**
 * Every account that is not archived, with its dated rows (archived rows left out), read table by
 * table in slices of rowids; yields after each slice, so a job can report and be cancelled between them.
 */
export function* historyInSlices(sqlite: Database.Database, slice = SLICE): Generator<ReadProgress, AccountHistory[]> {
  const accounts = accountRows(sqlite);
  const index = new Map(accounts.map((a, i) => [a.id, i]));
  const names = Object.keys(READS) as Read[];
  const spans = names.map((name) => rowidSpan(sqlite, READS[name].table));
  const total = spans.reduce((s, [first, end]) => s + end - first, 0);
  let before = 0;
  const read = {} as Record<Read, Columns>;
  for (const [k, name] of names.entries()) {
    const slices = ingestInSlices(sqlite, READS[name], index, slice);
    for (let step = slices.next(); ; step = slices.next()) {
      if (step.done) {
        read[name] = step.value;
        break;
      }
      yield { done: before + step.value, total };
    }
    before += spans[k]![1] - spans[k]![0];
  }
  return assemble(accounts, read);
}

/** Runs a generator to its end (the synchronous callers of a read that a job runs in steps). */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Every account's history at once, or one account's (`churn.features`), read through the account_id indexes. */
export function loadHistory(sqlite: Database.Database, only?: number): AccountHistory[] {
  if (only === undefined) return runToEnd(historyInSlices(sqlite));
  const accounts = accountRows(sqlite, only);
  const index = new Map(accounts.map((a, i) => [a.id, i]));
  const read = {} as Record<Read, Columns>;
  for (const name of Object.keys(READS) as Read[]) {
    const { table, select, where, convert } = READS[name];
    read[name] = ingest(sqlite, `SELECT account_id, ${select} FROM ${table} WHERE account_id = ? AND (${where}) ORDER BY rowid`, [only], index, convert);
  }
  return assemble(accounts, read);
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
