import type { DashboardInputs } from './inputs';
import { arrLevelsAt } from './retentionFigures';

/** Date lists kept: a dashboard asks for a few periods, never many. */
const MAX_KEPT_DATES = 16;

/** A kept list's dates from its key (an empty list's key is ''). */
export const datesOfKey = (key: string): string[] => (key === '' ? [] : key.split(','));

/**
 * Every account's ARR level at each of `dates` (arrLevelsAt over every account's steps), kept with
 * the dashboard's inputs (inputs.ts) per date list: the first dashboard of a period pays one pass
 * over every account's ARR history, later ones (any filter) look the levels up.
 */
export function levelsOf(live: DashboardInputs, dates: readonly string[]): Map<number, number[]> {
  const key = dates.join(',');
  let levels = live.levels.get(key);
  if (!levels) {
    if (live.levels.size >= MAX_KEPT_DATES) live.levels.clear();
    live.levels.set(key, (levels = arrLevelsAt(live.steps, dates)));
  }
  return levels;
}
