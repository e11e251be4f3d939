import type { PlanMilestone, PlanObjective, PlanWithProgress } from '../../../../shared/contract/plans';
import { countOf, formatDate } from '../../../../shared/format/format';
import { PLAN_STATUS_TEXT } from './planForm';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100));

/** A row's Edit and Remove buttons, named for screen readers by what they act on. */
function EditRemove({ what, testId, onEdit, onRemove }: { what: string; testId: string; onEdit: () => void; onRemove: () => void }) {
  return (
    <>
      <button type="button" className="link-button" onClick={onEdit} aria-label={`Edit ${what}`} data-testid={`${testId}-edit`}>
        Edit
      </button>
      <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove ${what}`} data-testid={`${testId}-remove`}>
        Remove
      </button>
    </>
  );
}

export interface PlanActions {
  editPlan: () => void;
  archivePlan: () => void;
  addObjective: () => void;
  editObjective: (objective: PlanObjective) => void;
  removeObjective: (objective: PlanObjective) => void;
  addMilestone: () => void;
  editMilestone: (milestone: PlanMilestone) => void;
  removeMilestone: (milestone: PlanMilestone) => void;
  toggleMilestone: (id: number, done: boolean) => void;
}

/** One success plan on the account page: its objectives against their targets, its milestones, its progress, and the buttons to change each. */
export function PlanArticle({ plan: p, actions }: { plan: PlanWithProgress; actions: PlanActions }) {
  const title = p.plan.title;
  return (
    <article className="plan" data-testid="plan" data-plan-id={p.plan.id} aria-label={title}>
      <div className="plan-head">
        <h3>{title}</h3>
        <span className={`pill plan-status-${p.plan.status}`} data-testid="plan-status-pill">
          {PLAN_STATUS_TEXT[p.plan.status]}
        </span>
        <span className="muted small">
          {p.plan.startDate ? `${formatDate(p.plan.startDate)} → ` : ''}
          {p.plan.dueDate ? `due ${formatDate(p.plan.dueDate)}` : p.plan.startDate ? 'no due date' : ''}
          {p.plan.owner ? ` · ${p.plan.owner}` : ''}
        </span>
        <span className="plan-progress" data-testid="plan-progress">
          {pct(p.progress.overall)}
        </span>
      </div>
      <progress max={1} value={p.progress.overall ?? 0} aria-label={`Progress of ${title}`} />
      <p className="small muted">
        {p.progress.objectivesMet} of {countOf(p.progress.objectives, 'objective')} met · {p.progress.milestonesDone} of {countOf(p.progress.milestones, 'milestone')} done
      </p>
      {p.plan.notes && <p className="small plan-notes">{p.plan.notes}</p>}
      {p.objectives.length > 0 && (
        <table className="mini-table plan-objectives">
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
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.objectives.map((o) => (
              <tr key={o.id} data-testid="objective-row" data-objective-id={o.id}>
                <th scope="row">
                  {o.title}
                  {o.outcomeMetric && <div className="muted small">measured by the outcome “{o.outcomeMetric}”</div>}
                  {o.dueDate && <div className="muted small">due {formatDate(o.dueDate)}</div>}
                </th>
                <td className="num">
                  {num(o.baseline ?? 0)} → {num(o.target)} {o.unit ?? ''}
                </td>
                <td className="num" data-testid="objective-value">
                  {num(o.value)}
                </td>
                <td className="num" data-testid="objective-progress">
                  {pct(o.progress)}
                </td>
                <td className="row-actions">
                  <EditRemove what={`the objective ${o.title}`} testId="objective" onEdit={() => actions.editObjective(o)} onRemove={() => actions.removeObjective(o)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.milestones.length > 0 && (
        <ul className="plan-milestones">
          {p.milestones.map((m) => (
            <li key={m.id} data-testid="milestone" data-milestone-id={m.id}>
              <label className="check">
                <input type="checkbox" checked={m.doneAt !== null} onChange={(e) => actions.toggleMilestone(m.id, e.target.checked)} data-testid="milestone-done" />
                {m.title}
              </label>{' '}
              <span className={`small ${m.overdue ? 'tone-bad' : 'muted'}`}>
                {m.doneAt ? `done ${formatDate(m.doneAt)}` : m.dueDate ? `${m.overdue ? 'overdue, ' : ''}due ${formatDate(m.dueDate)}` : ''}
              </span>
              <span className="row-actions">
                <EditRemove what={`the milestone ${m.title}`} testId="milestone" onEdit={() => actions.editMilestone(m)} onRemove={() => actions.removeMilestone(m)} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {p.objectives.length === 0 && p.milestones.length === 0 && (
        <p className="muted small" data-testid="plan-empty">
          Nothing in this plan yet: add an objective with a measurable target, or a milestone.
        </p>
      )}
      <div className="plan-actions">
        <button type="button" className="button small" onClick={actions.addObjective} data-testid="add-objective">
          Add objective
        </button>
        <button type="button" className="button small" onClick={actions.addMilestone} data-testid="add-milestone">
          Add milestone
        </button>
        <span className="spacer" />
        <button type="button" className="button small" onClick={actions.editPlan} aria-label={`Edit the plan ${title}`} data-testid="plan-edit">
          Edit plan
        </button>
        <button type="button" className="button small" onClick={actions.archivePlan} aria-label={`Archive the plan ${title}`} data-testid="plan-archive">
          Archive plan
        </button>
      </div>
    </article>
  );
}
