import { useState } from 'react';
import { STORY_STAGE_LABELS } from '../../../../shared/contract/stories';
import { useQuery } from '../../api/useQuery';
import { ResultFigure } from './ResultFigure';

/** For product teams: per product, the stories that name it and the results customers measured. */
export function ProductResultsPanel() {
  const [publishedOnly, setPublishedOnly] = useState(false);
  const products = useQuery('stories.productResults', publishedOnly ? { stage: 'published' } : {}, ['stories', 'outcomes']);
  const rows = products.data;
  return (
    <div className="product-results" data-testid="product-results">
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={publishedOnly} onChange={(e) => setPublishedOnly(e.target.checked)} data-testid="published-only" />
          Published stories only
        </label>
      </div>
      {products.error && (
        <p className="form-error" role="alert">
          {products.error.message}
        </p>
      )}
      {!rows && !products.error && <p className="muted">Loading…</p>}
      {rows?.length === 0 && (
        <div className="empty-state" data-testid="product-results-empty">
          <h2>No stories name a product yet</h2>
          <p>Products are listed on each story; {publishedOnly ? 'no published story has any.' : 'add them in the story editor.'}</p>
        </div>
      )}
      {rows?.map((group) => (
        <section key={group.product} className="card product-card" aria-labelledby={`product-${group.product}`} data-testid="product-group">
          <header className="card-header">
            <h2 id={`product-${group.product}`}>{group.product}</h2>
            <span className="muted small">
              {group.storyCount === 1 ? '1 story' : `${group.storyCount} stories`} · {group.resultCount === 1 ? '1 measured result' : `${group.resultCount} measured results`}
            </span>
          </header>
          <ul className="product-stories">
            {group.stories.map((story) => (
              <li key={story.id}>
                <div className="product-story-head">
                  <a href={`#/stories/${story.id}`}>{story.title}</a>
                  <span className="muted small">{story.accountName}</span>
                  <span className={`pill story-stage-${story.stage}`}>{STORY_STAGE_LABELS[story.stage]}</span>
                </div>
                {story.results.length === 0 ? (
                  <p className="muted small">No measured result linked.</p>
                ) : (
                  <div className="product-story-results">
                    {story.results.map((outcome) => (
                      <ResultFigure key={outcome.id} outcome={outcome} compact />
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
