import { GOAL_KPI_LABELS, type GoalStanding } from '../../../../shared/contract/goals';

export const KPI_LABELS = GOAL_KPI_LABELS;

export const STATUS_TEXT: Record<GoalStanding['status'], string> = { met: 'Met', missed: 'Missed', not_yet_clear: 'Not yet clear', no_data: 'No data' };
export const STATUS_TONE: Record<GoalStanding['status'], string> = { met: 'good', missed: 'bad', not_yet_clear: 'warn', no_data: 'muted' };

/** `2026-Q4` moved by `by` quarters. */
export function shiftQuarter(quarter: string, by: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export const currentQuarter = (today = new Date()) => `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;

const round = (x: number) => String(Math.round(x * 10) / 10);

export function figureText(row: GoalStanding): string {
  if (row.figure.value === null) return '—';
  if (!row.interval || row.interval.kind === 'exact') return round(row.figure.value);
  return `${round(row.figure.value)} (${round(row.interval.low)}–${round(row.interval.high)})`;
}

export const scopeText = (goal: GoalStanding['goal']) =>
  [goal.segment && `segment ${goal.segment}`, goal.owner && `owner ${goal.owner}`].filter(Boolean).join(', ') || 'All accounts';
