import { useState } from 'react';
import { useQuery } from '../../api/useQuery';
import { NewTaskDialog } from './NewTaskDialog';
import { OpenCtaDialog } from './OpenCtaDialog';
import { TaskList } from './TaskList';
import './tasks.css';

/** The account page's open tasks and open calls to action, with "Open a call to action" and "Add task". */
export function AccountTasksCard({ accountId, accountName }: { accountId: number; accountName: string }) {
  const tasks = useQuery('tasks.list', { accountId }, ['tasks']);
  const ctas = useQuery('ctas.list', { accountId, status: 'open' }, ['ctas']);
  const identity = useQuery('identity.get', {}, ['identity']);
  const [adding, setAdding] = useState(false);
  const [opening, setOpening] = useState(false);
  const rows = tasks.data?.rows;
  return (
    <section className="card" aria-labelledby="account-tasks-title" data-testid="account-tasks">
      <header className="card-header">
        <h2 id="account-tasks-title">Tasks</h2>
        <div className="card-actions">
          <button type="button" className="button small" onClick={() => setOpening(true)} data-testid="account-open-cta">
            Open a call to action
          </button>
          <button type="button" className="button small" onClick={() => setAdding(true)} data-testid="account-add-task">
            Add task
          </button>
        </div>
      </header>
      {ctas.data && ctas.data.total > 0 && (
        <p className="small" data-testid="account-open-ctas">
          <a href={ctas.data.total === 1 ? `#/tasks/ctas/${encodeURIComponent(ctas.data.rows[0]!.id)}` : `#/tasks/ctas/account/${accountId}`}>
            {ctas.data.total === 1 ? `Open call to action: ${ctas.data.rows[0]!.title}` : `${ctas.data.total} open calls to action`}
          </a>
        </p>
      )}
      {tasks.error && (
        <p className="form-error" role="alert">
          {tasks.error.message}
        </p>
      )}
      {rows?.length === 0 && <p className="muted">No open task on this account.</p>}
      {rows && rows.length > 0 && <TaskList rows={rows} showAccount={false} testId="account-task-list" />}
      {opening && <OpenCtaDialog accountId={accountId} owner={identity.data?.name ?? ''} onClose={() => setOpening(false)} />}
      {adding && <NewTaskDialog account={{ id: accountId, name: accountName }} owner={identity.data?.name ?? ''} onClose={() => setAdding(false)} />}
    </section>
  );
}
