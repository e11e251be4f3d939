import { useQuery } from '../../api/useQuery';
import { GoalsTable } from './GoalsTable';

/** The dashboard's goals for this quarter: each figure against its goal, with the interval. */
export function GoalsCard() {
  const standing = useQuery('goals.standing', {}, ['goals', 'accounts', 'surveyResponses', 'tickets', 'metrics']);
  const data = standing.data;
  return (
    <section className="card goals-card" aria-labelledby="goals-card-title" data-testid="goals-card">
      <header className="card-header">
        <h2 id="goals-card-title">Goals {data ? `for ${data.quarter}` : ''}</h2>
        <a href={`#/goals${data ? `/${data.quarter}` : ''}`}>All goals</a>
      </header>
      {standing.error && (
        <p className="form-error" role="alert">
          {standing.error.message}
        </p>
      )}
      {data?.rows.length === 0 && (
        <p className="muted" data-testid="goals-card-empty">
          No goals set for this quarter. <a href="#/goals">Set one</a>.
        </p>
      )}
      {data && data.rows.length > 0 && <GoalsTable data={data} compact />}
    </section>
  );
}
