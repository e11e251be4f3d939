import type Database from 'better-sqlite3';
import type { HealthExplanation } from '../../../shared/contract/health';
import { notFound } from '../errors';
import { inTransaction, stmt } from '../db/sql';
import { readSettings } from '../db/settings';
import { componentFindings } from './findings';
import { accountHealthInputs, allHealthInputs } from './inputs';
import { assessHealth, COMPONENT_LABELS, modelVersion, type ComponentId } from './model';
import { reasonSentence } from './reasons';
import { currentSnapshot, saveSnapshot, snapshotBefore } from './snapshots';

/**
 * Health scores live in snapshots (snapshots.ts), and every reader (health.explain, the account
 * page, the dashboard's bands and at-risk list, the finder's health gate) reads the current one, so
 * an account never shows two scores. Decision: every write through the core that touches an account
 * (its row, tickets, surveys, touchpoints, deployments) refreshes that account's snapshot in the
 * same transaction, so no score is older than the account's data. Time alone also moves scores
 * (days since the last touchpoint, days to renewal): every customer's is recomputed on open when the
 * snapshots are from an earlier day, and daily while the workspace is open (derived/freshness.ts);
 * health.recompute refreshes everyone on demand, and runs after a settings change that alters the model.
 */

const isCustomer = (sqlite: Database.Database, accountId: number) =>
  stmt(sqlite, 'SELECT archived_at IS NULL AND churned_at IS NULL FROM accounts WHERE id = ?').pluck().get(accountId) === 1;

/** Refreshes one account's snapshot inside the caller's transaction (current customers only). */
export function refreshAccountHealth(sqlite: Database.Database, accountId: number, now: Date): void {
  if (!isCustomer(sqlite, accountId)) return;
  const settings = readSettings(sqlite);
  const inputs = accountHealthInputs(sqlite, accountId, now);
  if (inputs) saveSnapshot(sqlite, accountId, assessHealth(inputs, settings, now), modelVersion(settings), now, componentFindings(inputs, settings, now));
}

/**
 * Refreshes these accounts' snapshots inside the caller's transaction (current customers only), as
 * refreshAccountHealth does for each. `bulk` (a bulk write's refresh over thousands of accounts):
 * every customer's inputs read with the grouped queries of recomputeAllHealth (a few scans instead
 * of four lookups per account; inputs.ts reads the same numbers either way), only these saved.
 */
export function refreshHealthOf(sqlite: Database.Database, accountIds: readonly number[], now: Date, bulk: boolean): void {
  const settings = readSettings(sqlite);
  const version = modelVersion(settings);
  if (!bulk) {
    // refreshAccountHealth for each, with the settings read once (thousands of accounts after an import).
    for (const id of accountIds) {
      const inputs = isCustomer(sqlite, id) ? accountHealthInputs(sqlite, id, now) : undefined;
      if (inputs) saveSnapshot(sqlite, id, assessHealth(inputs, settings, now), version, now, componentFindings(inputs, settings, now));
    }
    return;
  }
  const wanted = new Set(accountIds);
  for (const inputs of allHealthInputs(sqlite, now)) {
    if (wanted.has(inputs.accountId)) saveSnapshot(sqlite, inputs.accountId, assessHealth(inputs, settings, now), version, now, componentFindings(inputs, settings, now));
  }
}

export function recomputeAllHealth(sqlite: Database.Database, now: Date, onProgress?: (done: number, total: number) => void) {
  const settings = readSettings(sqlite);
  const version = modelVersion(settings);
  const all = allHealthInputs(sqlite, now);
  inTransaction(sqlite, () => {
    all.forEach((inputs, i) => {
      saveSnapshot(sqlite, inputs.accountId, assessHealth(inputs, settings, now), version, now, componentFindings(inputs, settings, now));
      if ((i + 1) % 1000 === 0) onProgress?.(i + 1, all.length);
    });
  });
  onProgress?.(all.length, all.length);
  return { accounts: all.length, modelVersion: version };
}

/** Accounts written between two turns of the event loop in `recomputeAllHealthInSteps`. */
export const RECOMPUTE_CHUNK = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `recomputeAllHealth` for the channels: the same writes, but it hands the event loop back every
 * `chunk` accounts, so the `health.progress` events it emits actually leave the process (over the
 * HTTP bridge or IPC) while it runs, instead of all at once at the end.
 *
 * Correctness: it stays ONE transaction from the first snapshot to the last (BEGIN before the
 * first chunk, COMMIT after the last, ROLLBACK on any failure), so no reader ever sees some
 * accounts scored by the new model and others by the old one. Holding a transaction open across
 * event-loop turns is safe because the caller runs it under `exclusive` (Kysely's connection lock,
 * held until the returned promise settles): no other channel can use the connection in between,
 * and other processes wait on SQLite's write lock as they did for the blocking loop.
 */
export async function recomputeAllHealthInSteps(sqlite: Database.Database, now: Date, onProgress?: (done: number, total: number) => void | Promise<void>, chunk = RECOMPUTE_CHUNK) {
  const settings = readSettings(sqlite);
  const version = modelVersion(settings);
  const all = allHealthInputs(sqlite, now);
  // Inside a caller's transaction the caller owns commit and rollback.
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('BEGIN');
  try {
    for (let start = 0; start < all.length; start += chunk) {
      const end = Math.min(all.length, start + chunk);
      for (let i = start; i < end; i++) {
        const inputs = all[i]!;
        saveSnapshot(sqlite, inputs.accountId, assessHealth(inputs, settings, now), version, now, componentFindings(inputs, settings, now));
      }
      if (end < all.length) {
        // Awaited: a job's test hold waits here (lib/jobs.ts), between chunks, inside the transaction.
        await onProgress?.(end, all.length);
        await nextTurn();
      }
    }
    if (own) sqlite.exec('COMMIT');
  } catch (error) {
    if (own && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
  await onProgress?.(all.length, all.length);
  return { accounts: all.length, modelVersion: version };
}

/**
 * One account's health as the dashboard sees it: its current snapshot (kept fresh by every write,
 * on open and daily: derived/freshness.ts), component by component, with the snapshot before that
 * day for the trend. Reading the snapshot rather than computing now is what keeps the account page
 * and the dashboard on one score; `asOf` says when it was taken. An account without a snapshot (not
 * a current customer: archived or churned before it got one) is computed now.
 */
export function explainHealth(sqlite: Database.Database, accountId: number, now: Date): HealthExplanation {
  const snapshot = currentSnapshot(sqlite, accountId);
  if (!snapshot) return explainNow(sqlite, accountId, now);
  const previous = snapshotBefore(sqlite, accountId, `${snapshot.takenAt.slice(0, 10)}T00:00:00.000Z`);
  const floor = readSettings(sqlite).health.coverageFloorPct;
  return {
    accountId,
    score: snapshot.score,
    band: snapshot.band,
    coveragePct: snapshot.coveragePct,
    // The snapshot keeps the components, not the sentence: it is the model's (metrics/health.ts) for a score below the floor.
    ...(snapshot.score === null ? { reason: `insufficient data: coverage ${Math.floor(snapshot.coveragePct)} % (< ${floor} %)` } : {}),
    modelVersion: snapshot.modelVersion,
    computedAt: snapshot.takenAt,
    asOf: snapshot.takenAt,
    components: snapshot.components.map(({ id, weight, score, contribution, reason, findings }) => {
      const known = id as ComponentId;
      return { id: known, label: COMPONENT_LABELS[known], weight, score, contribution, reason, ...(findings ? { sentences: findings.map(reasonSentence) } : {}) };
    }),
    previous: previous && { score: previous.score, takenAt: previous.takenAt },
  };
}

/** Health computed now, for an account that has no snapshot. */
function explainNow(sqlite: Database.Database, accountId: number, now: Date): HealthExplanation {
  const inputs = accountHealthInputs(sqlite, accountId, now);
  if (!inputs) throw notFound('account', accountId);
  const settings = readSettings(sqlite);
  const assessment = assessHealth(inputs, settings, now);
  const findings = componentFindings(inputs, settings, now);
  const previous = snapshotBefore(sqlite, accountId, `${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  return {
    accountId,
    ...assessment,
    components: assessment.components.map((c) => ({ ...c, sentences: findings[c.id].map(reasonSentence) })),
    modelVersion: modelVersion(settings),
    computedAt: now.toISOString(),
    asOf: now.toISOString(),
    previous: previous && { score: previous.score, takenAt: previous.takenAt },
  };
}
