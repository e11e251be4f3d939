import { useState } from 'react';
import '../stories/stories.css';
import type { Outcome } from '../../../../shared/contract/outcomes';
import { useQuery } from '../../api/useQuery';
import { OutcomeDialog } from '../stories/OutcomeDialog';
import { ResultFigure } from '../stories/ResultFigure';

/** The customer's measured results (baseline → achieved): the raw material of its success stories. */
export function OutcomesCard({ accountId }: { accountId: number }) {
  const outcomes = useQuery('outcomes.list', { filter: { accountId }, pageSize: 200, sort: { field: 'createdAt', direction: 'desc' } }, ['outcomes']);
  const [editing, setEditing] = useState<Outcome | 'new'>();
  const rows = outcomes.data?.rows;
  return (
    <section className="card" aria-labelledby="outcomes-title" data-testid="outcomes">
      <header className="card-header">
        <h2 id="outcomes-title">Outcomes</h2>
        <button type="button" className="button small" onClick={() => setEditing('new')} data-testid="add-outcome">
          Add outcome
        </button>
      </header>
      {outcomes.error && (
        <p className="form-error" role="alert">
          {outcomes.error.message}
        </p>
      )}
      {!rows && !outcomes.error && <p className="muted small">Loading outcomes…</p>}
      {rows?.length === 0 && <p className="muted">No measured results yet. Record one when the customer can show what changed.</p>}
      {rows && rows.length > 0 && (
        <ul className="outcome-list">
          {rows.map((outcome) => (
            <li key={outcome.id} data-testid="outcome-row">
              <ResultFigure outcome={outcome} compact />
              <button type="button" className="link-button small" onClick={() => setEditing(outcome)} aria-label={`Edit ${outcome.metric}`} data-testid="edit-outcome">
                Edit
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing && <OutcomeDialog accountId={accountId} outcome={editing === 'new' ? undefined : editing} onSaved={outcomes.reload} onClose={() => setEditing(undefined)} />}
    </section>
  );
}
