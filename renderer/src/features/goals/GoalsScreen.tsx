import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { GoalsTable } from './GoalsTable';
import { NewGoalDialog } from './NewGoalDialog';
import { currentQuarter, shiftQuarter } from './goalLabels';

/** Goals per KPI for a quarter, each against the dashboard's figure. `#/goals[/<quarter>]`. */
export function GoalsScreen({ params }: { params: string[] }) {
  const [quarter, setQuarter] = useState(params[0] && /^\d{4}-Q[1-4]$/.test(params[0]) ? params[0] : currentQuarter());
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ id: number; explanation: string } | null>(null);
  const standing = useQuery('goals.standing', { quarter }, ['goals', 'accounts', 'surveyResponses', 'tickets', 'metrics']);
  const archive = useAction((id: number) => call('goals.archive', { id }));
  const data = standing.data;
  return (
    <section className="screen goals-screen" data-testid="goals-screen">
      <header className="screen-header">
        <h1>Goals</h1>
        <div className="toolbar">
          <button type="button" onClick={() => setQuarter(shiftQuarter(quarter, -1))} aria-label="Previous quarter" data-testid="goals-prev">
            ←
          </button>
          <strong data-testid="goals-quarter">{quarter}</strong>
          <button type="button" onClick={() => setQuarter(shiftQuarter(quarter, 1))} aria-label="Next quarter" data-testid="goals-next">
            →
          </button>
          <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="new-goal">
            New goal
          </button>
        </div>
      </header>
      <p className="muted small">
        A goal is met only when the figure’s whole 95 % interval is on the right side of it, missed when the whole interval is on the wrong side, and otherwise not yet clear.
        Survey figures carry their own interval; shares of a count a Wilson interval; ARR retention and the median of every ticket are exact.
      </p>
      {standing.error && (
        <p className="form-error" role="alert">
          {standing.error.message}
        </p>
      )}
      {archive.error && (
        <p className="form-error" role="alert">
          {archive.error}
        </p>
      )}
      {!data && !standing.error && <p className="muted">Loading…</p>}
      {data?.rows.length === 0 && (
        <div className="empty-state" data-testid="goals-empty">
          <h2>No goals for {quarter}</h2>
          <p>Set a goal on NPS, CSAT, first response, renewal rate or NRR to see the quarter’s figure against it.</p>
        </div>
      )}
      {data && data.rows.length > 0 && (
        <section className="card">
          <GoalsTable data={data} />
          <ul className="goal-explanations small muted">
            {data.rows.map((row) => (
              <li key={row.goal.id}>
                {row.explanation}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setRemoving({ id: row.goal.id, explanation: row.explanation })}
                  aria-label={`Remove the goal: ${row.explanation}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {adding && <NewGoalDialog quarter={quarter} onClose={() => setAdding(false)} />}
      {removing && (
        <ConfirmDialog
          title="Remove this goal?"
          confirm="Remove goal"
          danger
          testId="remove-goal"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await archive.run(removing.id);
            setRemoving(null);
          }}
        >
          <p>{removing.explanation}</p>
          <p className="muted small">It is archived: its figures stay in the metrics, only the goal leaves the table.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
