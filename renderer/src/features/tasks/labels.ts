import type { TaskGroup, TaskPriority, TaskStatus } from '../../../../shared/contract/tasks';

// How tasks' values read on screen (the core's lists keep the order; these only name things).

export const GROUP_LABELS: Record<TaskGroup, string> = { overdue: 'Overdue', thisWeek: 'Due this week', later: 'Later', noDate: 'No due date', closed: 'Closed' };
export const PRIORITY_LABELS: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const STATUS_LABELS: Record<TaskStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

/** Splits a list already in "my tasks" order into its groups, keeping that order. */
export function byGroup<T extends { group: TaskGroup }>(rows: readonly T[]): { group: TaskGroup; rows: T[] }[] {
  const out: { group: TaskGroup; rows: T[] }[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last?.group === row.group) last.rows.push(row);
    else out.push({ group: row.group, rows: [row] });
  }
  return out;
}
