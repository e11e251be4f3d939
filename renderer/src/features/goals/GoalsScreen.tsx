import { useState } from 'react';
import type { Goal } from '../../../../shared/contract/goals';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UndoBar, useUndo } from '../journeys/UndoBar';
import { GoalDialog } from './GoalDialog';
import { GoalsTable } from './GoalsTable';
import { KPI_LABELS, currentQuarter, scopeText, shiftQuarter } from './goalLabels';
import './goals.css';

/** Goals per KPI for a quarter, each against the dashboard's figure; set, changed and removed here. `#/goals[/<quarter>]`. */
export function GoalsScreen({ params }: { params: string[] }) {
  // The quarter lives in the address (#/goals/2026-Q4): the arrows move it, Back returns, the sidebar's Goals is today's.
  const quarter = params[0] && /^\d{4}-Q[1-4]$/.test(params[0]) ? params[0] : currentQuarter();
  const [open, setOpen] = useState<{ kind: 'edit'; goal?: Goal } | { kind: 'remove'; goal: Goal } | null>(null);
  const undo = useUndo();
  const standing = useQuery('goals.standing', { quarter }, ['goals', 'accounts', 'surveyResponses', 'tickets', 'metrics']);
  const data = standing.data;
  const close = () => setOpen(null);
  const move = (by: number) => {
    window.location.hash = `#/goals/${shiftQuarter(quarter, by)}`;
  };
  return (
    <section className="screen goals-screen" data-testid="goals-screen">
      <header className="screen-header">
        <h1>Goals</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => move(-1)} aria-label="Previous quarter" data-testid="goals-prev">
            ←
          </button>
          <strong data-testid="goals-quarter" aria-live="polite">
            {quarter}
          </strong>
          <button type="button" className="button" onClick={() => move(1)} aria-label="Next quarter" data-testid="goals-next">
            →
          </button>
          <button type="button" className="button primary" onClick={() => setOpen({ kind: 'edit' })} data-testid="new-goal">
            New goal
          </button>
        </div>
      </header>
      <p className="muted small goals-rule">
        A goal is met only when the figure’s whole 95 % interval is on the right side of it, not met (missed) when the whole interval is on the wrong side, and otherwise not yet
        clear. NPS, CSAT, NSAT, renewal rate and logo churn are samples and carry their interval; NRR and GRR count every account and are compared as they are; the median first
        response counts every ticket and is read within 1 %, so a goal inside that band is not yet clear.
      </p>
      <UndoBar undo={undo} />
      {standing.error && (
        <p className="form-error" role="alert">
          {standing.error.message}
        </p>
      )}
      {!data && !standing.error && <p className="muted">Loading…</p>}
      {data?.rows.length === 0 && (
        <div className="empty-state" data-testid="goals-empty">
          <h2>No goals for {quarter}</h2>
          <p>Set a goal on NPS, CSAT, first response, renewal rate or NRR to see the quarter’s figure against it.</p>
          <button type="button" className="button primary" onClick={() => setOpen({ kind: 'edit' })} data-testid="goals-empty-new">
            Set a goal for {quarter}
          </button>
        </div>
      )}
      {data && data.rows.length > 0 && (
        <section className="card">
          <GoalsTable data={data} onEdit={(goal) => setOpen({ kind: 'edit', goal })} onRemove={(goal) => setOpen({ kind: 'remove', goal })} />
          <h2 className="visually-hidden">How each goal was judged</h2>
          <ul className="goal-explanations small muted" data-testid="goal-explanations">
            {data.rows.map((row) => (
              <li key={row.goal.id}>
                <strong>
                  {KPI_LABELS[row.goal.kpi]}, {scopeText(row.goal)}:
                </strong>{' '}
                {row.explanation}
              </li>
            ))}
          </ul>
        </section>
      )}
      {open?.kind === 'edit' && <GoalDialog quarter={quarter} goal={open.goal} onClose={close} />}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove the ${KPI_LABELS[open.goal.kpi]} goal?`}
          confirm="Remove goal"
          danger
          testId="remove-goal"
          onClose={close}
          onConfirm={async () => {
            const { goal } = open;
            await call('goals.archive', { id: goal.id });
            close();
            undo.offer(`Removed the ${KPI_LABELS[goal.kpi]} goal (${scopeText(goal)}).`, async () => void (await call('goals.restore', { id: goal.id })));
          }}
        >
          <p>
            {scopeText(open.goal)}, {open.goal.periodStart} onwards, target {open.goal.target}.
          </p>
          <p className="muted small">It is archived: the figures stay in the metrics, only the goal leaves the table. Undo brings it back for 20 seconds.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
