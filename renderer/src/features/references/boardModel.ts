import { REFERENCE_STAGES, STAGE_TRANSITIONS, type ReferenceRow, type ReferenceStage } from '../../../../shared/contract/references';
import { DAY_MS } from '../../../../shared/dates';

/** The board's columns, left to right: the progression, then the two ways out. */
export const BOARD_STAGES = REFERENCE_STAGES;

export function groupByStage(rows: readonly ReferenceRow[]): Record<ReferenceStage, ReferenceRow[]> {
  const columns = Object.fromEntries(BOARD_STAGES.map((stage) => [stage, [] as ReferenceRow[]])) as Record<ReferenceStage, ReferenceRow[]>;
  for (const row of rows) columns[row.stage].push(row);
  return columns;
}

export const canMove = (from: ReferenceStage, to: ReferenceStage) => STAGE_TRANSITIONS[from].includes(to);

/**
 * The keyboard move: the nearest column in `direction` (-1 left, +1 right) that the transition
 * table allows, or null when there is none that way.
 */
export function neighbourStage(from: ReferenceStage, direction: -1 | 1): ReferenceStage | null {
  const start = BOARD_STAGES.indexOf(from);
  for (let index = start + direction; index >= 0 && index < BOARD_STAGES.length; index += direction) {
    if (canMove(from, BOARD_STAGES[index]!)) return BOARD_STAGES[index]!;
  }
  return null;
}

/** Whole days since an instant, never negative (a clock a little behind the core's). */
export const daysSince = (iso: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
