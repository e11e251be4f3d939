import type Database from 'better-sqlite3';
import { cached } from '../db/inputCache';
import { loadAccounts, loadArrChanges } from './repo';
import { arrSteps } from './retentionFigures';

// The whole-table inputs of the dashboard, read once per workspace state (see db/inputCache.ts); the health snapshots' is in health/figures.ts.

export const accountsOf = (sqlite: Database.Database) => cached(sqlite, 'accounts', () => loadAccounts(sqlite));
export const arrStepsOf = (sqlite: Database.Database) => cached(sqlite, 'arrSteps', () => arrSteps(loadArrChanges(sqlite)));
