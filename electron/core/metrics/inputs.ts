import type Database from 'better-sqlite3';
import { cached } from '../db/inputCache';
import { loadAccounts, loadArrChanges } from './repo';
import { arrLevelsAt, arrSteps } from './retentionFigures';

// The whole-table inputs of the dashboard, read once per workspace state (see db/inputCache.ts); the health snapshots' is in health/figures.ts.

export const accountsOf = (sqlite: Database.Database) => cached(sqlite, 'accounts', () => loadAccounts(sqlite));
export const arrStepsOf = (sqlite: Database.Database) => cached(sqlite, 'arrSteps', () => arrSteps(loadArrChanges(sqlite)));

/** Date lists kept per workspace state: a dashboard asks for a few periods, never many. */
const MAX_KEPT_DATES = 16;

/**
 * Every account's ARR level at each of `dates` (arrLevelsAt over every account's steps), kept per
 * workspace state and date list like the inputs it comes from: the first dashboard of a period
 * pays one pass over every account's ARR history, later ones (any filter) look the levels up.
 */
export function arrLevelsOf(sqlite: Database.Database, dates: readonly string[]): Map<number, number[]> {
  const kept = cached(sqlite, 'arrLevels', () => new Map<string, Map<number, number[]>>());
  const key = dates.join(',');
  let levels = kept.get(key);
  if (!levels) {
    if (kept.size >= MAX_KEPT_DATES) kept.clear();
    kept.set(key, (levels = arrLevelsAt(arrStepsOf(sqlite), dates)));
  }
  return levels;
}
