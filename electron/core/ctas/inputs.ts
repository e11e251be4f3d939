import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { snapshotBefore } from '../health/snapshots';
import { reasonSentence } from '../health/reasons';
import { momentFindingsOfAccount, momentFindingsOfAccounts, type MomentFinding } from '../journeys/momentsOfTruth';
import { resolveScope } from '../journeys/scope';
import { DETRACTOR_DAYS, REQUEST_DAYS, type Band, type RuleInputs } from './rules';

// The rules' inputs, read from what health reads (its current snapshot, the answers, touchpoints,
// deployments, the renewal date) plus the journey's moments of truth and approved reference
// requests: for one account after a write, or for every current customer in a handful of grouped
// queries for the daily pass.

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`) - days * DAY_MS).toISOString();

const SNAPSHOT = 'SELECT band, taken_at AS takenAt FROM health_snapshots WHERE account_id = ? AND current = 1';
const DETRACTORS = `SELECT s.id, s.account_id AS accountId, s.responded_at AS respondedAt, s.score, c.name AS contactName
  FROM survey_responses s LEFT JOIN contacts c ON c.id = s.contact_id
  WHERE s.kind = 'nps' AND s.score <= 6 AND s.archived_at IS NULL AND s.responded_at >= ?`;
const DEPLOYMENTS = `SELECT id, account_id AS accountId, product, status, planned_go_live AS plannedGoLive FROM deployments
  WHERE archived_at IS NULL AND status NOT IN ('live', 'cancelled') AND actual_go_live IS NULL AND planned_go_live IS NOT NULL`;
const REQUESTS = `SELECT q.id, r.account_id AS accountId, q.activity, q.approved_at AS approvedAt, q.approved_by AS approvedBy, q.requester
  FROM reference_requests q JOIN "references" r ON r.id = q.reference_id
  WHERE q.status IN ('approved', 'scheduled') AND q.approved_at IS NOT NULL AND q.approved_at >= ?`;

type Detractor = RuleInputs['detractors'][number] & { accountId: number };
type Deployment = RuleInputs['pendingDeployments'][number] & { accountId: number };
type Request = RuleInputs['approvedRequests'][number] & { accountId: number };

const strip = <T extends { accountId: number }>({ accountId: _, ...rest }: T) => rest;

/** The band of the latest snapshot from a day before `takenAt`'s: health's own previous point of the trend. */
const previousBand = (sqlite: Database.Database, accountId: number, takenAt: string): Band | null =>
  snapshotBefore(sqlite, accountId, `${takenAt.slice(0, 10)}T00:00:00.000Z`)?.band ?? null;

/** One account's inputs (after a write); undefined when it is not a current customer (archived or churned). */
export function accountRuleInputs(sqlite: Database.Database, accountId: number, now: Date): RuleInputs | undefined {
  const account = stmt<{ renewalDate: string | null }>(sqlite, 'SELECT renewal_date AS renewalDate FROM accounts WHERE id = ? AND archived_at IS NULL AND churned_at IS NULL').get(
    accountId,
  );
  if (!account) return undefined;
  const health = stmt<{ band: Band; takenAt: string }>(sqlite, SNAPSHOT).get(accountId) ?? null;
  return {
    accountId,
    today: now.toISOString().slice(0, 10),
    health,
    previousBand: health ? previousBand(sqlite, accountId, health.takenAt) : null,
    detractors: stmt<Detractor>(sqlite, `${DETRACTORS} AND s.account_id = ?`).all(daysBefore(now, DETRACTOR_DAYS), accountId).map(strip),
    momentsBelowTarget: momentFindingsOfAccount(sqlite, accountId, resolveScope({}, now).measure).map(reasonSentence),
    renewalDate: account.renewalDate,
    lastTouchpointAt: stmt<string | null>(sqlite, 'SELECT max(occurred_at) FROM touchpoints WHERE account_id = ? AND archived_at IS NULL').pluck().get(accountId) ?? null,
    pendingDeployments: stmt<Deployment>(sqlite, `${DEPLOYMENTS} AND account_id = ?`).all(accountId).map(strip),
    approvedRequests: stmt<Request>(sqlite, `${REQUESTS} AND r.account_id = ?`).all(daysBefore(now, REQUEST_DAYS), accountId).map(strip),
  };
}

function groupBy<T extends { accountId: number }>(rows: T[]): Map<number, Omit<T, 'accountId'>[]> {
  const out = new Map<number, Omit<T, 'accountId'>[]>();
  for (const row of rows) {
    const list = out.get(row.accountId);
    if (list) list.push(strip(row));
    else out.set(row.accountId, [strip(row)]);
  }
  return out;
}

/**
 * Every current customer's inputs, in id order, in batches of `size` accounts: the full rule pass's
 * steps (ctas/pass.ts), each batch measured when it is asked for. The grouped reads (answers,
 * deployments, requests, renewals' last touchpoints) are one query each, up front. Moments of truth
 * are measured for the accounts whose health is red only: measuring an account's journey is the
 * costly input (with the amber accounts too, the pass took 75 s at 20,000 accounts against the
 * health rebuild's 6.5 s), and any other account's missed moment still opens its call to action
 * after its next write. `only`: these accounts' inputs alone (those an import moved), each as the
 * full pass reads it.
 */
export function ruleInputBatches(sqlite: Database.Database, now: Date, size: number, only?: ReadonlySet<number>): { total: number; batches: Generator<RuleInputs[], void> } {
  const customers = stmt<{ id: number; renewalDate: string | null; band: Band | null; takenAt: string | null }>(
    sqlite,
    `SELECT a.id, a.renewal_date AS renewalDate, h.band, h.taken_at AS takenAt FROM accounts a
    LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1
    WHERE a.archived_at IS NULL AND a.churned_at IS NULL ORDER BY a.id`,
  ).all();
  const accounts = only ? customers.filter((a) => only.has(a.id)) : customers;
  const detractors = groupBy(stmt<Detractor>(sqlite, DETRACTORS).all(daysBefore(now, DETRACTOR_DAYS)));
  const deployments = groupBy(stmt<Deployment>(sqlite, DEPLOYMENTS).all());
  const requests = groupBy(stmt<Request>(sqlite, REQUESTS).all(daysBefore(now, REQUEST_DAYS)));
  const today = now.toISOString().slice(0, 10);
  const soon = new Date(Date.parse(`${today}T00:00:00.000Z`) + 91 * DAY_MS).toISOString().slice(0, 10);
  // The last touchpoint matters only to accounts renewing soon: read for those alone.
  const renewing = accounts.filter((a) => a.renewalDate !== null && a.renewalDate >= today && a.renewalDate <= soon);
  const lastTouch = stmt<string | null>(sqlite, 'SELECT max(occurred_at) FROM touchpoints WHERE account_id = ? AND archived_at IS NULL').pluck();
  const last = new Map(renewing.map((a) => [a.id, lastTouch.get(a.id) ?? null]));
  const scope = resolveScope({}, now).measure;
  function* batches(): Generator<RuleInputs[], void> {
    for (let start = 0; start < accounts.length; start += size) {
      const batch = accounts.slice(start, start + size);
      const atRisk = batch.filter((a) => a.band === 'red').map((a) => a.id);
      const moments = atRisk.length ? momentFindingsOfAccounts(sqlite, atRisk, scope) : new Map<number, MomentFinding[]>();
      yield batch.map((a) => ({
        accountId: a.id,
        today,
        health: a.band && a.takenAt ? { band: a.band, takenAt: a.takenAt } : null,
        previousBand: a.band === 'red' && a.takenAt ? previousBand(sqlite, a.id, a.takenAt) : null,
        detractors: detractors.get(a.id) ?? [],
        momentsBelowTarget: (moments.get(a.id) ?? []).map(reasonSentence),
        renewalDate: a.renewalDate,
        lastTouchpointAt: last.get(a.id) ?? null,
        pendingDeployments: deployments.get(a.id) ?? [],
        approvedRequests: requests.get(a.id) ?? [],
      }));
    }
  }
  return { total: accounts.length, batches: batches() };
}

/** Every current customer's inputs at once (or those in `only`), in id order (the synchronous pass: on open, after a bulk refresh). */
export const allRuleInputs = (sqlite: Database.Database, now: Date, only?: ReadonlySet<number>): RuleInputs[] =>
  [...ruleInputBatches(sqlite, now, Number.MAX_SAFE_INTEGER, only).batches].flat();
