import { useState } from 'react';
import type { PlanWithProgress } from '../../../../shared/contract/plans';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { PlanItemDialog } from './PlanItemDialog';
import './plans.css';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100));

/** The account's success plans on its page: objectives measured against their targets, milestones, progress. */
export function PlansCard({ accountId }: { accountId: number }) {
  const plans = useQuery('plans.account', { accountId }, ['plans', 'planObjectives', 'planMilestones', 'outcomes']);
  const [dialog, setDialog] = useState<{ kind: 'plan' | 'objective' | 'milestone'; planId?: number } | null>(null);
  const toggle = useAction((id: number, done: boolean) => call('planMilestones.update', { id, doneAt: done ? new Date().toISOString().slice(0, 10) : null }));
  return (
    <section className="card plans-card" aria-labelledby="plans-title" data-testid="plans-card">
      <header className="card-header">
        <h2 id="plans-title">Success plans</h2>
        <button type="button" onClick={() => setDialog({ kind: 'plan' })} data-testid="new-plan">
          New plan
        </button>
      </header>
      {plans.error && (
        <p className="form-error" role="alert">
          {plans.error.message}
        </p>
      )}
      {toggle.error && (
        <p className="form-error" role="alert">
          {toggle.error}
        </p>
      )}
      {plans.data?.length === 0 && (
        <p className="muted" data-testid="plans-empty">
          No success plan yet: set objectives with measurable targets (tie them to the account’s outcomes) and milestones.
        </p>
      )}
      {plans.data?.map((p) => (
        <Plan key={p.plan.id} plan={p} onAdd={(kind) => setDialog({ kind, planId: p.plan.id })} onToggle={(id, done) => void toggle.run(id, done)} />
      ))}
      {dialog && <PlanItemDialog kind={dialog.kind} accountId={accountId} planId={dialog.planId} onClose={() => setDialog(null)} />}
    </section>
  );
}

function Plan({ plan: p, onAdd, onToggle }: { plan: PlanWithProgress; onAdd: (kind: 'objective' | 'milestone') => void; onToggle: (id: number, done: boolean) => void }) {
  return (
    <article className="plan" data-testid="plan" aria-label={p.plan.title}>
      <div className="plan-head">
        <h3>{p.plan.title}</h3>
        <span className="muted small">
          {p.plan.status}
          {p.plan.dueDate ? ` · due ${p.plan.dueDate}` : ''}
          {p.plan.owner ? ` · ${p.plan.owner}` : ''}
        </span>
        <span className="plan-progress" data-testid="plan-progress">
          {pct(p.progress.overall)}
        </span>
      </div>
      <progress max={1} value={p.progress.overall ?? 0} aria-label={`Progress of ${p.plan.title}`} />
      <p className="small muted">
        {p.progress.objectivesMet} of {p.progress.objectives} objectives met · {p.progress.milestonesDone} of {p.progress.milestones} milestones done
      </p>
      {p.objectives.length > 0 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col" className="num">
                Baseline → target
              </th>
              <th scope="col" className="num">
                Now
              </th>
              <th scope="col" className="num">
                Progress
              </th>
            </tr>
          </thead>
          <tbody>
            {p.objectives.map((o) => (
              <tr key={o.id} data-testid="objective-row">
                <th scope="row">
                  {o.title}
                  {o.outcomeMetric && <div className="muted small">measured by the outcome “{o.outcomeMetric}”</div>}
                </th>
                <td className="num">
                  {num(o.baseline ?? 0)} → {num(o.target)} {o.unit ?? ''}
                </td>
                <td className="num">{num(o.value)}</td>
                <td className="num" data-testid="objective-progress">
                  {pct(o.progress)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.milestones.length > 0 && (
        <ul className="plan-milestones">
          {p.milestones.map((m) => (
            <li key={m.id} data-testid="milestone">
              <label className="check">
                <input type="checkbox" checked={m.doneAt !== null} onChange={(e) => onToggle(m.id, e.target.checked)} data-testid="milestone-done" />
                {m.title}
              </label>{' '}
              <span className={`small ${m.overdue ? 'tone-bad' : 'muted'}`}>
                {m.doneAt ? `done ${m.doneAt}` : m.dueDate ? `${m.overdue ? 'overdue, ' : ''}due ${m.dueDate}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => onAdd('objective')} data-testid="add-objective">
          Add objective
        </button>
        <button type="button" onClick={() => onAdd('milestone')} data-testid="add-milestone">
          Add milestone
        </button>
      </div>
    </article>
  );
}
