import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import type { HealthFinding } from './findings';
import type { ComponentId, HealthAssessment } from './model';

/**
 * Health snapshots. Policy: at most one per account, day (UTC) and model version. Saving again on
 * the same day under the same model replaces that day's snapshot (so writes keep today's score
 * fresh without flooding the history); a new day or a new model version appends one and makes it
 * the current one. The history is what "trend against the previous snapshot" reads.
 */

export interface SnapshotRow {
  accountId: number;
  takenAt: string;
  modelVersion: string;
  score: number | null;
  band: HealthAssessment['band'];
}

/** A component as the snapshot's JSON keeps it; `findings` (health/findings.ts) is absent from snapshots taken before it was stored. */
export interface StoredComponent {
  id: string;
  weight: number;
  score: number | null;
  contribution: number | null;
  reason: string;
  findings?: HealthFinding[];
}

export const parseComponents = (json: string) => JSON.parse(json) as StoredComponent[];

export function saveSnapshot(
  sqlite: Database.Database,
  accountId: number,
  assessment: HealthAssessment,
  modelVersion: string,
  now: Date,
  findings?: Record<ComponentId, HealthFinding[]>,
): void {
  const takenAt = now.toISOString();
  // The findings beside the score they explain, so the at-risk list's reasons are read, not recomputed (issue 15).
  const components = JSON.stringify(
    assessment.components.map(({ id, weight, score, contribution, reason }): StoredComponent => ({
      id,
      weight,
      score,
      contribution,
      reason,
      ...(findings && { findings: findings[id] }),
    })),
  );
  const current = stmt(sqlite, 'SELECT id, taken_at, model_version FROM health_snapshots WHERE account_id = ? AND current = 1').get(accountId) as
    { id: number; taken_at: string; model_version: string } | undefined;
  const values = [takenAt, modelVersion, assessment.score, assessment.band, assessment.coveragePct, components];
  if (current && current.taken_at.slice(0, 10) === takenAt.slice(0, 10) && current.model_version === modelVersion) {
    stmt(sqlite, 'UPDATE health_snapshots SET taken_at = ?, model_version = ?, score = ?, band = ?, coverage_pct = ?, components = ? WHERE id = ?').run(...values, current.id);
    return;
  }
  if (current) stmt(sqlite, 'UPDATE health_snapshots SET current = 0 WHERE id = ?').run(current.id);
  stmt(
    sqlite,
    `INSERT INTO health_snapshots (account_id, taken_at, model_version, score, band, coverage_pct, components, current)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(accountId, ...values);
}

/** Every account's current snapshot (one index read, for the dashboard). */
export function currentSnapshots(sqlite: Database.Database): Map<number, SnapshotRow> {
  const rows = stmt<SnapshotRow>(
    sqlite,
    `SELECT account_id AS accountId, taken_at AS takenAt, model_version AS modelVersion, score, band
    FROM health_snapshots WHERE current = 1`,
  ).all();
  return new Map(rows.map((row) => [row.accountId, row]));
}

/** One account's current snapshot in full: what health.explain shows (the dashboard reads the same row). */
export function currentSnapshot(sqlite: Database.Database, accountId: number): (SnapshotRow & { coveragePct: number; components: StoredComponent[] }) | undefined {
  const row = stmt<SnapshotRow & { coveragePct: number; components: string }>(
    sqlite,
    `SELECT account_id AS accountId, taken_at AS takenAt, model_version AS modelVersion, score, band, coverage_pct AS coveragePct, components
    FROM health_snapshots WHERE account_id = ? AND current = 1`,
  ).get(accountId);
  return row && { ...row, components: parseComponents(row.components) };
}

export function snapshotComponents(sqlite: Database.Database, accountId: number): StoredComponent[] {
  const text = stmt<string>(sqlite, 'SELECT components FROM health_snapshots WHERE account_id = ? AND current = 1').pluck().get(accountId);
  return text ? parseComponents(text) : [];
}

/** The latest snapshot taken before an instant (the previous point of the trend; the rules' band before "entered red"). */
export function snapshotBefore(
  sqlite: Database.Database,
  accountId: number,
  before: string,
): { score: number | null; band: SnapshotRow['band']; takenAt: string; modelVersion: string } | null {
  const row = stmt<{ score: number | null; band: SnapshotRow['band']; takenAt: string; modelVersion: string }>(
    sqlite,
    `SELECT score, band, taken_at AS takenAt, model_version AS modelVersion FROM health_snapshots
    WHERE account_id = ? AND taken_at < ? ORDER BY taken_at DESC LIMIT 1`,
  ).get(accountId, before);
  return row ?? null;
}
