import { useState } from 'react';
import type { Outcome } from '../../../../shared/contract/outcomes';
import type { StoryDetail } from '../../../../shared/contract/stories';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { OutcomeDialog } from './OutcomeDialog';
import { ResultFigure } from './ResultFigure';

/** The story's quantified results: outcomes measured at its account, picked or recorded here. */
export function ResultsCard({ story, readOnly }: { story: StoryDetail; readOnly: boolean }) {
  const outcomes = useQuery('outcomes.list', { filter: { accountId: story.accountId }, pageSize: 500, sort: { field: 'metric', direction: 'asc' } }, ['outcomes']);
  const [picked, setPicked] = useState('');
  const [editing, setEditing] = useState<Outcome | 'new'>();
  const linked = new Set(story.results.map((result) => result.id));
  const available = (outcomes.data?.rows ?? []).filter((outcome) => !linked.has(outcome.id));

  const attempt = useAction((action: () => Promise<unknown>) => action());
  const { run, error } = attempt;
  const link = (outcomeId: number) => run(() => call('stories.linkOutcome', { id: story.id, outcomeId }).then(() => setPicked('')));

  return (
    <section className="card" aria-labelledby="story-results-title" data-testid="story-results">
      <header className="card-header">
        <h2 id="story-results-title">Results</h2>
        {!readOnly && (
          <button type="button" className="button small" onClick={() => setEditing('new')} data-testid="new-outcome">
            New outcome…
          </button>
        )}
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {story.results.length === 0 && <p className="muted small">No results yet. A story is believed for its numbers: link a measured outcome of {story.accountName}.</p>}
      <ul className="result-list">
        {story.results.map((outcome) => (
          <li key={outcome.id} data-testid="story-result">
            <ResultFigure outcome={outcome} />
            {!readOnly && (
              <div className="result-actions">
                <button type="button" className="link-button small" onClick={() => setEditing(outcome)} aria-label={`Edit ${outcome.metric}`}>
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => void run(() => call('stories.unlinkOutcome', { id: story.id, outcomeId: outcome.id }))}
                  aria-label={`Remove ${outcome.metric} from the story`}
                  data-testid="unlink-result"
                >
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && available.length > 0 && (
        <div className="result-picker">
          <label className="visually-hidden" htmlFor="story-result-pick">
            Outcome to add
          </label>
          <select id="story-result-pick" className="input" value={picked} onChange={(e) => setPicked(e.target.value)} data-testid="result-pick">
            <option value="">Add a measured outcome…</option>
            {available.map((outcome) => (
              <option key={outcome.id} value={outcome.id}>
                {outcome.metric}
              </option>
            ))}
          </select>
          <button type="button" className="button small" disabled={!picked} onClick={() => void link(Number(picked))} data-testid="result-add">
            Add result
          </button>
        </div>
      )}
      {editing && (
        <OutcomeDialog
          accountId={story.accountId}
          outcome={editing === 'new' ? undefined : editing}
          // A new outcome recorded from the story is one of its results straight away.
          onSaved={async (saved) => {
            if (editing === 'new') await call('stories.linkOutcome', { id: story.id, outcomeId: saved.id });
          }}
          onClose={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}
