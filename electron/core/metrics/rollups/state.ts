import type Database from 'better-sqlite3';
import type { Settings } from '../../../../shared/contract/settings';
import { readSettings } from '../../db/settings';
import { createBusinessClock } from '../businessClock';
import { wallClock, type Clock } from './build';
import { ROLLUP_LAYOUT_VERSION } from './layout';
import { rebuildRollups, rebuildRollupsInSteps, type RebuildSummary } from './rebuild';
import { inTransaction, stmt } from '../../db/sql';

/**
 * What the stored rollups were built with: the layout version and the clock. Response-time
 * sketches hold business minutes when business hours are on, so changing the schedule makes them
 * stale: settings.update rebuilds them, and so does opening a workspace whose record differs.
 */
export interface RollupState {
  layout: number;
  clock: string;
  builtAt: string;
}

/** The clock's identity: 'wall', or the schedule that defines the working minutes. */
export function clockKey(settings: Settings): string {
  const b = settings.businessHours;
  if (!b.enabled) return 'wall';
  return JSON.stringify({ timeZone: b.timeZone, days: [...new Set(b.days)].sort(), start: b.start, end: b.end });
}

export const clockOf = (settings: Settings): Clock => (settings.businessHours.enabled ? createBusinessClock(settings.businessHours) : wallClock);

/** The clock the stored rollups use (read by every write that updates them). */
export const currentClock = (sqlite: Database.Database): Clock => clockOf(readSettings(sqlite));

export function rollupsAreCurrent(sqlite: Database.Database, settings: Settings = readSettings(sqlite)): boolean {
  const state = stmt<RollupState>(sqlite, 'SELECT layout, clock, built_at AS builtAt FROM rollup_state WHERE id = 1').get();
  return state?.layout === ROLLUP_LAYOUT_VERSION && state.clock === clockKey(settings);
}

/** Rebuilds every rollup with the workspace's settings and records how. */
export function rebuildWithSettings(sqlite: Database.Database, now: Date, onProgress?: (done: number, total: number) => void): RebuildSummary {
  const settings = readSettings(sqlite);
  return inTransaction(sqlite, () => {
    const summary = rebuildRollups(sqlite, { clock: clockOf(settings), onProgress });
    stmt(sqlite, 'INSERT OR REPLACE INTO rollup_state (id, layout, clock, built_at) VALUES (1, ?, ?, ?)').run(ROLLUP_LAYOUT_VERSION, clockKey(settings), now.toISOString());
    return summary;
  });
}

/** rebuildWithSettings as steps (one per batch of accounts), inside a transaction the caller owns: derived/refresh.ts's cancellable job. */
export function* rebuildWithSettingsInSteps(sqlite: Database.Database, now: Date, onProgress?: (done: number, total: number) => void): Generator<void, RebuildSummary> {
  const settings = readSettings(sqlite);
  const summary = yield* rebuildRollupsInSteps(sqlite, { clock: clockOf(settings), onProgress });
  stmt(sqlite, 'INSERT OR REPLACE INTO rollup_state (id, layout, clock, built_at) VALUES (1, ?, ?, ?)').run(ROLLUP_LAYOUT_VERSION, clockKey(settings), now.toISOString());
  return summary;
}
