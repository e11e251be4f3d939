import { z } from 'zod';
import { calendarDate, id, idInput, requiredText, stamps, text } from './common';

// Tasks on an account (issue 17): a CSM's to-do, optionally tied to a contact, a touchpoint, a
// reference request, or the call to action whose playbook created it.

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const taskPriority = z.enum(TASK_PRIORITIES);
export type TaskPriority = z.infer<typeof taskPriority>;

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const taskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatus>;
export const OPEN_TASK_STATUSES = ['open', 'in_progress'] as const satisfies readonly TaskStatus[];

/** Where a task sits in "my tasks": overdue first, then due this week (the next 7 days), later, no date; closed ones last. */
export const TASK_GROUPS = ['overdue', 'thisWeek', 'later', 'noDate', 'closed'] as const;
export const taskGroup = z.enum(TASK_GROUPS);
export type TaskGroup = z.infer<typeof taskGroup>;

export const task = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  dueDate: calendarDate.nullable(),
  priority: taskPriority,
  status: taskStatus,
  notes: z.string().nullable(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  touchpointId: id.nullable(),
  requestId: id.nullable(),
  ctaId: z.string().nullable(),
  playbookStep: z.number().int().nullable(),
  completedAt: z.string().nullable(),
  group: taskGroup,
  ...stamps,
});
export type Task = z.infer<typeof task>;

const links = {
  contactId: id.nullable().optional(),
  touchpointId: id.nullable().optional(),
  requestId: id.nullable().optional(),
};

const editable = {
  title: requiredText(200),
  owner: text(100).nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  priority: taskPriority.optional(),
  status: taskStatus.optional(),
  notes: text(4000).nullable().optional(),
  ...links,
};

export const tasksContract = {
  /**
   * Tasks in "my tasks" order: group (overdue, this week, later, no date, closed), then account
   * name, then due date. `mine` keeps the tasks whose owner is the identity ("who am I").
   */
  'tasks.list': {
    input: z.strictObject({
      mine: z.boolean().default(false),
      accountId: id.optional(),
      ctaId: z.string().max(300).optional(),
      /** Only open and in-progress tasks. */
      openOnly: z.boolean().default(true),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    output: z.object({ rows: z.array(task), total: z.number().int().nonnegative() }),
  },
  'tasks.get': { input: idInput, output: task },
  'tasks.create': { input: z.strictObject({ accountId: id, ...editable }), output: task },
  'tasks.update': { input: z.strictObject({ id, ...editable }).partial({ title: true }), output: task },
  'tasks.delete': { input: idInput, output: z.object({ id }) },
} as const;
