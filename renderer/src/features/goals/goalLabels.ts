import { GOAL_KPI_LABELS, type GoalStanding } from '../../../../shared/contract/goals';
import { segmentLabel } from '../../../../shared/labels';

export const KPI_LABELS = GOAL_KPI_LABELS;

export const STATUS_TEXT: Record<GoalStanding['status'], string> = { met: 'Met', missed: 'Missed', not_yet_clear: 'Not yet clear', no_data: 'No data' };
/** The app's tone classes (styles.css: tone-ok, tone-bad, tone-warn, tone-neutral). */
export const STATUS_TONE: Record<GoalStanding['status'], string> = { met: 'ok', missed: 'bad', not_yet_clear: 'warn', no_data: 'neutral' };

/** `2026-Q4` moved by `by` quarters. */
export function shiftQuarter(quarter: string, by: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export const currentQuarter = (today = new Date()) => `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;

const round = (x: number) => String(Math.round(x * 10) / 10);

export function figureText(row: GoalStanding): string {
  if (row.figure.value === null) return '—';
  // A census (exact, or read from a sketch within 1 %) shows its figure alone; the table says which.
  if (!row.interval || row.interval.kind === 'exact' || row.interval.kind === 'sketch') return round(row.figure.value);
  return `${round(row.figure.value)} (${round(row.interval.low)}–${round(row.interval.high)})`;
}

/** A goal's accounts in words: null is every account; a segment by its label ('' is the accounts with none, as on the dashboard). */
export const scopeText = (goal: GoalStanding['goal']) =>
  [goal.segment !== null && segmentLabel(goal.segment), goal.owner !== null && `owned by ${goal.owner}`].filter(Boolean).join(', ') || 'All accounts';

/** A calendar date moved by whole days (the form shows a period's last day; the core keeps its end exclusive). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of `2026-Q4`. */
export const quarterStart = (quarter: string) => `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
