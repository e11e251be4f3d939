import { useEffect, useState } from 'react';
import type { Task } from '../../../../shared/contract/tasks';
import { formatDate } from '../../../../shared/format/format';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { byGroup, GROUP_LABELS, PRIORITY_LABELS } from './labels';

/**
 * Tasks in the core's order, under their group headings (overdue, this week…), each with a
 * checkbox that marks it done (or open again). `showAccount` names the account on each row.
 */
export function TaskList({ rows, showAccount, showCta = true, testId }: { rows: readonly Task[]; showAccount: boolean; showCta?: boolean; testId: string }) {
  // The box follows the click at once (a controlled checkbox would otherwise spring back until the
  // list reloads); the list's next answer is the truth again.
  const [pending, setPending] = useState<Record<number, boolean>>({});
  useEffect(() => setPending({}), [rows]);
  const isDone = (task: Task) => pending[task.id] ?? task.status === 'done';
  const toggle = useAction(async (task: Task) => {
    const done = !isDone(task);
    setPending((p) => ({ ...p, [task.id]: done }));
    try {
      return await call('tasks.update', { id: task.id, status: done ? 'done' : 'open' });
    } catch (error) {
      setPending(({ [task.id]: _, ...rest }) => rest);
      throw error;
    }
  });
  return (
    <div className="task-list" data-testid={testId}>
      {toggle.error && (
        <p className="form-error" role="alert">
          {toggle.error}
        </p>
      )}
      {byGroup(rows).map(({ group, rows: tasks }) => (
        <section key={group} className={`task-group task-group-${group}`} data-testid={`${testId}-group-${group}`}>
          <h3 className="section-title">
            {GROUP_LABELS[group]} <span className="muted small">({tasks.length})</span>
          </h3>
          <ul>
            {tasks.map((task) => (
              <li key={task.id} className={`task-row${isDone(task) ? ' done' : ''}`} data-testid="task-row" data-task-id={task.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={isDone(task)}
                    disabled={task.status === 'cancelled'}
                    onChange={() => void toggle.run(task)}
                    data-testid="task-done"
                    aria-label={`${isDone(task) ? 'Reopen' : 'Mark done'}: ${task.title}`}
                  />
                  <span className="task-title">{task.title}</span>
                </label>
                <span className="task-meta muted small">
                  {showAccount && (
                    <a href={`#/accounts/${task.accountId}`} data-testid="task-account">
                      {task.accountName}
                    </a>
                  )}
                  {task.dueDate && <span data-testid="task-due">{`Due ${formatDate(task.dueDate)}`}</span>}
                  <span className={`prio prio-${task.priority}`}>{PRIORITY_LABELS[task.priority]}</span>
                  {task.owner && <span>{task.owner}</span>}
                  {task.contactName && <span>with {task.contactName}</span>}
                  {showCta && task.ctaId && (
                    <a href={`#/tasks/ctas/${encodeURIComponent(task.ctaId)}`} data-testid="task-cta">
                      Call to action
                    </a>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
