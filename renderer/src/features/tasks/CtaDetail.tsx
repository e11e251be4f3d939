import { useState } from 'react';
import { CTA_KIND_LABELS } from '../../../../shared/contract/ctas';
import { formatDateTime } from '../../../../shared/format/format';
import { useQuery } from '../../api/useQuery';
import { CloseCtaDialog } from './CloseCtaDialog';
import { shownFacts } from './ctaFacts';
import { CTA_STATUS_TEXT } from './ctaLabels';
import { TaskList } from './TaskList';

/** One call to action: what fired it, its playbook's tasks (ticked off here), and the close dialog. */
export function CtaDetail({ id }: { id: string }) {
  const cta = useQuery('ctas.get', { id }, ['ctas', 'tasks']);
  const tasks = useQuery('tasks.list', { ctaId: id, openOnly: false }, ['tasks']);
  const [closing, setClosing] = useState(false);
  if (cta.error) {
    return (
      <div className="empty-state" data-testid="cta-missing">
        <p>{cta.error.message}</p>
        <a href="#/tasks/ctas">Back to the calls to action</a>
      </div>
    );
  }
  const c = cta.data;
  if (!c) return <p className="muted">Loading…</p>;
  const facts = shownFacts(c.firedBy.facts);
  return (
    <article className="cta-detail" data-testid="cta-detail" data-cta-id={c.id} data-status={c.status}>
      <a href="#/tasks/ctas" className="back-link">
        ← Calls to action
      </a>
      <header className="card-header">
        <div>
          <h2 className="card-title" data-testid="cta-title">
            {c.title}
          </h2>
          <p className="card-subtitle">
            <a href={`#/accounts/${c.accountId}`} data-testid="cta-account">
              {c.accountName}
            </a>
            {` · ${CTA_KIND_LABELS[c.rule]} · opened ${formatDateTime(c.openedAt)}${c.owner ? ` · ${c.owner}` : ''}`}
          </p>
        </div>
        <span className="spacer" />
        <span className="pill" data-testid="cta-status">
          {CTA_STATUS_TEXT(c)}
        </span>
        {c.status === 'open' && (
          <button type="button" className="button primary" onClick={() => setClosing(true)} data-testid="cta-close">
            Close…
          </button>
        )}
      </header>
      <section className="card">
        <h3 className="section-title">What fired it</h3>
        <p data-testid="cta-fired-by">{c.firedBy.summary}</p>
        {facts.length > 0 && (
          <dl className="definition-list">
            {facts.map((fact) => (
              <div key={fact.key} data-testid={`cta-fact-${fact.key}`}>
                <dt className="muted small">{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {c.status === 'closed' && (
        <section className="card" data-testid="cta-outcome">
          <h3 className="section-title">Outcome</h3>
          <p>
            {CTA_STATUS_TEXT(c)}
            {c.closedAt ? ` on ${formatDateTime(c.closedAt)}` : ''}
            {c.closedBy ? ` by ${c.closedBy}` : ''}
          </p>
          {c.outcomeNote && <p className="muted">{c.outcomeNote}</p>}
        </section>
      )}
      <section className="card">
        <h3 className="section-title">
          Tasks{c.playbookName ? ` from the playbook “${c.playbookName}”` : ''} <span className="muted small">({`${c.totalTasks - c.openTasks} of ${c.totalTasks} done`})</span>
        </h3>
        {tasks.data && tasks.data.rows.length === 0 ? (
          <p className="muted">No task: no playbook opens on this rule.</p>
        ) : (
          <TaskList rows={tasks.data?.rows ?? []} showAccount={false} showCta={false} testId="cta-tasks" />
        )}
      </section>
      {closing && <CloseCtaDialog cta={c} onClose={() => setClosing(false)} />}
    </article>
  );
}
