import { useState } from 'react';
import { useQuery } from '../../api/useQuery';
import { NewTaskDialog } from './NewTaskDialog';
import { TaskList } from './TaskList';

/** "My tasks": the open tasks whose owner is who this laptop's user said they are, overdue first. */
export function MyTasksPanel() {
  const identity = useQuery('identity.get', {}, ['identity']);
  const who = identity.data;
  const tasks = useQuery('tasks.list', { mine: true }, ['tasks', 'identity']);
  const [adding, setAdding] = useState(false);
  if (identity.loading && !identity.data) return <p className="muted">Loading…</p>;
  if (!who)
    return (
      <div className="empty-state" data-testid="my-tasks-no-identity">
        <p>Fulcrum needs to know who you are to show your tasks.</p>
        <a className="button primary" href="#/settings">
          Say who you are in Settings
        </a>
      </div>
    );
  const rows = tasks.data?.rows ?? [];
  return (
    <div className="my-tasks" data-testid="my-tasks">
      <div className="toolbar">
        <span className="muted" role="status" data-testid="my-tasks-count" data-total={tasks.data?.total}>
          {tasks.data ? `${tasks.data.total} open task${tasks.data.total === 1 ? '' : 's'} for ${who.name}` : 'Loading…'}
        </span>
        <span className="spacer" />
        <button type="button" className="button primary" onClick={() => setAdding(true)} data-testid="my-tasks-new">
          New task
        </button>
      </div>
      {tasks.error && (
        <p className="form-error" role="alert">
          {tasks.error.message}
        </p>
      )}
      {tasks.data && rows.length === 0 ? (
        <div className="empty-state" data-testid="my-tasks-empty">
          <p>No open task is yours. Tasks appear here when you add one, or when a call to action opens its playbook on an account you own.</p>
        </div>
      ) : (
        <TaskList rows={rows} showAccount testId="my-tasks-list" />
      )}
      {adding && <NewTaskDialog owner={who.name} onClose={() => setAdding(false)} />}
    </div>
  );
}
