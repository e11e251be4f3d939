import type Database from 'better-sqlite3';
import type { Task, TaskGroup, TaskPriority, TaskStatus } from '../../../shared/contract/tasks';
import { stmt } from '../db/sql';

// Tasks' queries, on the connection directly: "my tasks" is one indexed read, and the rules create
// tasks inside the transaction of the write that fired them.

const SELECT = `SELECT t.id, t.account_id AS accountId, a.name AS accountName, t.title, t.owner, t.due_date AS dueDate, t.priority, t.status,
    t.notes, t.contact_id AS contactId, c.name AS contactName, t.touchpoint_id AS touchpointId, t.request_id AS requestId, t.cta_id AS ctaId,
    t.playbook_step AS playbookStep, t.completed_at AS completedAt, t.created_at AS createdAt, t.updated_at AS updatedAt
  FROM tasks t JOIN accounts a ON a.id = t.account_id LEFT JOIN contacts c ON c.id = t.contact_id`;

type TaskRow = Omit<Task, 'group'>;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The "my tasks" group of a task on `today` (pure): overdue, due within the next 7 days, later, no date; closed apart. */
export function taskGroup(task: Pick<Task, 'status' | 'dueDate'>, today: string): TaskGroup {
  if (task.status === 'done' || task.status === 'cancelled') return 'closed';
  if (task.dueDate === null) return 'noDate';
  if (task.dueDate < today) return 'overdue';
  return task.dueDate <= isoDay(Date.parse(`${today}T00:00:00.000Z`) + 6 * DAY_MS) ? 'thisWeek' : 'later';
}

const GROUP_ORDER: Record<TaskGroup, number> = { overdue: 0, thisWeek: 1, later: 2, noDate: 3, closed: 4 };

/** "My tasks" order (pure): group, then account name, then due date, then id. */
export function sortTasks(tasks: Task[]): Task[] {
  return tasks.sort(
    (x, y) => GROUP_ORDER[x.group] - GROUP_ORDER[y.group] || x.accountName.localeCompare(y.accountName) || (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') || x.id - y.id,
  );
}

export const withGroup = (row: TaskRow, today: string): Task => ({ ...row, group: taskGroup(row, today) });

export interface TaskFilter {
  ownerKeys?: string[];
  accountId?: number;
  ctaId?: string;
  openOnly: boolean;
}

export function listTaskRows(sqlite: Database.Database, filter: TaskFilter): TaskRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.ownerKeys) {
    where.push(`lower(trim(t.owner)) IN (${filter.ownerKeys.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.ownerKeys);
  }
  if (filter.accountId !== undefined) {
    where.push('t.account_id = ?');
    params.push(filter.accountId);
  }
  if (filter.ctaId !== undefined) {
    where.push('t.cta_id = ?');
    params.push(filter.ctaId);
  }
  if (filter.openOnly) where.push(`t.status IN ('open', 'in_progress')`);
  return stmt<TaskRow>(sqlite, `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`).all(...params);
}

export function getTaskRow(sqlite: Database.Database, id: number): TaskRow | undefined {
  return stmt<TaskRow>(sqlite, `${SELECT} WHERE t.id = ?`).get(id);
}

export interface NewTask {
  accountId: number;
  title: string;
  owner: string | null;
  dueDate: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  notes: string | null;
  contactId: number | null;
  touchpointId: number | null;
  requestId: number | null;
  ctaId: string | null;
  playbookStep: number | null;
}

export function insertTask(sqlite: Database.Database, task: NewTask, now: string): number {
  const completedAt = task.status === 'done' ? now : null;
  return Number(
    stmt(
      sqlite,
      `INSERT INTO tasks (account_id, title, owner, due_date, priority, status, notes, contact_id, touchpoint_id, request_id, cta_id, playbook_step, completed_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      task.accountId,
      task.title,
      task.owner,
      task.dueDate,
      task.priority,
      task.status,
      task.notes,
      task.contactId,
      task.touchpointId,
      task.requestId,
      task.ctaId,
      task.playbookStep,
      completedAt,
      now,
      now,
    ).lastInsertRowid,
  );
}
