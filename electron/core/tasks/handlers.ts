import type Database from 'better-sqlite3';
import { ownerKeys } from '../../../shared/contract/identity';
import type { ParsedInput } from '../../../shared/contract';
import type { Task } from '../../../shared/contract/tasks';
import type { Context } from '../context';
import { stmt } from '../db/sql';
import { CoreError, notFound } from '../errors';
import type { ChannelsOf, Handlers } from '../handlerTypes';
import { getTaskRow, insertTask, listTaskRows, sortTasks, withGroup } from './repo';

const today = (ctx: Context) => ctx.now().toISOString().slice(0, 10);

function readTask(ctx: Context, id: number): Task {
  const row = getTaskRow(ctx.sqlite, id);
  if (!row) throw notFound('task', id);
  return withGroup(row, today(ctx));
}

/** A link must name a record of the task's own account: a task on Acme tied to Globex's contact would mislead. */
function checkLinks(sqlite: Database.Database, accountId: number, links: { contactId?: number | null; touchpointId?: number | null; requestId?: number | null }): void {
  const check = (field: string, what: string, id: number | null | undefined, query: string) => {
    if (id === null || id === undefined) return;
    const owner = stmt<number>(sqlite, query).pluck().get(id);
    if (owner === undefined) throw new CoreError('BAD_INPUT', `${field}: ${what} ${id} does not exist`);
    if (owner !== accountId) throw new CoreError('BAD_INPUT', `${field}: ${what} ${id} belongs to another account`);
  };
  check('contactId', 'contact', links.contactId, 'SELECT account_id FROM contacts WHERE id = ?');
  check('touchpointId', 'touchpoint', links.touchpointId, 'SELECT account_id FROM touchpoints WHERE id = ?');
  check('requestId', 'reference request', links.requestId, 'SELECT r.account_id FROM reference_requests q JOIN "references" r ON r.id = q.reference_id WHERE q.id = ?');
}

function changed(ctx: Context, task: Task): Task {
  ctx.emit({ name: 'tasks.changed', ids: [task.id] });
  return task;
}

export const tasksHandlers = {
  'tasks.list': (input: ParsedInput<'tasks.list'>, ctx: Context) => {
    let keys: string[] | undefined;
    if (input.mine) {
      const who = ctx.identity.get();
      if (!who) throw new CoreError('BAD_INPUT', 'mine: say who you are first (Settings › Who am I), so Fulcrum knows which tasks are yours');
      keys = ownerKeys(who);
    }
    const day = today(ctx);
    const rows = sortTasks(
      listTaskRows(ctx.sqlite, { ownerKeys: keys, accountId: input.accountId, ctaId: input.ctaId, openOnly: input.openOnly }).map((row) => withGroup(row, day)),
    );
    return { rows: rows.slice(0, input.limit), total: rows.length };
  },
  'tasks.get': (input: ParsedInput<'tasks.get'>, ctx: Context) => readTask(ctx, input.id),
  'tasks.create': (input: ParsedInput<'tasks.create'>, ctx: Context) => {
    if (stmt(ctx.sqlite, 'SELECT 1 FROM accounts WHERE id = ?').get(input.accountId) === undefined)
      throw new CoreError('BAD_INPUT', `accountId: account ${input.accountId} does not exist`);
    checkLinks(ctx.sqlite, input.accountId, input);
    const id = insertTask(
      ctx.sqlite,
      {
        accountId: input.accountId,
        title: input.title,
        owner: input.owner || null,
        dueDate: input.dueDate ?? null,
        priority: input.priority ?? 'normal',
        status: input.status ?? 'open',
        notes: input.notes || null,
        contactId: input.contactId ?? null,
        touchpointId: input.touchpointId ?? null,
        requestId: input.requestId ?? null,
        ctaId: null,
        playbookStep: null,
      },
      ctx.now().toISOString(),
    );
    return changed(ctx, readTask(ctx, id));
  },
  'tasks.update': (input: ParsedInput<'tasks.update'>, ctx: Context) => {
    const before = readTask(ctx, input.id);
    checkLinks(ctx.sqlite, before.accountId, input);
    const now = ctx.now().toISOString();
    const status = input.status ?? before.status;
    // Done stamps when; leaving done clears it.
    const completedAt = status === 'done' ? (before.status === 'done' ? before.completedAt : now) : null;
    const pick = <K extends keyof typeof input & keyof Task>(key: K) => (input[key] === undefined ? before[key] : input[key] === '' ? null : input[key]);
    stmt(
      ctx.sqlite,
      `UPDATE tasks SET title = ?, owner = ?, due_date = ?, priority = ?, status = ?, notes = ?, contact_id = ?, touchpoint_id = ?, request_id = ?,
        completed_at = ?, updated_at = ? WHERE id = ?`,
    ).run(
      input.title ?? before.title,
      pick('owner'),
      pick('dueDate'),
      input.priority ?? before.priority,
      status,
      pick('notes'),
      pick('contactId'),
      pick('touchpointId'),
      pick('requestId'),
      completedAt,
      now,
      input.id,
    );
    return changed(ctx, readTask(ctx, input.id));
  },
  'tasks.delete': (input: ParsedInput<'tasks.delete'>, ctx: Context) => {
    if (stmt(ctx.sqlite, 'DELETE FROM tasks WHERE id = ?').run(input.id).changes === 0) throw notFound('task', input.id);
    ctx.emit({ name: 'tasks.changed', ids: [input.id] });
    return { id: input.id };
  },
} satisfies Handlers<ChannelsOf<'tasks'>>;
